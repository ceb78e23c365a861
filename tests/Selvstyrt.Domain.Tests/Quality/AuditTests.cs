using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// An internal audit (issue 20, part 5): planned with every field named when missing, held before findings go in (never in the
/// future), a deviation pointing at the requirement it breaks, and closed only when every deviation's measures are done.
/// </summary>
public sealed class AuditTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static Audit Planned() => Audit.Plan(Guid.NewGuid(), Guid.NewGuid(), QualityScope.Office, Guid.NewGuid(), Guid.NewGuid(),
        new AuditPlanInput("Arbeidstid", "Arbeidstid", "AML kapittel 10", new LocalDate(2026, 12, 1), "Mona"), Today, null).Value!;

    [Fact]
    public void APlan_NamesEveryMissingField()
    {
        var fields = Audit.Plan(Guid.NewGuid(), Guid.NewGuid(), QualityScope.Provider, Guid.NewGuid(), null, new AuditPlanInput(" ", null, null, new LocalDate(2029, 1, 1), ""),
            Today, null).Error.ShouldBeOfType<Invalid>().Fields;

        fields.Keys.Order().ShouldBe(["area", "lead", "plannedOn", "title"]);
        fields["plannedOn"].ShouldBe("Datoen må være mellom 2025 og 2027.");
    }

    [Fact]
    public void Findings_WaitUntilTheAuditIsHeld_WhichCannotBeInTheFuture()
    {
        var audit = Planned();

        audit.AddFinding(Guid.NewGuid(), FindingKind.Observation, "Noe", "").Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("conductedOn");
        audit.Conduct(Today.PlusDays(1), "Gjennomgått", Today).Error.ShouldBeOfType<Invalid>().Fields["conductedOn"]
            .ShouldBe("Revisjonen kan ikke registreres som holdt fram i tid.");
        audit.Conduct(Today, "Gjennomgått planene", Today).IsSuccess.ShouldBeTrue();

        audit.Status.ShouldBe(AuditStatus.Conducted);
        audit.AddFinding(Guid.NewGuid(), FindingKind.Observation, "Noe kan bli bedre", "").IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ADeviation_MustNameTheRequirement_AndAnObservationNeedNot()
    {
        var audit = Planned();
        audit.Conduct(Today, "Gjennomgått", Today);

        audit.AddFinding(Guid.NewGuid(), FindingKind.Deviation, "Vakter uten hvile", " ").Error.ShouldBeOfType<Invalid>().Fields["requirement"]
            .ShouldBe("Et avvik må vise til kravet som ikke er oppfylt.");
        audit.AddFinding(Guid.NewGuid(), null, "Noe", "").Error.ShouldBeOfType<Invalid>().Fields["kind"].ShouldBe("Velg om funnet er et avvik eller en merknad.");
        audit.AddFinding(Guid.NewGuid(), FindingKind.Observation, "Kan bli bedre", "").Value!.Open.ShouldBeFalse();
    }

    [Fact]
    public void Closing_IsRefused_WhileADeviationHasNoMeasure_OrAnOpenOne_AndAClosedAuditStaysAsItIs()
    {
        var audit = Planned();
        audit.Conduct(Today, "Gjennomgått", Today);
        var finding = audit.AddFinding(Guid.NewGuid(), FindingKind.Deviation, "Vakter uten hvile", "AML § 10-8").Value!;

        audit.Close("Mona", Today, "Rettet").Error.ShouldBeOfType<Invalid>().Fields["findings"].ShouldContain("Vakter uten hvile");
        audit.AddMeasure(finding.Id, Guid.NewGuid(), "Sjekk før publisering", "Jon", Today.PlusDays(-1), Today).Error.ShouldBeOfType<Invalid>().Fields["dueOn"]
            .ShouldBe("Fristen kan ikke være tilbake i tid.");
        var measure = audit.AddMeasure(finding.Id, Guid.NewGuid(), "Sjekk før publisering", "Jon", Today.PlusDays(7), Today).Value!;
        audit.Close("Mona", Today, "Rettet").IsSuccess.ShouldBeFalse();
        audit.Close("Mona", Today, " ").Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("conclusion");

        audit.CompleteMeasure(finding.Id, measure.Id, Today).IsSuccess.ShouldBeTrue();
        audit.Close("Mona", Today, "Avviket er rettet").IsSuccess.ShouldBeTrue();

        audit.Status.ShouldBe(AuditStatus.Closed);
        (audit.ClosedBy, audit.Conclusion).ShouldBe(("Mona", "Avviket er rettet"));
        audit.AddFinding(Guid.NewGuid(), FindingKind.Observation, "Sent funn", "").Error.ShouldBeOfType<Conflict>();
        audit.Replan(new AuditPlanInput("Ny", "Ny", null, Today, "Mona"), Today).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void AddingTheSameFindingOrMeasureTwice_KeepsOne()
    {
        var audit = Planned();
        audit.Conduct(Today, "Gjennomgått", Today);
        var findingId = Guid.NewGuid();
        var measureId = Guid.NewGuid();

        audit.AddFinding(findingId, FindingKind.Deviation, "Funn", "Krav");
        audit.AddFinding(findingId, FindingKind.Deviation, "Funn", "Krav");
        audit.AddMeasure(findingId, measureId, "Tiltak", "Jon", Today, Today);
        audit.AddMeasure(findingId, measureId, "Tiltak", "Jon", Today, Today);

        audit.Findings.Count.ShouldBe(1);
        audit.Findings[0].Measures.Count.ShouldBe(1);
    }
}
