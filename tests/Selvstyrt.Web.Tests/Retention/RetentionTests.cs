using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Retention;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Retention;

/// <summary>
/// quality.md S7, the retention rules: time sheets and the payroll basis are kept five years after the end of their year
/// (bokføringsloven § 13) and deleted by the daily job the day after; each run is recorded per provider and shown to the
/// administrator under «Oppbevaring og sletting», while anyone signed in can read the rules. (Police certificate records and
/// applicants are the same job's other rules; their edges are in HiringTests and RecruitmentTests.) And the erasure request
/// (S7, ADR 0033): what may be deleted goes in one job cycle, the rest is restricted and goes with the accounting rule, on
/// the same fresh installation, since the erasure's completion waits for that rule.
/// </summary>
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task TimeSheetsAndPayrollBasis_GoTheDayAfterTheirFifthYear_AndAnErasureRequestDeletesAtOnceAndRestrictsTheRestUntilThen(DatabaseKind db)
    {
        await using var host = Hosts.Fresh(db);
        var admin = await host.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var erasure = await ErasureJourney.StartAsync(host, admin, Ct);
        using (var exported = await ApiCalls.PostAsync(admin, $"/api/v1/providers/{DemoSeeder.ProviderId}/payroll-exports",
                   """{ "month": "2026-10-01", "format": "generisk" }""", Guid.NewGuid().ToString("N"), Ct))
            exported.StatusCode.ShouldBe(HttpStatusCode.Created, await exported.Content.ReadAsStringAsync(Ct));
        var cutoff = new LocalDate(2027, 1, 1);
        var sheets = await Stored.ReadAsync(host, d => d.TimeSheets.CountAsync(s => s.Month < cutoff, Ct));
        var entries = await Stored.ReadAsync(host, d => d.TimeSheets.Where(s => s.Month < cutoff).SelectMany(s => s.Entries).CountAsync(Ct));
        var exports = await Stored.ReadAsync(host, d => d.PayrollExports.CountAsync(e => e.Month < cutoff, Ct));
        sheets.ShouldBeGreaterThan(0, "the demo has time sheets for 2026");
        entries.ShouldBeGreaterThan(sheets);
        exports.ShouldBe(1, "October 2026 was transferred to payroll");

        // 31 December 2031 is the last day of the fifth year after 2026: everything stays.
        var lastDay = await PurgeAsync(host, new LocalDate(2031, 12, 31));
        lastDay.TimeSheets.ShouldBe(0);
        lastDay.PayrollExports.ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.TimeSheets.CountAsync(s => s.Month < cutoff, Ct))).ShouldBe(sheets);

        // The restricted rest of the erasure request waits for the same day.
        // (The former demo assistant, with no time sheets and an employment that ended in 2025, is done this night.)
        (await ErasureJourney.RunAsync(host, new LocalDate(2031, 12, 31), Ct)).Completed.ShouldBe(1);

        // 1 January 2032: 2026's sheets with their entries and transitions, and 2026's payroll exports, are gone.
        var firstDay = await PurgeAsync(host, new LocalDate(2032, 1, 1));
        firstDay.TimeSheets.ShouldBe(sheets);
        firstDay.PayrollExports.ShouldBe(exports);
        (await Stored.ReadAsync(host, d => d.TimeSheets.CountAsync(s => s.Month < cutoff, Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.Set<Domain.TimeSheets.TimeEntry>().CountAsync(Ct))).ShouldBe(0, "no entry is left without its sheet");
        (await Stored.ReadAsync(host, d => d.SheetTransitions.CountAsync(Ct))).ShouldBe(0);
        (await Stored.ReadAsync(host, d => d.ExportedSheets.CountAsync(Ct))).ShouldBe(0);

        // The erasure's kept rest goes in the same cycle, after the purge.
        await erasure.FinishAsync(Ct);

        // Again the same day: nothing more goes, and the day keeps one line per rule.
        (await PurgeAsync(host, new LocalDate(2032, 1, 1))).TimeSheets.ShouldBe(0);
        var runs = await Stored.ReadAsync(host, d => d.RetentionRuns.AsNoTracking().Where(r => r.ProviderId == DemoSeeder.ProviderId).ToListAsync(Ct));
        runs.Where(r => r.RanOn == new LocalDate(2032, 1, 1)).Select(r => r.RuleKey).Order().ShouldBe(RetentionRule.All.Select(r => r.Key).Order());
        runs.Single(r => r.RanOn == new LocalDate(2032, 1, 1) && r.RuleKey == RetentionRule.TimeSheets).Deleted.ShouldBe(sheets);
        runs.Single(r => r.RanOn == new LocalDate(2031, 12, 31) && r.RuleKey == RetentionRule.TimeSheets).Deleted.ShouldBe(0);

        // The administrator sees the rules and the runs; an assistant sees the rules only.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/organisasjon/oppbevaring", Ct));
        page.ShouldContain("Bokføringsloven § 13");
        page.ShouldContain("Kjøringer de siste 30 dagene");
        page.ShouldContain("1. januar 2032");
        page.ShouldContain($"<td class=\"app-num\">{sheets}</td>");
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/v1/retention", Ct);
        api.GetProperty("rules").GetArrayLength().ShouldBe(RetentionRule.All.Count);
        api.GetProperty("runs")[0].GetProperty("ranOn").GetString().ShouldBe("2032-01-01");
        var assistant = await host.SignedInClientAsync(DemoLogins.Assistant);
        var theirs = WebUtility.HtmlDecode(await assistant.GetStringAsync("/organisasjon/oppbevaring", Ct));
        theirs.ShouldContain("Bokføringsloven § 13");
        theirs.ShouldNotContain("Kjøringer de siste 30 dagene");
        (await assistant.GetFromJsonAsync<JsonElement>("/api/v1/retention", Ct)).GetProperty("runs").GetArrayLength().ShouldBe(0);
    }

    private static async Task<RetentionPurge.Outcome> PurgeAsync(SelvstyrtFactory host, LocalDate day)
    {
        using var scope = host.Services.CreateScope();
        return await RetentionPurge.RunAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), ErasureJourney.Night(day), Ct);
    }
}
