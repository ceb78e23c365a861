using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Substitutes;

namespace Selvstyrt.Bench;

/// <summary>
/// Issue 17's target: «Finn vikar» for the demo's 24/7 2:1 arrangement answers in under 200 ms p95 (server time: access,
/// the vacancy, every candidate's shifts in every published plan of the employer four weeks either side, the rules engine's
/// trial of each candidate). The demo is seeded, the demo assistant's shifts for four weeks are made vacant, and each
/// vacancy is searched as the work leader in a request scope of its own (fresh database context), 200 times in all after
/// 20 to warm up. SQLite file, or PostgreSQL with <c>SELVSTYRT_BENCH_PG</c>.
/// </summary>
internal static class SubstituteSearchBench
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private const int Searches = 200;
    private const int Warmup = 20;
    private const double Budget = 200;

    public static void Run()
    {
        var pg = Environment.GetEnvironmentVariable("SELVSTYRT_BENCH_PG");
        var folder = Directory.CreateTempSubdirectory("selvstyrt-vikar-").FullName;
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, pg is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, pg ?? $"Data Source={Path.Combine(folder, "vikar.db")}");
        var (leader, vacancies) = SeedAsync(options.Options).GetAwaiter().GetResult();
        var times = new List<double>();
        var candidates = 0;
        for (var i = 0; i < Searches + Warmup; i++)
        {
            var watch = Stopwatch.StartNew();
            using var db = new SelvstyrtDb(options.Options);
            var user = new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, leader.ToString())], "bench")) } },
                new NodaTime.Testing.FakeClock(Now));
            var search = new SubstituteSearch(db, new ArrangementAccess(db, user), new Selvstyrt.Web.Features.Agreements.AgreementBases(db));
            var found = search.SearchAsync(DemoIds.For("arrangement:10"), DemoIds.For("plan:10"), vacancies[i % vacancies.Count], CancellationToken.None).GetAwaiter().GetResult();
            if (!found.IsSuccess) throw new InvalidOperationException(found.Error!.Message);
            if (i >= Warmup) times.Add(watch.Elapsed.TotalMilliseconds);
            candidates = found.Value!.Candidates.Count;
        }
        var p95 = Stats.Percentile(times, 95);
        Console.WriteLine($"Finn vikar (issue 17): the demo's 24/7 2:1 arrangement, {vacancies.Count} vacant shifts, {candidates} candidates each, {(pg is null ? "SQLite" : "PostgreSQL")}.");
        Console.WriteLine($"  p50 {Stats.Percentile(times, 50):0.0} ms, p95 {p95:0.0} ms, max {times.Max():0.0} ms of {times.Count} searches; budget {Budget:0} ms p95; ratio {p95 / Budget:0.00} ({(p95 < Budget ? "met" : "NOT met")}).");
        if (pg is null) Directory.Delete(folder, true);
    }


    private static async Task<(Guid Leader, List<Guid> Vacancies)> SeedAsync(DbContextOptions<SelvstyrtDb> options)
    {
        await using var db = new SelvstyrtDb(options);
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        await new DemoSeeder(db, new PasswordHasher<AppUser>()).SeedAsync();
        var plan = await db.WorkPlans.Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery().SingleAsync(p => p.Id == DemoIds.For("plan:10"));
        var from = new LocalDate(2026, 11, 24);
        plan.Vacate(DemoIds.For($"assistant:{DemoSeeder.DemoAssistantIndex}"), from, from.PlusWeeks(4), CurrentUser.Zone, "fravær", new PlanActor(Now, "benk", from));
        await db.SaveChangesAsync();
        var leader = await db.Users.Where(u => u.Email == DemoLogins.WorkLeader).Select(u => u.Id).SingleAsync();
        var vacancies = plan.Deviations.Where(d => d.Kind == PlanDeviationKind.Vacant && d.AssistantId == null).Select(d => d.Id).ToList();
        return (leader, vacancies);
    }
}
