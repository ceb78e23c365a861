using NodaTime;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo provider's working-time agreements (issue 18): the AML § 10-12 (4) tariff deviation that lets the døgnvakt
/// arrangement run 24-hour shifts, a Sunday agreement for everyone (every other Sunday on average, AML § 10-8 (4)), and an
/// individual averaging agreement (AML § 10-5 (1)) with one assistant that runs out at the end of 2026, so its reminder shows.
/// </summary>
internal static class DemoAgreements
{
    private static readonly Instant At = Instant.FromUtc(2025, 12, 1, 9, 0);

    public static IEnumerable<WorkingTimeAgreement> For(Guid providerId, Guid dognvaktArrangement, Guid averagingAssistant)
    {
        yield return DemoData.Ok(WorkingTimeAgreement.Create(DemoIds.For("agreement:dognvakt"), providerId,
            new AgreementTerms(LegalBasisKind.TariffDeviation, "Særavtale om døgnvakt i BPA", AgreementScope.Arrangement, dognvaktArrangement, [], new LocalDate(2025, 1, 1), null)
            {
                MaxShiftHours = 24, MinRestHours = 8, CompensatoryRestHours = 11, Union = "Fagforbundet", UnionMembers = 400_000, SignedOn = new LocalDate(2024, 11, 20),
            }, At, "demo"));
        yield return DemoData.Ok(WorkingTimeAgreement.Create(DemoIds.For("agreement:sondag"), providerId,
            new AgreementTerms(LegalBasisKind.SundayAgreement, "Søndagsarbeid annenhver søndag (arbeidsavtalene)", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null)
            {
                SignedOn = new LocalDate(2024, 12, 1),
            }, At, "demo"));
        yield return DemoData.Ok(WorkingTimeAgreement.Create(DemoIds.For("agreement:gjennomsnitt"), providerId,
            new AgreementTerms(LegalBasisKind.AveragingByAgreement, "Gjennomsnittsberegning, lange helger", AgreementScope.Assistants, null, [averagingAssistant], new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))
            {
                SignedOn = new LocalDate(2025, 12, 15),
            }, At, "demo"));
    }
}
