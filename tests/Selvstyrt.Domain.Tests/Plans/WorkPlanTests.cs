using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Plans;

/// <summary>The rotation of issue 5: roll-out, exceptions, cover and 2:1 gaps, hours, edits, the change log and publishing.</summary>
public sealed class WorkPlanTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly Guid Kari = Guid.NewGuid();
    private static readonly Guid Ola = Guid.NewGuid();
    private static readonly PlanActor Actor = new(Instant.FromUtc(2026, 11, 23, 9, 0), "Arbeidsleder Even", new LocalDate(2026, 11, 23));

    private static WorkPlan Plan(LocalDate start, int weeks = 4)
        => WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "Turnus", weeks, start, null).Value!;

    /// <summary>Kari and Ola together on every day, evening and awake night of the rotation's weeks (2:1 round the clock).</summary>
    private static void TwoRoundTheClock(WorkPlan plan, int weeks)
    {
        for (var week = 1; week <= weeks; week++)
            for (var d = 1; d <= 7; d++)
                foreach (var who in new[] { Kari, Ola })
                {
                    Add(plan, week, (IsoDayOfWeek)d, 7, 8, who);
                    Add(plan, week, (IsoDayOfWeek)d, 15, 8, who, PlanShiftKind.Evening);
                    Add(plan, week, (IsoDayOfWeek)d, 23, 8, who, PlanShiftKind.AwakeNight);
                }
    }

    private static PlanShift Add(WorkPlan plan, int week, IsoDayOfWeek day, int hour, int hours, Guid? who, PlanShiftKind kind = PlanShiftKind.Day)
        => plan.AddShift(Guid.NewGuid(), new ShiftPlacement(week, day, new LocalTime(hour, 0), hours * 60, who, kind), Actor).Value!;

    [Fact]
    public void RollOut_RepeatsTheRotation_AcrossTheYearEnd_AndALeapDay()
    {
        var plan = Plan(new LocalDate(2027, 12, 6), 2);
        var monday1 = Add(plan, 1, IsoDayOfWeek.Monday, 7, 8, Kari);
        var tuesday2 = Add(plan, 2, IsoDayOfWeek.Tuesday, 7, 8, Ola);

        var yearEnd = plan.RollOut(new LocalDate(2027, 12, 27), new LocalDate(2028, 1, 9), Oslo).ToList();
        // 6 Dec is week 1, so 27 Dec (3 weeks later) is week 2 and 3 Jan week 1 again.
        yearEnd.Select(s => (s.Date, s.TemplateId)).ShouldBe([(new LocalDate(2027, 12, 28), tuesday2.Id), (new LocalDate(2028, 1, 3), monday1.Id)]);

        var leap = Plan(new LocalDate(2028, 2, 28), 1);
        Add(leap, 1, IsoDayOfWeek.Tuesday, 22, 10, Kari, PlanShiftKind.SleepingNight);
        var night = leap.RollOut(new LocalDate(2028, 2, 29), new LocalDate(2028, 2, 29), Oslo).Single();
        night.Date.ShouldBe(new LocalDate(2028, 2, 29));
        (night.End - night.Start).ShouldBe(Duration.FromHours(10));
    }

    [Fact]
    public void RollOut_LastSundayNight_RunsIntoTheNextCyclesMonday_AndDstChangesItsLength()
    {
        var plan = Plan(new LocalDate(2026, 10, 5), 4);
        Add(plan, 4, IsoDayOfWeek.Sunday, 22, 10, Kari, PlanShiftKind.SleepingNight);
        // Week 4 of the first cycle ends on Sunday 1 November; week 4 of the second is Sunday 29 November.
        var monday = plan.RollOut(new LocalDate(2026, 11, 30), new LocalDate(2026, 11, 30), Oslo).Single();
        monday.Date.ShouldBe(new LocalDate(2026, 11, 29), "the Sunday night is part of Monday's hours");

        var dst = Plan(new LocalDate(2026, 10, 19), 1);
        Add(dst, 1, IsoDayOfWeek.Saturday, 22, 10, Kari, PlanShiftKind.AwakeNight);
        var autumn = dst.RollOut(new LocalDate(2026, 10, 24), new LocalDate(2026, 10, 24), Oslo).Single(s => s.Date == new LocalDate(2026, 10, 24));
        (autumn.End - autumn.Start).ShouldBe(Duration.FromHours(11), "25 October 2026: clocks go back at 03:00");
    }

    [Fact]
    public void Deviations_ChangeOneDate_WithoutBreakingTheRotation()
    {
        var plan = Plan(new LocalDate(2026, 11, 30), 1);
        var shift = Add(plan, 1, IsoDayOfWeek.Wednesday, 7, 8, Kari);
        plan.AddDeviation(Guid.NewGuid(), new PlanDeviationSpec(new LocalDate(2026, 12, 2), PlanDeviationKind.Cancelled, shift.Id, null, null, null, null, "Ferie"), Actor).IsSuccess.ShouldBeTrue();
        plan.AddDeviation(Guid.NewGuid(), new PlanDeviationSpec(new LocalDate(2026, 12, 9), PlanDeviationKind.Reassigned, shift.Id, Ola, null, null, null, null), Actor).IsSuccess.ShouldBeTrue();
        plan.AddDeviation(Guid.NewGuid(), new PlanDeviationSpec(new LocalDate(2026, 12, 10), PlanDeviationKind.Extra, null, Ola, new LocalTime(10, 0), 240, PlanShiftKind.Travel, "Tur"), Actor).IsSuccess.ShouldBeTrue();

        var december = plan.RollOut(new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 16), Oslo).OrderBy(s => s.Start).ToList();
        december.Select(s => (s.Date.Day, s.AssistantId, s.Kind)).ShouldBe([(9, (Guid?)Ola, PlanShiftKind.Day), (10, Ola, PlanShiftKind.Travel), (16, Kari, PlanShiftKind.Day)]);

        var wrongDay = plan.AddDeviation(Guid.NewGuid(), new PlanDeviationSpec(new LocalDate(2026, 12, 3), PlanDeviationKind.Cancelled, shift.Id, null, null, null, null, null), Actor);
        ((Invalid)wrongDay.Error!).Fields["shift"].ShouldBe("Vakten går ikke denne datoen.");
        var twice = plan.AddDeviation(Guid.NewGuid(), new PlanDeviationSpec(new LocalDate(2026, 12, 2), PlanDeviationKind.Reassigned, shift.Id, Ola, null, null, null, null), Actor);
        ((Invalid)twice.Error!).Fields.Keys.ShouldContain("shift");
    }

    [Fact]
    public void Coverage_FindsUncoveredHoursAndTwoToOneGaps_AndCountsTheNightIntoTheNextWeek()
    {
        var plan = Plan(new LocalDate(2026, 11, 30), 2);
        plan.SetCoverage([new CoverageSpec(WeekDays.All, 0, 24 * 60, 2)], Guid.NewGuid, Actor);
        TwoRoundTheClock(plan, 2);
        var full = PlanCoverage.Of(plan);
        full.ShouldAllBe(w => w.UncoveredHours == 0m && w.TwoToOneGapHours == 0m && w.NeededHours == 336m);

        // One of the two on Wednesday's day shift in week 1 goes: 8 hours with only one (2:1 gap), none uncovered.
        plan.RemoveShift(plan.Shifts.First(s => s.Week == 1 && s.Day == IsoDayOfWeek.Wednesday && s.StartMinute == 7 * 60).Id, Actor);
        // Both Sunday nights of week 2 go: Sunday 23-24 in week 2 and Monday 00-07 in week 1 are uncovered.
        foreach (var s in plan.Shifts.Where(s => s.Week == 2 && s.Day == IsoDayOfWeek.Sunday && s.StartMinute == 23 * 60).ToList()) plan.RemoveShift(s.Id, Actor);
        var gaps = PlanCoverage.Of(plan);
        gaps[0].TwoToOneGapHours.ShouldBe(8m);
        gaps[0].UncoveredHours.ShouldBe(7m);
        gaps[0].Gaps.ShouldContain(new CoverageGap(1, IsoDayOfWeek.Monday, 0, 7 * 60, 2, 0));
        gaps[0].Gaps.ShouldContain(new CoverageGap(1, IsoDayOfWeek.Wednesday, 7 * 60, 8 * 60, 2, 1));
        gaps[1].UncoveredHours.ShouldBe(1m);
    }

    [Fact]
    public void CoverBands_ShowTheWorstMomentOfEachTimeOfDay_With2To1Visible_AndSundaysNightCoveringWeekOnesMonday()
    {
        // 2:1 round the clock, every shift for two, in a two-week rotation; then gaps are cut as in the test above.
        var plan = Plan(new LocalDate(2026, 11, 30), 2);
        plan.SetCoverage([new CoverageSpec(WeekDays.All, 0, 24 * 60, 2), new CoverageSpec(WeekDays.Saturday, 10 * 60, 2 * 60, 1)], Guid.NewGuid, Actor);
        TwoRoundTheClock(plan, 2);
        var full = PlanCoverage.Bands(plan, 1);
        full.Count.ShouldBe(7 * 4, "four six-hour bands a day");
        full.Where(b => b.Day != IsoDayOfWeek.Saturday).ShouldAllBe(b => b.Needed == 2 && b.Shortfall == 0 && b.PlannedAtWorst == 2);
        full.Single(b => b.Day == IsoDayOfWeek.Saturday && b.StartMinute == 6 * 60).ShouldBe(new CoverBand(IsoDayOfWeek.Saturday, 6 * 60, 6 * 60, 3, 1),
            "a third person is needed 10-12 on Saturdays and nobody extra is planned: 2 of 3 at the worst moment");

        // One of the two leaves Wednesday's day shift in week 1 (07-15): the morning and the afternoon bands show 1 of 2.
        plan.RemoveShift(plan.Shifts.First(s => s.Week == 1 && s.Day == IsoDayOfWeek.Wednesday && s.StartMinute == 7 * 60).Id, Actor);
        // Week 2's Sunday nights go: they would have covered week 1's Monday 00-07 (the rotation wraps), so that band is empty.
        foreach (var s in plan.Shifts.Where(s => s.Week == 2 && s.Day == IsoDayOfWeek.Sunday && s.StartMinute == 23 * 60).ToList()) plan.RemoveShift(s.Id, Actor);
        var week1 = PlanCoverage.Bands(plan, 1);
        week1.Single(b => b.Day == IsoDayOfWeek.Wednesday && b.StartMinute == 6 * 60).ShouldBe(new CoverBand(IsoDayOfWeek.Wednesday, 6 * 60, 6 * 60, 2, 1));
        week1.Single(b => b.Day == IsoDayOfWeek.Wednesday && b.StartMinute == 12 * 60).PlannedAtWorst.ShouldBe(1);
        week1.Single(b => b.Day == IsoDayOfWeek.Wednesday && b.StartMinute == 18 * 60).Shortfall.ShouldBe(0);
        week1.Single(b => b.Day == IsoDayOfWeek.Monday && b.StartMinute == 0).ShouldBe(new CoverBand(IsoDayOfWeek.Monday, 0, 6 * 60, 2, 2));
        var week2 = PlanCoverage.Bands(plan, 2);
        week2.Single(b => b.Day == IsoDayOfWeek.Sunday && b.StartMinute == 18 * 60).Shortfall.ShouldBe(2, "23-24 on week 2's Sunday has nobody");
        week2.Single(b => b.Day == IsoDayOfWeek.Monday && b.StartMinute == 0).Shortfall.ShouldBe(0, "week 1's Sunday night still covers week 2's Monday");
    }

    [Fact]
    public void Coverage_SuggestedFromTheDecision_Is2To1RoundTheClockFor336Hours()
    {
        PlanCoverage.Suggest(336m).ShouldBe([new CoverageSpec(WeekDays.All, 0, 1440, 2)]);
        PlanCoverage.Suggest(168m).ShouldBe([new CoverageSpec(WeekDays.All, 0, 1440, 1)]);
        PlanCoverage.Suggest(35m).ShouldBe([new CoverageSpec(WeekDays.All, 8 * 60, 300, 1)]);
    }

    [Fact]
    public void Hours_PerAssistantAgainstPosition_AndPerWeekAgainstTheDecision()
    {
        var plan = Plan(new LocalDate(2026, 11, 30), 2);
        Add(plan, 1, IsoDayOfWeek.Monday, 23, 8, Kari, PlanShiftKind.AwakeNight);
        Add(plan, 1, IsoDayOfWeek.Tuesday, 23, 8, Kari, PlanShiftKind.AwakeNight);
        Add(plan, 2, IsoDayOfWeek.Sunday, 9, 6, Kari);
        Add(plan, 2, IsoDayOfWeek.Sunday, 9, 6, null);

        var hours = PlanHours.PerAssistant(plan, new Dictionary<Guid, decimal> { [Kari] = 50m });
        var kari = hours.Single(h => h.AssistantId == Kari);
        kari.PerWeek.ShouldBe([16m, 6m]);
        kari.Average.ShouldBe(11m);
        kari.PositionHours.ShouldBe(17.75m, "50 % of a 35.5 h rota week");
        hours[^1].AssistantId.ShouldBeNull("shifts not given to anyone come last");
        PlanHours.PerWeek(plan).ShouldBe([16m, 12m]);
    }

    [Fact]
    public void Edits_MoveTheRevision_AndAreLoggedOnlyAfterPublishing()
    {
        var plan = Plan(new LocalDate(2026, 12, 7), 2);
        var a = Add(plan, 1, IsoDayOfWeek.Monday, 7, 8, Kari);
        var b = Add(plan, 1, IsoDayOfWeek.Tuesday, 15, 8, Ola);
        plan.Changes.ShouldBeEmpty("a draft is not yet anyone's plan");
        var read = plan.Revision;

        plan.Publish(new LocalDate(2026, 12, 7), new LocalDate(2026, 11, 20), 0, Actor).IsSuccess.ShouldBeTrue();
        plan.SwapAssistants(a.Id, b.Id, Actor).IsSuccess.ShouldBeTrue();
        a.AssistantId.ShouldBe(Ola);
        b.AssistantId.ShouldBe(Kari);
        var swap = plan.Changes[^1];
        swap.Kind.ShouldBe(PlanChangeKind.Swapped);
        swap.By.ShouldBe("Arbeidsleder Even");
        swap.Concerns(Kari).ShouldBeTrue();
        swap.Concerns(Ola).ShouldBeTrue();
        swap.Version.ShouldBe(1);

        plan.Expect(read).Error.ShouldBeOfType<Conflict>();
        plan.Expect(plan.Revision).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void CopyWeek_FillsAnEmptyWeek_ButNeverOverwritesOne()
    {
        var plan = Plan(new LocalDate(2026, 12, 7), 3);
        Add(plan, 1, IsoDayOfWeek.Monday, 7, 8, Kari);
        Add(plan, 1, IsoDayOfWeek.Friday, 7, 8, Ola);
        plan.CopyWeek(1, 2, Guid.NewGuid, Actor).Value.ShouldBe(2);
        plan.Shifts.Count(s => s.Week == 2).ShouldBe(2);
        ((Invalid)plan.CopyWeek(1, 2, Guid.NewGuid, Actor).Error!).Fields["toWeek"].ShouldContain("har vakter fra før");
    }

    [Fact]
    public void Publish_NeedsTheDiscussionDate_AndNoOpenBreach()
    {
        var plan = Plan(new LocalDate(2026, 12, 7));
        Add(plan, 1, IsoDayOfWeek.Monday, 7, 8, Kari);
        ((Invalid)plan.Publish(new LocalDate(2026, 12, 7), null, 0, Actor).Error!).Fields.Keys.ShouldContain("discussedOn");
        ((Invalid)plan.Publish(new LocalDate(2026, 12, 8), new LocalDate(2026, 11, 1), 0, Actor).Error!).Fields["startsOn"].ShouldContain("mandag");
        ((Invalid)plan.Publish(new LocalDate(2026, 12, 7), new LocalDate(2026, 11, 1), 2, Actor).Error!).Fields["plan"].ShouldContain("2 brudd");
        plan.Status.ShouldBe(PlanStatus.Draft);
        plan.Publish(new LocalDate(2026, 12, 7), new LocalDate(2026, 11, 1), 0, Actor).IsSuccess.ShouldBeTrue();
        plan.PublishedVersion.ShouldBe(1);
        plan.DiscussedOn.ShouldBe(new LocalDate(2026, 11, 1));
    }

    /// <summary>AML-10-3-1 through the plan check: discussed 7 days before the start is a breach; 14 days is not.</summary>
    [Theory]
    [InlineData("2026-11-30", true)]
    [InlineData("2026-11-23", false)]
    public void PlanCheck_AML_10_3_1_JudgesTheDiscussionDate(string discussed, bool breach)
    {
        var plan = Plan(new LocalDate(2026, 12, 7), 1);
        Add(plan, 1, IsoDayOfWeek.Monday, 7, 8, Kari);
        var employer = new EmployerProfile("e", Regime.Aml, null, WeekAnchor.Monday, null, [], new EmployerSettings());
        var context = new PlanCheckContext(employer, [new AssistantProfile(Kari.ToString(), "e", null, null, null, null, 35.5m, [])], [], false);
        var window = PlanCheck.Window(plan, new LocalDate(2026, 11, 23));
        window.ShouldBe(new DateInterval(new LocalDate(2026, 12, 7), new LocalDate(2026, 12, 20)), "one rotation plus one week");
        var input = PlanCheck.Input(plan, context, window, Oslo, new PlanInfo(NodaTime.Text.LocalDatePattern.Iso.Parse(discussed).Value, plan.StartsOn));
        var findings = PlanCheck.Relevant(plan, RuleEngine.Check(input).Findings);
        findings.Any(f => f.Finding.Rule == "AML-10-3-1" && f.IsOpenBreach).ShouldBe(breach);
        findings.Select(f => f.Key).ShouldBeUnique("the extra week's repeat of a finding is shown once");
    }
}
