using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// The Transparency Act (åpenhetsloven; issue 20, part 7): an information request's three-week deadline (§ 6) at its edges, a
/// refusal needing its reason (§ 7), a supplier's yearly assessment (§ 4, a high risk needing measures), and the statement due
/// by 30 June the year after (§ 5), approved by the board only after the year and with its own parts written.
/// </summary>
public sealed class TransparencyTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    [Fact]
    public void ARequest_IsDueThreeWeeksAfterItCameIn_AndAnAnswerOnTheDayIsOnTime()
    {
        var request = InformationRequest.Receive(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 2), "Framtiden i våre hender", "Hvor kommer hanskene fra?", Today, null).Value!;
        request.DueOn.ShouldBe(new LocalDate(2026, 11, 23));
        request.OverdueOn(new LocalDate(2026, 11, 23)).ShouldBeFalse();
        request.OverdueOn(new LocalDate(2026, 11, 24)).ShouldBeTrue();
        request.OnTime.ShouldBeNull();
        request.Respond("Fra en leverandør i Malaysia; vi har vurdert den.", false, "Admin", new LocalDate(2026, 11, 23)).IsSuccess.ShouldBeTrue();
        request.OnTime.ShouldBe(true);
        request.Respond("Igjen", false, "Admin", Today).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void ALateAnswer_IsNotOnTime_AndARefusalNeedsItsReason()
    {
        var request = InformationRequest.Receive(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 10, 1), "En journalist", "Spørsmål", Today, null).Value!;
        request.Respond(" ", true, "Admin", Today).Error.ShouldBeOfType<Invalid>().Fields["answer"].ShouldContain("§ 7");
        request.Respond("Spørsmålet gjelder ikke vår virksomhet.", true, "Admin", Today).IsSuccess.ShouldBeTrue();
        request.OnTime.ShouldBe(false);
        request.Refused.ShouldBeTrue();
        var fields = InformationRequest.Receive(Guid.NewGuid(), Guid.NewGuid(), Today.PlusDays(1), "", null, Today, null).Error.ShouldBeOfType<Invalid>().Fields;
        fields.Keys.ShouldBe(["receivedOn", "fromName", "question"], ignoreOrder: true);
    }

    [Fact]
    public void ASuppliersAssessment_IsOnePerYear_AndAHighRiskNeedsMeasures()
    {
        var supplier = Supplier.Register(Guid.NewGuid(), Guid.NewGuid(), "Hansker AS", "912 345 678", "Engangshansker", "Malaysia", null).Value!;
        supplier.OrganisationNumber.ShouldBe("912345678");
        supplier.Assess(Guid.NewGuid(), 2026, SupplierRisk.High, "Risiko for tvangsarbeid i produksjonen.", null, "Admin", Today).Error.ShouldBeOfType<Invalid>()
            .Fields["measures"].ShouldContain("Høy risiko krever tiltak");
        supplier.Assess(Guid.NewGuid(), 2026, SupplierRisk.High, "Risiko for tvangsarbeid.", "Krav om revisjon; bytte leverandør innen juni.", "Admin", Today).IsSuccess.ShouldBeTrue();
        supplier.Assess(Guid.NewGuid(), 2026, SupplierRisk.Medium, "Revisjonen viste bedring.", "Følge opp.", "Admin", Today).IsSuccess.ShouldBeTrue();
        supplier.Assessments.Single().Risk.ShouldBe(SupplierRisk.Medium, "the year's newer assessment replaces the first");
        supplier.Assess(Guid.NewGuid(), 2024, SupplierRisk.Low, "Ok", null, "Admin", Today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("year");
        Supplier.Register(Guid.NewGuid(), Guid.NewGuid(), "X", "12345", "Y", "Norge", null).Error.ShouldBeOfType<Invalid>().Fields["organisationNumber"]
            .ShouldBe("Organisasjonsnummeret har ni sifre.");
    }

    [Fact]
    public void TheStatement_IsDueBy30JuneTheYearAfter_AndApprovedByTheBoardAfterTheYear()
    {
        var statement = TransparencyStatement.Draft(Guid.NewGuid(), Guid.NewGuid(), 2025, Today, null).Value!;
        statement.DueOn.ShouldBe(new LocalDate(2026, 6, 30));
        var empty = statement.Approve(new LocalDate(2026, 5, 20), "Styret", Today).Error.ShouldBeOfType<Invalid>().Fields;
        empty.Keys.ShouldContain("organisation");
        empty.Keys.ShouldContain("routines");
        statement.Write("Demo Assistanse AS leverer BPA i Oslo og Bergen.", "Leverandører vurderes hvert år.").IsSuccess.ShouldBeTrue();
        statement.Approve(new LocalDate(2025, 12, 20), "Styret", Today).Error.ShouldBeOfType<Invalid>().Fields["boardApprovedOn"].ShouldContain("etter årets slutt");
        statement.Approve(new LocalDate(2026, 5, 20), "Kari Nordmann (styreleder), Ola Nordmann", Today).IsSuccess.ShouldBeTrue();
        statement.Write("Demo Assistanse AS leverer BPA i Oslo, Akershus og Bergen.", statement.Routines).IsSuccess.ShouldBeTrue();
        statement.BoardApprovedOn.ShouldBeNull("a changed statement goes to the board again");
        TransparencyStatement.Draft(Guid.NewGuid(), Guid.NewGuid(), 2027, Today, null).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("year");
    }
}
