using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Retention;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Retention;

/// <summary>
/// quality.md S7: an erasure request decides the fate of every kind of record about the assistant. The decision lives in
/// <see cref="ErasureParts"/>; this reads the data model's foreign keys to an assistant, so a record type added later
/// without a decision (deleted at once, or kept for a named law) fails here instead of surviving an erasure unnoticed.
/// </summary>
public sealed class ErasurePartsTests(Hosts hosts)
{
    [Fact]
    public void EveryRecordThatPointsToAnAssistant_HasAFateOnErasure_AndEveryKeptOneALegalBasis()
    {
        using var scope = hosts.For(DatabaseKind.Sqlite).Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Model;
        var pointing = model.GetEntityTypes()
            .SelectMany(t => t.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(Assistant)).Select(_ => t.ClrType))
            .Where(t => t != typeof(ErasureRequest))
            .Distinct().Select(t => t.Name).Order().ToList();
        var covered = ErasureParts.All.Select(p => p.Type).Distinct().Select(t => t.Name).Order().ToList();
        covered.ShouldBe(pointing);
        ErasureParts.All.Where(p => p.Fate == ErasureFate.Keep).ShouldAllBe(p => p.Basis != null);
        ErasureParts.All.Where(p => p.Fate == ErasureFate.Delete).ShouldAllBe(p => p.Basis == null);
        ErasureParts.All.Select(p => p.Key).ShouldBeUnique();
    }

    [Fact]
    public void EveryRecordThatPointsToAnAccount_HasAFateOnErasure_AndEveryKeptOneALegalBasis()
    {
        // ADR 0036: a foreign key to the account, or a column called UserId (the access log, the role log and others
        // point to an account without a database key).
        using var scope = hosts.For(DatabaseKind.Sqlite).Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Model;
        var pointing = model.GetEntityTypes()
            .Where(t => t.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(AppUser))
                || t.FindProperty("UserId") is { } p && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)))
            .Select(t => t.ClrType).Where(t => t != typeof(ErasureRequest))
            .Distinct().Select(t => t.Name).Order().ToList();
        var covered = AccountErasureParts.All.Select(p => p.Type).Distinct().Select(t => t.Name).Order().ToList();
        covered.ShouldBe(pointing);
        AccountErasureParts.All.Where(p => p.Fate == ErasureFate.Keep).ShouldAllBe(p => p.Basis != null);
        AccountErasureParts.All.Where(p => p.Fate == ErasureFate.Delete).ShouldAllBe(p => p.Basis == null);
        AccountErasureParts.All.Select(p => p.Key).Concat(ErasureParts.All.Select(p => p.Key)).Append(NamesInText.Key).ShouldBeUnique();
    }

    [Fact]
    public void EveryRecordOfAnArrangement_HasAFateOnTheRecipientsErasure_AndEveryKeptOneALegalBasis()
    {
        // ADR 0036: a foreign key to the arrangement, or a column called ArrangementId (the access log and others point to it
        // without a database key). Records that hang on one of these (a plan's shifts, a sheet's entries) go with it.
        using var scope = hosts.For(DatabaseKind.Sqlite).Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Model;
        var pointing = model.GetEntityTypes()
            .Where(t => t.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Arrangement))
                || t.FindProperty("ArrangementId") is { } p && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)))
            .Select(t => t.ClrType).Where(t => t != typeof(Arrangement))
            .Distinct().Select(t => t.Name).Order().ToList();
        var covered = RecipientErasureParts.All.Select(p => p.Type).Distinct().Select(t => t.Name).Order().ToList();
        covered.ShouldBe(pointing);
        RecipientErasureParts.All.Where(p => p.Fate == ErasureFate.Keep).ShouldAllBe(p => p.Basis != null);
        RecipientErasureParts.All.Where(p => p.Fate == ErasureFate.Delete).ShouldAllBe(p => p.Basis == null);
        RecipientErasureParts.All.Select(p => p.Key).Concat(AccountErasureParts.All.Select(p => p.Key)).Concat(ErasureParts.All.Select(p => p.Key)).ShouldBeUnique();
    }

    [Theory, DatabaseData]
    public async Task EveryFreeTextThatMayNameAPerson_IsATextOfARecordWhoseProviderIsKnown(DatabaseKind db)
    {
        using var scope = hosts.For(db).Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        foreach (var text in NamesInText.All)
        {
            data.Model.FindEntityType(text.Type)!.FindProperty(text.Property)!.ClrType.ShouldBe(typeof(string), $"{text.Type.Name}.{text.Property}");
            // Each text's query runs on the engine (the way to its provider translates) and finds nothing for a name no one has.
            (await text.CountAsync(data, DemoSeeder.ProviderId, "Ingen Heter Slik", TestContext.Current.CancellationToken)).ShouldBe(0, $"{text.Type.Name}.{text.Property}");
        }
    }

    [Theory]
    [InlineData("Sofie Lie", "S. L.")]
    [InlineData("Kari-Anne  Nordmann Berg", "K. A. N. B.")]
    [InlineData("åse øvre", "Å. Ø.")]
    public void TheRequestKeepsInitialsOnly(string name, string initials) => ErasureRequest.InitialsOf(name).ShouldBe(initials);
}
