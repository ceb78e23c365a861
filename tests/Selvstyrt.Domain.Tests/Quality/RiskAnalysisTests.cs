using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// The yearly risk and vulnerability analysis (issue 20, part 3): the 5 × 5 matrix and its classes at their edges, the hazard's
/// fields named, approval only when every high risk has measures and a residual rating, a change taking the approval back, and
/// last year's copied as the start of this year's.
/// </summary>
public sealed class RiskAnalysisTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static RiskAnalysis Analysis(int year = 2026) => RiskAnalysis.Start(Guid.NewGuid(), Guid.NewGuid(), QualityScope.Arrangement, Guid.NewGuid(), Guid.NewGuid(), year, Today, null).Value!;

    private static HazardInput Input(int l, int c, string measures = "", int? rl = null, int? rc = null) => new("Fall ved forflytning", l, c, measures, rl, rc, "Even", null);

    [Theory]
    [InlineData(1, 1, RiskClass.Low)]
    [InlineData(2, 2, RiskClass.Low)]
    [InlineData(1, 5, RiskClass.Medium)]
    [InlineData(2, 5, RiskClass.Medium)]
    [InlineData(3, 4, RiskClass.High)]
    [InlineData(5, 5, RiskClass.High)]
    public void TheMatrix_ClassesLikelihoodTimesConsequence(int likelihood, int consequence, RiskClass expected)
    {
        var analysis = Analysis();
        analysis.AddHazard(Guid.NewGuid(), Input(likelihood, consequence)).Value!.Class.ShouldBe(expected);
        analysis.Matrix()[likelihood, consequence].ShouldBe(1);
    }

    [Fact]
    public void AHazard_NamesEveryWrongField_AndAResidualNeedsBothRatings()
    {
        var fields = Analysis().AddHazard(Guid.NewGuid(), new HazardInput(" ", 0, 6, null, 3, null, null, null)).Error.ShouldBeOfType<Invalid>().Fields;
        fields["description"].ShouldBe("Beskriv faren: hva kan skje?");
        fields["likelihood"].ShouldContain("fra 1");
        fields["consequence"].ShouldContain("fra 1");
        fields["residualConsequence"].ShouldBe("Restrisikoen vurderes med både sannsynlighet og konsekvens.");
    }

    [Fact]
    public void Approval_NeedsMeasuresAndAResidualForEveryHighRisk_AndAChangeTakesItBack()
    {
        var analysis = Analysis();
        analysis.Approve("Kari", Today).Error.ShouldBeOfType<Invalid>().Fields["hazards"].ShouldBe("Legg inn minst én fare før analysen godkjennes.");
        var high = analysis.AddHazard(Guid.NewGuid(), Input(4, 4)).Value!;
        analysis.AddHazard(Guid.NewGuid(), Input(1, 2)).IsSuccess.ShouldBeTrue();
        analysis.Approve("Kari", Today).Error.ShouldBeOfType<Invalid>().Fields["hazards"].ShouldContain("Fall ved forflytning");
        analysis.ChangeHazard(high.Id, Input(4, 4, "Takheis og opplæring", 2, 3)).Value!.ResidualClass.ShouldBe(RiskClass.Medium);
        analysis.Approve("Kari", Today).IsSuccess.ShouldBeTrue();
        analysis.ApprovedOn.ShouldBe(Today);
        analysis.Matrix(residual: true)[2, 3].ShouldBe(1);

        analysis.AddHazard(Guid.NewGuid(), Input(1, 1)).IsSuccess.ShouldBeTrue();
        analysis.ApprovedOn.ShouldBeNull("a changed analysis is approved again");
    }

    [Fact]
    public void LastYearsAnalysis_IsTheStartOfThisYears_WithoutItsApproval()
    {
        var last = Analysis(2025);
        last.AddHazard(Guid.NewGuid(), Input(4, 4, "Takheis", 2, 2)).IsSuccess.ShouldBeTrue();
        last.Approve("Kari", new LocalDate(2025, 3, 1)).IsSuccess.ShouldBeTrue();
        var copy = RiskAnalysis.CopyOf(Guid.NewGuid(), last, 2026, Today, null).Value!;
        copy.Year.ShouldBe(2026);
        copy.ScopeId.ShouldBe(last.ScopeId);
        copy.CopiedFrom.ShouldBe(last.Id);
        copy.ApprovedOn.ShouldBeNull();
        copy.Hazards.Single().Description.ShouldBe("Fall ved forflytning");
        copy.Hazards.Single().Id.ShouldNotBe(last.Hazards.Single().Id);
        copy.ReviewOn.ShouldBe(new LocalDate(2026, 12, 1));
        RiskAnalysis.CopyOf(Guid.NewGuid(), last, 2025, Today, null).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("year");
    }

    [Fact]
    public void AnAnalysis_IsForOneScopeAndAYearNearToday()
    {
        RiskAnalysis.Start(Guid.NewGuid(), Guid.NewGuid(), QualityScope.Office, null, null, 2026, Today, null).Error.ShouldBeOfType<Invalid>().Fields["officeId"]
            .ShouldBe("Velg kontoret analysen gjelder.");
        RiskAnalysis.Start(Guid.NewGuid(), Guid.NewGuid(), QualityScope.Provider, null, null, 2030, Today, null).Error.ShouldBeOfType<Invalid>().Fields["year"]
            .ShouldBe("Året må være mellom 2025 og 2027.");
        var provider = Guid.NewGuid();
        RiskAnalysis.Start(Guid.NewGuid(), provider, QualityScope.Provider, null, null, 2026, Today, null).Value!.ScopeId.ShouldBe(provider);
    }
}
