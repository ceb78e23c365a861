using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using NodaTime;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>
/// A rule of rules.md with its stable id, the paragraph it cites, a Norwegian one-line summary and the severity of
/// its findings. Rules never block: they report, and the caller decides.
/// </summary>
public abstract class Rule
{
    /// <summary>The stable id, e.g. <c>AML-10-8-1</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The legal source, e.g. <c>arbeidsmiljøloven § 10-8 (1)</c>.</summary>
    public abstract string Paragraph { get; }

    /// <summary>One line in Norwegian: what the rule says.</summary>
    public string Summary => RuleText.Get(Id + ".Summary");

    /// <summary>The most severe finding the rule gives (classification rules give none).</summary>
    public abstract Severity? Severity { get; }
}

/// <summary>A rule that judges one scope: one assistant, one employer, planned or actual (or all employers, for info).</summary>
internal abstract class ScopeRule : Rule
{
    /// <summary>Whether the rule also looks at an assistant's work for all employers together (then only <c>info</c>).</summary>
    public virtual bool AcrossEmployers => false;

    public abstract void Evaluate(Scope scope, FindingSink sink);
}

/// <summary>A rule that judges the check as a whole (the plan, an employer's settings).</summary>
internal abstract class CheckRule : Rule
{
    public abstract void Evaluate(PreparedCheck check, FindingSink sink);
}

/// <summary>A rule that classifies hours (night, Sunday, supplements) and gives no findings of its own.</summary>
internal abstract class ClassificationRule : Rule
{
    public override Severity? Severity => null;
}

/// <summary>Collects findings.</summary>
internal sealed class FindingSink
{
    public List<Finding> Findings { get; } = [];

    public void Add(Scope scope, string rule, Severity severity, IReadOnlyList<string> shifts, long from, long to, double? measuredSeconds, double? limitSeconds, string message)
        => Findings.Add(new Finding(rule, severity, scope.Assistant.Id, scope.CrossEmployer ? null : scope.Employer.Profile.Id, shifts,
            Instant.FromUnixTimeSeconds(from), Instant.FromUnixTimeSeconds(to), Round(measuredSeconds / 3600.0), Round(limitSeconds / 3600.0),
            measuredSeconds is null && limitSeconds is null ? null : "h", message));

    public void Add(Finding finding) => Findings.Add(finding);

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The rule messages, in bokmål, from <c>RuleTexts.resx</c>.</summary>
public static class RuleText
{
    private static readonly ResourceManager Resources = new("Selvstyrt.Domain.Rules.RuleTexts", typeof(RuleText).Assembly);
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>
    /// Every text, read once: <see cref="ResourceManager.GetString(string, CultureInfo)"/> takes a lock and looks up its resource
    /// set on each call, and a full year's check writes some 200,000 messages (issue 21, P1: 6 % of its time).
    /// </summary>
    private static readonly FrozenDictionary<string, string> Texts = Load();

    private static FrozenDictionary<string, string> Load()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
                  ?? throw new InvalidOperationException("Regeltekstene mangler.");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            if (entry.Key is string key && entry.Value is string text) texts[key] = text;
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A text by key; throws when missing so that a typo fails a test, not a user.</summary>
    public static string Get(string key) => Texts.TryGetValue(key, out var text) ? text : throw new InvalidOperationException($"Regelteksten {key} mangler.");

    /// <summary>A text with arguments; numbers are written the Norwegian way.</summary>
    public static string Format(string key, params object[] args) => string.Format(Norwegian, Get(key), args);

    /// <summary>Hours from seconds, as people write them: "9", "10,5", "7,25".</summary>
    public static string Hours(double seconds) => (seconds / 3600.0).ToString("0.##", Norwegian);

    /// <summary>A number as people write it.</summary>
    public static string Number(double value) => value.ToString("0.##", Norwegian);

    /// <summary>A local date and time for messages: "5.5.2025 kl. 22:00".</summary>
    public static string When(LocalTimelineView timeline, long unixSeconds)
        => timeline.Local(unixSeconds).ToString("d.M.yyyy 'kl.' HH:mm", Norwegian);

    /// <summary>A local date for messages: "5.5.2025".</summary>
    public static string Date(LocalDate date) => date.ToString("d.M.yyyy", Norwegian);
}

/// <summary>Local times for messages.</summary>
public readonly struct LocalTimelineView(DateTimeZone zone)
{
    /// <summary>The civil time of an instant.</summary>
    public LocalDateTime Local(long unixSeconds) => Instant.FromUnixTimeSeconds(unixSeconds).InZone(zone).LocalDateTime;
}
