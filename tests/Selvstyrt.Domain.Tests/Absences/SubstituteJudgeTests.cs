using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>
/// «Finn vikar» (issue 17, part 5): a candidate is lawful only when taking the vacant shift causes no breach for them. The
/// property: for random plans (three assistants, two weeks, across the autumn DST night), accepting any candidate the judge
/// calls lawful leaves that assistant's breaches, by a full check of the engine, no more and no larger than before.
/// </summary>
public sealed class SubstituteJudgeTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static AssistantProfile Assistant(string id) => new(id, "e1", null, null, null, null, 37.5m, []);

    private static CheckInput Input(IEnumerable<ShiftInput> shifts, LocalDate monday) =>
        new(Oslo, [new EmployerProfile("e1", Regime.Aml, null, WeekAnchor.Monday, null, [], new EmployerSettings())], [Assistant("a0"), Assistant("a1"), Assistant("a2")], [.. shifts])
        {
            Period = new DateInterval(monday, monday.PlusDays(20)),
        };

    private static ShiftInput Shift(string id, string who, LocalDate monday, int startHour, int hours)
    {
        var start = Oslo.AtLeniently(monday.AtMidnight().PlusHours(startHour)).ToInstant();
        return new ShiftInput(id, who, "e1", "o1", start, start + Duration.FromHours(hours), ShiftKind.Planned);
    }

    private static readonly Dictionary<string, decimal?> Everyone = new() { ["a0"] = 100m, ["a1"] = 50m, ["a2"] = null };

    [Fact]
    public void AcceptingAnyLawfulCandidate_LeavesTheirBreachesNoWorse()
    {
        // 19 October 2026 is a Monday; the plans run over the night DST ends (25 October).
        var monday = new LocalDate(2026, 10, 19);
        var plans = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 14 * 24 - 1], Gen.Int[2, 14]).Array[1, 24];
        Gen.Select(plans, Gen.Int[0, 14 * 24 - 1], Gen.Int[3, 12]).Sample((plan, vacantHour, vacantLength) =>
        {
            var shifts = plan.Select((s, i) => Shift($"s{i}", $"a{s.Item1}", monday, s.Item2, s.Item3)).ToList();
            var input = Input(shifts, monday);
            var vacant = Shift("ledig", "?", monday, vacantHour, vacantLength);
            var before = RuleEngine.Check(input).Findings.Where(f => f.Severity == Severity.Breach).ToList();
            foreach (var verdict in SubstituteJudge.Judge(input, vacant, Everyone).Where(v => v.Lawful))
            {
                var taken = input with { Shifts = [.. shifts, vacant with { Assistant = verdict.Assistant }] };
                var after = RuleEngine.Check(taken).Findings.Where(f => f.Severity == Severity.Breach && f.Assistant == verdict.Assistant);
                foreach (var breach in after)
                {
                    before.ShouldContain(b => b.Rule == breach.Rule && b.Assistant == breach.Assistant && b.From == breach.From && b.To == breach.To
                                              && Math.Abs((b.Measured ?? 0) - (b.Limit ?? 0)) >= Math.Abs((breach.Measured ?? 0) - (breach.Limit ?? 0)),
                        $"{verdict.Assistant} was offered the shift at hour {vacantHour} and got {breach.Rule}: {breach.Message}");
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void AML_10_8_1_TooLittleRestBeforeTheShift_LeavesTheCandidateOut_WithTheRule()
    {
        var monday = new LocalDate(2026, 11, 23);
        // a0 works 14-22 on Monday; the vacant shift is 06-14 on Tuesday: 8 hours' rest. a1 has nothing that week.
        var input = Input([Shift("s0", "a0", monday, 14, 8)], monday);
        var verdicts = SubstituteJudge.Judge(input, Shift("ledig", "?", monday, 30, 8), Everyone).ToDictionary(v => v.Assistant);

        verdicts["a0"].Lawful.ShouldBeFalse();
        verdicts["a0"].Breaches.Select(b => b.Rule).ShouldContain("AML-10-8-1");
        verdicts["a1"].Lawful.ShouldBeTrue();
        verdicts["a1"].WeekHoursAfter.ShouldBe(8);
    }

    [Fact]
    public void ABreachTheCandidateAlreadyHas_DoesNotLeaveThemOut_ButOneTheShiftMakesLargerDoes()
    {
        var monday = new LocalDate(2026, 11, 23);
        // a0 works both Sundays (AML-10-8-4 already broken) and nothing else: a Wednesday day shift does not change that.
        var sundays = new[] { Shift("sun1", "a0", monday, 6 * 24 + 8, 8), Shift("sun2", "a0", monday, 13 * 24 + 8, 8) };
        var wednesday = SubstituteJudge.Judge(Input(sundays, monday), Shift("ledig", "?", monday, 2 * 24 + 8, 8), Everyone).Single(v => v.Assistant == "a0");
        wednesday.Lawful.ShouldBeTrue(string.Join(" ", wednesday.Breaches.Select(b => b.Message)));

        // a1 already has a 14-hour day (over the 13 of AML-10-6-8): a shift right after makes the day longer still.
        var longDay = SubstituteJudge.Judge(Input([Shift("long", "a1", monday, 6, 14)], monday), Shift("ledig", "?", monday, 20, 3), Everyone).Single(v => v.Assistant == "a1");
        longDay.Lawful.ShouldBeFalse();
    }

    [Theory]
    [InlineData(20, 100, SubstituteCost.WithinPosition)]
    [InlineData(20, 50, SubstituteCost.AdditionalHours)]
    [InlineData(18.75, 50, SubstituteCost.WithinPosition)]
    [InlineData(38, 100, SubstituteCost.Overtime)]
    [InlineData(38, null, SubstituteCost.Overtime)]
    [InlineData(30, null, SubstituteCost.WithinPosition)]
    public void TheWeeksHours_AgainstThePosition_GiveTheCost(double hours, int? percent, SubstituteCost cost)
        => SubstituteJudge.Cost(hours, percent).ShouldBe(cost);
}
