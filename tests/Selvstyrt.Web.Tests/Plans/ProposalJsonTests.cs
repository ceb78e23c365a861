using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Bpa;
using Selvstyrt.Web.Features.Plans;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Plans;

/// <summary>
/// A stored proposal (issue 21, part 4) is run and read on whichever instance has it, so the generator's problem and
/// result must come back from their stored JSON exactly as they went in: the same JSON again, and the same answers to
/// the questions the job and the page ask of them.
/// </summary>
public sealed class ProposalJsonTests
{
    [Fact]
    public void Problem_WithAgreementsFixedShiftsAndCompetences_ComesBackTheSame()
    {
        var basis = new LegalBasis(LegalBasisKind.SundayAgreement, "avtale-1", new HashSet<string>(StringComparer.Ordinal) { "a1" }, new LocalDate(2027, 1, 1), null);
        var template = BpaInstances.TwoToOneWithSundayAgreement();
        var first = template.Assistants[0] with
        {
            Competences = ["Sondemating"], FixedShifts = [new BpaFixedShift(Instant.FromUtc(2027, 1, 5, 7, 0), Instant.FromUtc(2027, 1, 5, 15, 0), "annen")],
            OtherEmployerHoursPerWeek = 7.5, LongShifts = true,
        };
        var problem = template with { Assistants = [first, .. template.Assistants.Skip(1)], LegalBases = [basis], Zone = DateTimeZoneProviders.Tzdb["Europe/Oslo"] };

        var json = ProposalJson.Write(problem);
        var back = ProposalJson.Read<BpaProblem>(json)!;

        ProposalJson.Write(back).ShouldBe(json);
        back.Zone.Id.ShouldBe("Europe/Oslo");
        back.LegalBases.Single().Covers("a1", new LocalDate(2027, 2, 7)).ShouldBeTrue();
        back.LegalBases.Single().Covers("a2", new LocalDate(2027, 2, 7)).ShouldBeFalse();
        back.Assistants[0].FixedShifts.Single().Start.ShouldBe(Instant.FromUtc(2027, 1, 5, 7, 0));
        back.Templates.Select(t => t.Days.Count).ShouldBe(problem.Templates.Select(t => t.Days.Count));
        back.RoundTheClock.ShouldBe(problem.RoundTheClock);
    }

    [Fact]
    public void Result_WithShiftsPenaltiesAndFindings_ComesBackTheSame()
    {
        var at = Instant.FromUtc(2027, 1, 4, 6, 0);
        var result = new BpaResult(new SolveSummary(SolveStatus.Feasible, 1200, 900, 4.5),
            [new BpaShift(1, IsoDayOfWeek.Monday, new LocalDate(2027, 1, 4), "dag-2", "a1", at, at + Duration.FromHours(8))],
            [new PenaltyLine("uncovered", "Udekkede plasser", 1, 1000, 1000, "Én natt står uten assistent.")],
            [new Finding("AML-10-8-1", Severity.Warn, "a1", "arbeidsgiver", ["s1"], at, at + Duration.FromHours(8), 10, 11, "h", "Hviletiden er 10 timer.")], 3)
        {
            ProvenMinimumUncovered = 1,
        };

        var json = ProposalJson.Write(result);
        var back = ProposalJson.Read<BpaResult>(json)!;

        ProposalJson.Write(back).ShouldBe(json);
        back.Summary.ShouldBe(result.Summary);
        back.Shifts.Single().ShouldBe(result.Shifts.Single());
        back.Findings.Single().Severity.ShouldBe(Severity.Warn);
        back.Findings.Single().Shifts.ShouldBe(["s1"]);
        back.ProvenMinimumUncovered.ShouldBe(1);
    }
}
