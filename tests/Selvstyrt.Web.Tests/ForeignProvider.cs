using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Testing;

namespace Selvstyrt.Web.Tests;

/// <summary>
/// A second provider in the same database whose every name carries a canary string. No response
/// to a user of the demo provider may ever contain it (quality.md S1).
/// </summary>
public static class ForeignProvider
{
    public const string Canary = "KANARI7f3a";
    public const string AdminEmail = "admin@annen-leverandor.no";
    public static readonly Guid ProviderId = DemoIds.For("foreign:provider");
    public static readonly Guid ArrangementId = DemoIds.For("foreign:arrangement");
    public static readonly Guid AssistantId = DemoIds.For("foreign:assistant");
    public static readonly Guid OfficeId = DemoIds.For("foreign:office");
    public static readonly Guid MunicipalityId = DemoIds.For("foreign:municipality");
    public static readonly Guid DecisionId = DemoIds.For("foreign:decision");

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync(SelvstyrtFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await Gate.WaitAsync();
        try
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            if (db.Providers.Any(p => p.Id == ProviderId)) return;
            var hasher = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<AppUser>>();
            db.Providers.Add(Provider.Create(ProviderId, $"Annen Leverandør {Canary} AS", "987654325").Value!);
            db.Offices.Add(Office.Create(OfficeId, ProviderId, $"Kontor {Canary}", "Region Nord"));
            db.Municipalities.Add(Municipality.Create(MunicipalityId, "5001", $"Trondheim {Canary}"));
            var admin = new AppUser
            {
                Id = DemoIds.For("foreign:admin"), UserName = AdminEmail, NormalizedUserName = AdminEmail.ToUpperInvariant(),
                Email = AdminEmail, NormalizedEmail = AdminEmail.ToUpperInvariant(), DisplayName = $"Admin {Canary}",
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            admin.PasswordHash = hasher.HashPassword(admin, DemoLogins.Password);
            db.Users.Add(admin);
            db.ProviderGrants.Add(ProviderGrant.Create(DemoIds.For("foreign:grant"), admin.Id, ProviderId, ProviderRole.ProviderAdmin, null, null).Value!);
            var recipient = Recipient.Create(DemoIds.For("foreign:recipient"), ProviderId, $"Mottaker {Canary}", new LocalDate(1980, 1, 1), MunicipalityId);
            db.Recipients.Add(recipient);
            var arrangement = Arrangement.Create(ArrangementId, ProviderId, OfficeId, MunicipalityId, recipient.Id, $"Ordning {Canary}", EmployerModel.Provider, new LocalDate(2024, 1, 1)).Value!;
            db.Arrangements.Add(arrangement);
            var decision = Decision.Create(DecisionId, ArrangementId, new DecisionTerms(50m, GrantUnit.Week, new LocalDate(2025, 1, 1), null,
                [new NeedHours(DecisionPurposes.PersonalHelpAtHome, null)], false, AveragingPeriod.Week, UnusedHoursPolicy.ReturnedToMunicipality, $"SAK-{Canary}")).Value!;
            db.Decisions.Add(decision);
            // The demo decisions have their letters from the seed; the foreign one gets one with the canary in it.
            var letter = DecisionDocument.Create(Guid.NewGuid(), decision.Id, $"vedtak-{Canary}.pdf", System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 {Canary}"),
                SystemClock.Instance.GetCurrentInstant()).Value!;
            db.DecisionDocuments.Add(letter);
            decision.AttachDocument(letter.Id, letter.FileName);
            var assistant = Assistant.Create(AssistantId, ProviderId, OfficeId, $"Assistent {Canary}", $"{Canary}@eksempel.no", "40000000", null).Value!;
            assistant.AddEmployment(DemoIds.For("foreign:employment"), EmploymentKind.Permanent, 50m, new LocalDate(2024, 1, 1), null, new LocalDate(2024, 1, 1));
            db.Assistants.Add(assistant);
            arrangement.Assign(DemoIds.For("foreign:assignment"), AssistantId, new LocalDate(2024, 1, 1), null);
            await db.SaveChangesAsync();
        }
        finally
        {
            Gate.Release();
        }
    }
}
