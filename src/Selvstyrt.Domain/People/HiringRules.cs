using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.People;

/// <summary>What a hiring rule of rules.md § 6 found: the rule, how serious, and why in Norwegian.</summary>
public sealed record HiringFinding(string Rule, Severity Severity, string Message);

/// <summary>BPA-POL-5-4: a police certificate before any work, for every assistant (helse- og omsorgstjenesteloven § 5-4).</summary>
internal sealed class Bpa_Pol_5_4 : Rule
{
    public override string Id => "BPA-POL-5-4";
    public override string Paragraph => "helse- og omsorgstjenesteloven § 5-4";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>ANSATT-1: an employment on the day of the shift (our id: the plan's consistency with the employment record).</summary>
internal sealed class Ansatt_1 : Rule
{
    public override string Id => "ANSATT-1";
    public override string Paragraph => "arbeidsmiljøloven §§ 14-5, 15-1";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>TAUSHET-1: the confidentiality declaration before the first shift (our id: rules.md names no rule for it).</summary>
internal sealed class Taushet_1 : Rule
{
    public override string Id => "TAUSHET-1";
    public override string Paragraph => "helsepersonelloven § 21, forvaltningsloven § 13";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>BPA-NAER: a close relative as assistant needs the municipality's written approval.</summary>
internal sealed class Bpa_Naer : Rule
{
    public override string Id => "BPA-NAER";
    public override string Paragraph => "forskrift om kvalitet i pleie- og omsorgstjenestene, rundskriv I-9/2015";
    public override Severity? Severity => Rules.Engine.Severity.Warn;
}

/// <summary>HR-14-5: the written contract within 7 days of the start for jobs over a month (from 2024-07-01), else at once.</summary>
internal sealed class Hr_14_5 : Rule
{
    public static readonly LocalDate Changed = new(2024, 7, 1);

    public override string Id => "HR-14-5";
    public override string Paragraph => "arbeidsmiljøloven § 14-5";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>HR-14-6: what the contract must say.</summary>
internal sealed class Hr_14_6 : Rule
{
    public override string Id => "HR-14-6";
    public override string Paragraph => "arbeidsmiljøloven § 14-6";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>HR-14-9: permanent employment is the rule; temporary only on a named basis (checked by <see cref="Employment.Validate"/>).</summary>
internal sealed class Hr_14_9 : Rule
{
    public override string Id => "HR-14-9";
    public override string Paragraph => "arbeidsmiljøloven § 14-9";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>HR-15-15: the reference letter states name, date of birth, the work and how long; never why someone was dismissed.</summary>
internal sealed class Hr_15_15 : Rule
{
    public override string Id => "HR-15-15";
    public override string Paragraph => "arbeidsmiljøloven § 15-15";
    public override Severity? Severity => Rules.Engine.Severity.Breach;
}

/// <summary>
/// The hiring rules of rules.md § 6 as functions of the recorded facts. They report; the callers decide (publishing refuses
/// a breach of BPA-POL-5-4 and an unapproved close relative, the contract's save refuses a missing part of HR-14-6).
/// </summary>
public static class HiringRules
{
    /// <summary>
    /// BPA-POL-5-4 for one day of work: a breach unless a police certificate was shown on or before the day (the day itself
    /// counts: it is shown before the work begins). A certificate with remarks counts once the employer has assessed them.
    /// </summary>
    public static HiringFinding? PoliceCertificate(LocalDate? shownOn, bool clears, LocalDate day)
    {
        if (shownOn is null) return new("BPA-POL-5-4", Severity.Breach, RuleText.Format("BPA-POL-5-4.None", Date(day)));
        if (shownOn > day) return new("BPA-POL-5-4", Severity.Breach, RuleText.Format("BPA-POL-5-4.Late", Date(day), Date(shownOn.Value)));
        if (!clears) return new("BPA-POL-5-4", Severity.Breach, RuleText.Get("BPA-POL-5-4.Remarks"));
        return null;
    }

    /// <summary>ANSATT-1 for one day of work: an employment that day (<paramref name="nextStart"/> is the next one to begin, if any).</summary>
    public static HiringFinding? Employed(bool employedThatDay, LocalDate? nextStart, LocalDate day)
    {
        if (employedThatDay) return null;
        return nextStart is { } start
            ? new("ANSATT-1", Severity.Breach, RuleText.Format("ANSATT-1.Before", Date(day), Date(start)))
            : new("ANSATT-1", Severity.Breach, RuleText.Format("ANSATT-1.None", Date(day)));
    }

    /// <summary>TAUSHET-1 for one day of work: the confidentiality declaration signed on or before the day.</summary>
    public static HiringFinding? Confidentiality(LocalDate? signedOn, LocalDate day)
    {
        if (signedOn is null) return new("TAUSHET-1", Severity.Breach, RuleText.Format("TAUSHET-1.None", Date(day)));
        return signedOn > day ? new("TAUSHET-1", Severity.Breach, RuleText.Format("TAUSHET-1.Late", Date(day), Date(signedOn.Value))) : null;
    }

    /// <summary>BPA-NAER for one day of work: a close relative needs the municipality's approval recorded on or before the day.</summary>
    public static HiringFinding? CloseRelative(CloseRelation? relation, LocalDate? approvedOn, LocalDate day)
    {
        if (relation is null) return null;
        if (approvedOn is { } a && a <= day) return null;
        return new("BPA-NAER", Severity.Warn, RuleText.Format("BPA-NAER.Missing", Date(day)));
    }

    /// <summary>
    /// The last day for the written contract (HR-14-5). From 2024-07-01: 7 days after the start for an employment of more than a
    /// month, the start day itself for a shorter one; before that, one month after the start, or the start day for a shorter one.
    /// </summary>
    public static LocalDate ContractDeadline(LocalDate start, LocalDate? end)
    {
        var longerThanAMonth = end is null || end.Value >= start.PlusMonths(1);
        if (!longerThanAMonth) return start;
        return start >= Hr_14_5.Changed ? start.PlusDays(7) : start.PlusMonths(1);
    }

    /// <summary>HR-14-5: a breach when the contract was signed by both after the deadline, or is still unsigned after it.</summary>
    public static HiringFinding? ContractSigned(LocalDate start, LocalDate? end, LocalDate? signedOn, LocalDate today)
    {
        var deadline = ContractDeadline(start, end);
        if (signedOn is { } s)
            return s > deadline ? new("HR-14-5", Severity.Breach, RuleText.Format("HR-14-5.Late", Date(s), Date(deadline), Date(start))) : null;
        return today > deadline
            ? new("HR-14-5", Severity.Breach, RuleText.Format("HR-14-5.Missing", Date(deadline)))
            : new("HR-14-5", Severity.Info, RuleText.Format("HR-14-5.Due", Date(deadline)));
    }

    /// <summary>
    /// HR-14-6: the parts the written contract must have, for an employment starting on <paramref name="start"/>; the four parts
    /// added on 2024-07-01 (paid absence, termination procedure, training, social security) from that day.
    /// </summary>
    public static IReadOnlyList<ContractPart> RequiredParts(LocalDate start)
        => start >= Hr_14_5.Changed ? ContractParts.All : ContractParts.All.Where(p => !ContractParts.Since2024.Contains(p)).ToList();

    /// <summary>HR-14-6 as field errors: each required part that is empty, named; null text counts as empty.</summary>
    public static Dictionary<string, string> MissingParts(LocalDate start, Func<ContractPart, string?> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new Dictionary<string, string>();
        foreach (var part in RequiredParts(start))
            if (string.IsNullOrWhiteSpace(text(part)))
                fields[ContractParts.Field(part)] = RuleText.Format("HR-14-6.Missing", ContractParts.Label(part));
        return fields;
    }

    /// <summary>
    /// HR-15-15: words that give a reason for an ending, which a reference letter must never carry (that the employment was
    /// ended by dismissal may be stated, not why). The check is on the letter's free text: the work described.
    /// </summary>
    public static HiringFinding? ReferenceText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lower = text.ToLower(CultureInfo.GetCultureInfo("nb-NO"));
        var hit = ReasonWords.FirstOrDefault(w => lower.Contains(w, StringComparison.Ordinal));
        return hit is null ? null : new("HR-15-15", Severity.Breach, RuleText.Format("HR-15-15.Reason", hit));
    }

    private static readonly string[] ReasonWords =
    [
        "på grunn av", "grunnet", "fordi", "som følge av", "årsaken", "grunnen", "oppsagt for", "avskjediget for", "sykefravær",
        "fravær", "illojal", "samarbeidsproblem", "advarsel", "rusmiddel", "ruspåvirk", "tyveri", "pliktbrudd", "mislighold",
    ];

    private static string Date(LocalDate date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}

/// <summary>The parts of a written employment contract (HR-14-6), in the order the contract lists them.</summary>
public enum ContractPart
{
    Workplace = 1,
    Role = 2,
    Holiday = 3,
    Notice = 4,
    Pay = 5,
    Hours = 6,
    Pauses = 7,
    RotaAndOvertime = 8,
    Tariff = 9,
    PaidAbsence = 10,
    Termination = 11,
    Training = 12,
    SocialSecurity = 13,
}

/// <summary>
/// The parts' field names and Norwegian labels. The parties, the start, the duration and basis of a temporary employment and
/// the probation come from the employment record itself (so they can never be missing); the rest is the contract's text.
/// </summary>
public static class ContractParts
{
    public static readonly IReadOnlyList<ContractPart> All = Enum.GetValues<ContractPart>();

    /// <summary>The parts HR-14-6 requires for employments from 2024-07-01.</summary>
    public static readonly IReadOnlySet<ContractPart> Since2024 = new HashSet<ContractPart> { ContractPart.PaidAbsence, ContractPart.Termination, ContractPart.Training, ContractPart.SocialSecurity };

    public static string Field(ContractPart part) => part switch
    {
        ContractPart.Workplace => "workplace",
        ContractPart.Role => "role",
        ContractPart.Holiday => "holiday",
        ContractPart.Notice => "notice",
        ContractPart.Pay => "pay",
        ContractPart.Hours => "hours",
        ContractPart.Pauses => "pauses",
        ContractPart.RotaAndOvertime => "rotaAndOvertime",
        ContractPart.Tariff => "tariff",
        ContractPart.PaidAbsence => "paidAbsence",
        ContractPart.Termination => "termination",
        ContractPart.Training => "training",
        ContractPart.SocialSecurity => "socialSecurity",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    public static string Label(ContractPart part) => part switch
    {
        ContractPart.Workplace => "Arbeidssted",
        ContractPart.Role => "Stilling og arbeidsoppgaver",
        ContractPart.Holiday => "Ferie og feriepenger",
        ContractPart.Notice => "Oppsigelsesfrister",
        ContractPart.Pay => "Lønn og hvert tillegg for seg, og når lønnen utbetales",
        ContractPart.Hours => "Arbeidstid og hvordan vaktene settes opp",
        ContractPart.Pauses => "Pauser",
        ContractPart.RotaAndOvertime => "Endringer i arbeidsplanen, merarbeid og overtid",
        ContractPart.Tariff => "Tariffavtale",
        ContractPart.PaidAbsence => "Betalt fravær",
        ContractPart.Termination => "Fremgangsmåte ved opphør",
        ContractPart.Training => "Opplæring",
        ContractPart.SocialSecurity => "Trygd og pensjon",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };
}

/// <summary>How an assistant is related to the recipient (BPA-NAER: a close relative needs the municipality's approval).</summary>
public enum CloseRelation
{
    Parent = 1,
    Child = 2,
    SpouseOrPartner = 3,
    Sibling = 4,
    Grandparent = 5,
    Grandchild = 6,
    OtherClose = 7,
}
