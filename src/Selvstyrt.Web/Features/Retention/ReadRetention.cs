using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Web.Features.Organisation;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>
/// «Oppbevaring og sletting»: the retention rules as they are carried out, for anyone signed in (everyone may know how long
/// their data is kept), and for the provider's administrator the last 30 days' runs with what each deleted.
/// </summary>
public sealed class ReadRetention(SelvstyrtDb db, AdministeredProvider administered)
{
    public const int Days = 30;

    public sealed record Run(LocalDate RanOn, Instant At, string RuleKey, int Deleted);

    /// <summary>The rules; whether the reader administers a provider; and if so, its runs (else none).</summary>
    public sealed record Page(IReadOnlyList<RetentionRule> Rules, bool Administrator, IReadOnlyList<Run> Runs);

    public async Task<Page> HandleAsync(CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        if (providers.Count == 0) return new Page(RetentionRule.All, false, []);
        var runs = await db.RetentionRuns.AsNoTracking().Where(r => providers.Contains(r.ProviderId))
            .OrderByDescending(r => r.RanOn).ThenBy(r => r.RuleKey).Take(Days * RetentionRule.All.Count * providers.Count).ToListAsync(ct);
        // Several providers (rare): one line per day and rule, summed.
        var merged = runs.GroupBy(r => (r.RanOn, r.RuleKey))
            .Select(g => new Run(g.Key.RanOn, g.Max(r => r.At), g.Key.RuleKey, g.Sum(r => r.Deleted)))
            .OrderByDescending(r => r.RanOn).ThenBy(r => RuleOrder(r.RuleKey)).ToList();
        return new Page(RetentionRule.All, true, merged);
    }

    private static int RuleOrder(string key)
    {
        for (var i = 0; i < RetentionRule.All.Count; i++)
        {
            if (RetentionRule.All[i].Key == key) return i;
        }
        return int.MaxValue;
    }
}
