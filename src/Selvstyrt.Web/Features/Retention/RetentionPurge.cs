using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Retention;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>
/// Carries out the retention rules (<see cref="RetentionRule.All"/>, quality.md S7) once a day, from the daily job: time
/// sheets and the payroll basis five years after their year, police certificate records when the employment has ended,
/// applicants when their recruitment's time is up. Each rule's run is recorded per provider with how many records went, so
/// the provider can show what was deleted and when. Idempotent: a second run the same day deletes nothing more.
/// </summary>
public static class RetentionPurge
{
    public sealed record Outcome(int TimeSheets, int PayrollExports, int PoliceCertificates, int Applicants);

    public static async Task<Outcome> RunAsync(SelvstyrtDb db, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = now.InZone(Auth.CurrentUser.Zone).Date;
        var counts = new Dictionary<(Guid Provider, string Rule), int>();
        void Count(Guid provider, string rule, int n) => counts[(provider, rule)] = counts.GetValueOrDefault((provider, rule)) + n;

        // Time sheets and the payroll basis, in one transaction: the exports' lines that name the sheets, the exports, then the
        // sheets (their entries and transitions go with them by cascade).
        var cutoff = RetentionRule.AccountingCutoff(today);
        var sheetsByProvider = await db.TimeSheets.Where(s => s.Month < cutoff).GroupBy(s => s.ProviderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int purgedSheets, purgedExports;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.ExportedSheets.Where(x => db.TimeSheets.Any(s => s.Id == x.SheetId && s.Month < cutoff)).ExecuteDeleteAsync(ct);
            await db.ExportedSheets.Where(x => db.PayrollExports.Any(e => e.Id == x.ExportId && e.Month < cutoff)).ExecuteDeleteAsync(ct);
            purgedExports = await db.PayrollExports.Where(e => e.Month < cutoff).ExecuteDeleteAsync(ct);
            purgedSheets = await db.TimeSheets.Where(s => s.Month < cutoff).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        foreach (var group in sheetsByProvider) Count(group.Key, RetentionRule.TimeSheets, group.Count);

        // Police certificate records of ended employments.
        var certificates = await db.PoliceCertificates
            .Where(c => db.Employments.Any(e => e.Id == c.EmploymentId && e.End != null && e.End < today))
            .Select(c => new { Certificate = c, Provider = db.Assistants.Where(a => a.Id == c.AssistantId).Select(a => a.ProviderId).First() })
            .ToListAsync(ct);
        db.PoliceCertificates.RemoveRange(certificates.Select(c => c.Certificate));
        await db.SaveChangesAsync(ct);
        foreach (var c in certificates) Count(c.Provider, RetentionRule.PoliceCertificates, 1);

        // Applicants of finished recruitments whose time is up.
        var postings = await db.JobPostings.Include(p => p.Applicants).AsSplitQuery().Where(p => p.ClosedOn != null && p.PurgedOn == null).ToListAsync(ct);
        var applicants = 0;
        foreach (var posting in postings)
        {
            var n = posting.Purge(today);
            applicants += n;
            Count(posting.ProviderId, RetentionRule.Applicants, n);
        }
        await db.SaveChangesAsync(ct);

        // One line per provider and rule, every day, also when nothing went: the log shows the rule was carried out.
        var providers = await db.Providers.Select(p => p.Id).ToListAsync(ct);
        var already = await db.RetentionRuns.Where(r => r.RanOn == today).Select(r => new { r.ProviderId, r.RuleKey, r.Id }).ToListAsync(ct);
        foreach (var provider in providers)
        {
            foreach (var rule in RetentionRule.All)
            {
                var deleted = counts.GetValueOrDefault((provider, rule.Key));
                var earlier = already.FirstOrDefault(r => r.ProviderId == provider && r.RuleKey == rule.Key);
                if (earlier is not null && deleted == 0) continue;
                db.RetentionRuns.Add(RetentionRun.Record(Guid.CreateVersion7(), provider, rule.Key, today, now, deleted));
            }
        }
        await db.SaveChangesAsync(ct);
        return new Outcome(purgedSheets, purgedExports, certificates.Count, applicants);
    }
}
