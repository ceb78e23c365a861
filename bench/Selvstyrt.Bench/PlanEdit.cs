using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Plans;

namespace Selvstyrt.Bench;

/// <summary>
/// Issue 5's target: the plan editor answers an edit (server time: load, authorise, edit, save, re-check with the
/// rules engine) in under 50 ms p95 for a 12-week 2:1 plan. A 24/7 2:1 arrangement with 24 assistants, each also in a
/// second arrangement with a published plan (the cross-arrangement context), and a draft of 12 weeks × 7 days × 3
/// shifts × 2 = 504 shifts. Times 300 edits through the same service the pages and the API use, each in a request
/// scope of its own (fresh database context), with the incremental checker kept between requests as in the app; then
/// 30 edits with the checker rebuilt every time, for the ratio. SQLite file, or PostgreSQL with <c>SELVSTYRT_BENCH_PG</c>.
/// </summary>
internal static class PlanEdit
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private const int Staff = 24;
    private const int Warmup = 30;

    public static void Run()
    {
        var pg = Environment.GetEnvironmentVariable("SELVSTYRT_BENCH_PG");
        var folder = Directory.CreateTempSubdirectory("selvstyrt-plan-").FullName;
        var options = new DbContextOptionsBuilder<SelvstyrtDb>();
        DatabaseSetup.Configure(options, pg is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, pg ?? $"Data Source={Path.Combine(folder, "plan.db")}");
        var (admin, arrangement, plan) = SeedAsync(options.Options).GetAwaiter().GetResult();
        using var cache = new MemoryCache(new MemoryCacheOptions());

        var shifts = LoadShiftIds(options.Options, plan);
        var rebuilt = Time(options.Options, admin, arrangement, plan, shifts, 30, () => new MemoryCache(new MemoryCacheOptions()));
        var incremental = Time(options.Options, admin, arrangement, plan, shifts, 300, () => cache);
        Console.WriteLine($"Plan editor (issue 5): one edit of a 12-week 24/7 2:1 plan ({shifts.Count} shifts, {Staff} assistants in two arrangements each), {(pg is null ? "SQLite" : "PostgreSQL")}.");
        Console.WriteLine($"  incremental re-check: p50 {Stats.Percentile(incremental, 50):0.0} ms, p95 {Stats.Percentile(incremental, 95):0.0} ms of {incremental.Count} edits; budget 50 ms p95; ratio {Stats.Percentile(incremental, 95) / 50:0.00} ({(Stats.Percentile(incremental, 95) < 50 ? "met" : "NOT met")}).");
        Console.WriteLine($"  full re-check every edit: p50 {Stats.Percentile(rebuilt, 50):0.0} ms, p95 {Stats.Percentile(rebuilt, 95):0.0} ms; incremental/full p50 ratio {Stats.Percentile(incremental, 50) / Stats.Percentile(rebuilt, 50):0.00}.");
        if (pg is null) Directory.Delete(folder, true);
    }

    private static List<double> Time(DbContextOptions<SelvstyrtDb> options, Guid admin, Guid arrangement, Guid plan, List<Guid> shifts, int edits, Func<IMemoryCache> cache)
    {
        var times = new List<double>();
        var random = new Random(5);
        for (var i = 0; i < edits + Warmup; i++)
        {
            var id = shifts[random.Next(shifts.Count)];
            var watch = Stopwatch.StartNew();
            using var db = new SelvstyrtDb(options);
            var user = new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.ToString())], "bench")) } },
                new NodaTime.Testing.FakeClock(Now));
            var service = new PlanService(db, new ArrangementAccess(db, user), user, new PlanRules(db, cache(), new Selvstyrt.Web.Features.Agreements.AgreementBases(db)),
                new Selvstyrt.Web.Features.Notifications.NotificationStore(db, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
            var shift = db.PlanShifts.AsNoTracking().Single(s => s.Id == id);
            var moved = shift.Placement with { Start = LocalTime.FromMinutesSinceMidnight((shift.StartMinute + (i % 2 == 0 ? 60 : -60) + 1440) % 1440) };
            var result = service.ChangeShiftAsync(arrangement, plan, id, moved, null, CancellationToken.None).GetAwaiter().GetResult();
            if (!result.IsSuccess) throw new InvalidOperationException(result.Error!.Message);
            if (i >= Warmup) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }


    private static List<Guid> LoadShiftIds(DbContextOptions<SelvstyrtDb> options, Guid plan)
    {
        using var db = new SelvstyrtDb(options);
        return db.PlanShifts.Where(s => s.PlanId == plan).Select(s => s.Id).ToList();
    }

    private static async Task<(Guid Admin, Guid Arrangement, Guid Plan)> SeedAsync(DbContextOptions<SelvstyrtDb> options)
    {
        await using var db = new SelvstyrtDb(options);
        await db.Database.EnsureDeletedAsync();
        await db.Database.MigrateAsync();
        var providerId = DemoIds.For("planbench:provider");
        db.Providers.Add(Provider.Create(providerId, "Benk Assistanse AS", "922222231").Value!);
        var office = Office.Create(DemoIds.For("planbench:office"), providerId, "Hovedkontor", "Hele landet");
        db.Offices.Add(office);
        var municipality = Municipality.Create(DemoIds.For("planbench:municipality"), "5999", "Benk kommune");
        db.Municipalities.Add(municipality);
        var admin = new AppUser { Id = DemoIds.For("planbench:admin"), UserName = "admin@benk.no", NormalizedUserName = "ADMIN@BENK.NO", Email = "admin@benk.no", DisplayName = "Admin", SecurityStamp = "x" };
        db.Users.Add(admin);
        db.ProviderGrants.Add(ProviderGrant.Create(DemoIds.For("planbench:grant"), admin.Id, providerId, ProviderRole.ProviderAdmin, null, null).Value!);
        var arrangements = new List<Arrangement>();
        for (var i = 0; i < 2; i++)
        {
            var recipient = Recipient.Create(DemoIds.For($"planbench:recipient:{i}"), providerId, $"Mottaker {i}", new LocalDate(1980, 1, 1), municipality.Id);
            db.Recipients.Add(recipient);
            var arrangement = Arrangement.Create(DemoIds.For($"planbench:arrangement:{i}"), providerId, office.Id, municipality.Id, recipient.Id, $"Ordning {i}", EmployerModel.Provider, new LocalDate(2024, 1, 1)).Value!;
            db.Arrangements.Add(arrangement);
            arrangements.Add(arrangement);
        }
        var staff = new List<Guid>();
        for (var a = 0; a < Staff; a++)
        {
            var assistant = Assistant.Create(DemoIds.For($"planbench:assistant:{a}"), providerId, office.Id, $"Assistent {a}", null, null, null).Value!;
            assistant.AddEmployment(DemoIds.For($"planbench:employment:{a}"), EmploymentKind.Permanent, 80m, new LocalDate(2024, 1, 1), null, new LocalDate(2024, 1, 1));
            db.Assistants.Add(assistant);
            foreach (var arrangement in arrangements) arrangement.Assign(DemoIds.For($"planbench:assignment:{arrangement.Id}:{a}"), assistant.Id, new LocalDate(2024, 1, 1), null);
            staff.Add(assistant.Id);
        }
        // The second arrangement's published plan: one weekly day shift for every third assistant (the context).
        db.WorkPlans.Add(DemoPlans.For(2000, arrangements[1].Id, 40m, staff.Where((_, i) => i % 3 == 0).ToList()));
        var actor = new PlanActor(Now, "benk", new LocalDate(2026, 11, 23));
        var plan = WorkPlan.Create(DemoIds.For("planbench:plan"), arrangements[0].Id, "Turnus 12 uker", 12, new LocalDate(2026, 12, 7), null).Value!;
        plan.SetCoverage(PlanCoverage.Suggest(336m), Guid.NewGuid, actor);
        int[] starts = [7, 15, 23];
        for (var week = 1; week <= 12; week++)
        {
            for (var day = 1; day <= 7; day++)
            {
                for (var s = 0; s < 3; s++)
                {
                    for (var k = 0; k < 2; k++)
                    {
                        var who = staff[((week * 7 + day) * 6 + (s * 2) + k) % Staff];
                        plan.AddShift(Guid.NewGuid(), new ShiftPlacement(week, (IsoDayOfWeek)day, new LocalTime(starts[s], 0), 480, who, s == 2 ? PlanShiftKind.AwakeNight : PlanShiftKind.Day), actor);
                    }
                }
            }
        }
        db.WorkPlans.Add(plan);
        await db.SaveChangesAsync();
        return (admin.Id, arrangements[0].Id, plan.Id);
    }
}
