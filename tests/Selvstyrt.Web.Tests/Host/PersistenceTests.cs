using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.People;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>The data layer on both engines: migrations, NodaTime mapping, optimistic concurrency, audit, restart.</summary>
public sealed class PersistenceTests(Hosts hosts)
{
    [Theory, DatabaseData]
    public void Migrations_MatchTheModel(DatabaseKind db)
    {
        using var scope = hosts.For(db).Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();

        context.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for both providers");
        context.Database.GetPendingMigrations().ShouldBeEmpty();
        context.IsPostgres.ShouldBe(db == DatabaseKind.Postgres);
    }

    [Theory, DatabaseData]
    public async Task TwoEditorsOfOneArrangement_SecondSave_IsAConflictNotALostUpdate(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var ct = TestContext.Current.CancellationToken;
        var arrangementId = DemoIds.For("arrangement:6");
        var assistantA = DemoIds.For("assistant:43");
        var assistantB = DemoIds.For("assistant:44");
        using var scopeA = factory.Services.CreateScope();
        using var scopeB = factory.Services.CreateScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var a = await dbA.Arrangements.Include(x => x.Assignments).SingleAsync(x => x.Id == arrangementId, ct);
        var b = await dbB.Arrangements.Include(x => x.Assignments).SingleAsync(x => x.Id == arrangementId, ct);

        a.Assign(Guid.NewGuid(), assistantA, new LocalDate(2027, 1, 1), null).IsSuccess.ShouldBeTrue();
        await dbA.SaveChangesAsync(ct);
        b.Assign(Guid.NewGuid(), assistantB, new LocalDate(2027, 1, 1), null).IsSuccess.ShouldBeTrue();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync(ct));
        using var check = factory.Services.CreateScope();
        var saved = await check.ServiceProvider.GetRequiredService<SelvstyrtDb>().Assignments
            .Where(s => s.ArrangementId == arrangementId && s.From == new LocalDate(2027, 1, 1)).Select(s => s.AssistantId).ToListAsync(ct);
        saved.ShouldBe([assistantA]);
    }

    [Theory, DatabaseData]
    public async Task Changes_AreStampedAndAudited_WithoutPersonalData(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid();
        using (var scope = factory.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            context.Assistants.Add(Assistant.Create(id, DemoSeeder.ProviderId, null, "Revisjon Sporsen", "spor@eksempel.no", null, new LocalDate(1990, 5, 17)).Value!);
            await context.SaveChangesAsync(ct);
        }

        using var read = factory.Services.CreateScope();
        var dbr = read.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var stored = await dbr.Assistants.SingleAsync(a => a.Id == id, ct);
        stored.CreatedAt.ShouldBe(factory.Clock.GetCurrentInstant());
        stored.CreatedBy.ShouldBe("system");
        stored.BirthDate.ShouldBe(new LocalDate(1990, 5, 17));
        var audit = await dbr.AuditEntries.Where(e => e.EntityKey == id.ToString()).ToListAsync(ct);
        audit.Count.ShouldBe(1);
        audit[0].Action.ShouldBe("Added");
        audit[0].Table.ShouldBe("Assistants");
        (audit[0].Columns + audit[0].EntityKey).ShouldNotContain("Sporsen");
    }

    [Theory, DatabaseData]
    public async Task Restart_KeepsTheDataAndDoesNotSeedTwice(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Hosts.Fresh(db);
        var id = Guid.NewGuid();
        using (var scope = first.Services.CreateScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            context.Assistants.Add(Assistant.Create(id, DemoSeeder.ProviderId, null, "Etter Omstart", null, null, null).Value!);
            await context.SaveChangesAsync(ct);
        }
        first.KeepDatabase = true;
        await first.DisposeAsync();

        await using var second = new SelvstyrtFactory(db, reuse: first);
        second.StartServer();
        using var check = second.Services.CreateScope();
        var dbc = check.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await dbc.Assistants.AnyAsync(a => a.Id == id, ct)).ShouldBeTrue();
        (await dbc.Providers.CountAsync(ct)).ShouldBe(1);
        (await dbc.Arrangements.CountAsync(ct)).ShouldBe(10);
    }

    [Theory, DatabaseData]
    public async Task DemoProvider_HasTheShapeTheReadmePromises(DatabaseKind db)
    {
        using var scope = hosts.For(db).Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var ct = TestContext.Current.CancellationToken;

        (await context.Offices.CountAsync(o => o.ProviderId == DemoSeeder.ProviderId, ct)).ShouldBe(2);
        (await context.Arrangements.CountAsync(a => a.ProviderId == DemoSeeder.ProviderId, ct)).ShouldBe(10);
        (await context.Assistants.CountAsync(a => a.ProviderId == DemoSeeder.ProviderId, ct)).ShouldBeInRange(58, 70);
        var hours = await context.Decisions.Select(d => d.HoursPerWeek).ToListAsync(ct);
        hours.Min().ShouldBe(10m);
        hours.Max().ShouldBe(336m);
        var perAssistant = await context.Assignments.GroupBy(s => s.AssistantId).Select(g => g.Count()).ToListAsync(ct);
        perAssistant.Max().ShouldBeGreaterThanOrEqualTo(3, "some assistants work in two or three arrangements");
        (await context.OtherEmployerHours.CountAsync(ct)).ShouldBeGreaterThanOrEqualTo(1);
        (await context.Employments.CountAsync(e => e.Kind == EmploymentKind.OnCall, ct)).ShouldBeGreaterThan(0);
    }
}
