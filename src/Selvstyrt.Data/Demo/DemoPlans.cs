using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo decisions: one version per arrangement from 2025, except the 24/7 2:1 arrangement, whose
/// decision was changed from 1 March 2026 to state the hours per need (so the history shows two versions).
/// Arrangement 1 may save hours over the calendar year, the child's arrangement over a season.
/// </summary>
internal static class DemoDecisions
{
    private static readonly LocalDate Start = new(2025, 1, 1);

    public static IEnumerable<Decision> For(int no, Guid arrangementId, decimal hours, DecisionPurposes purposes, LocalDate? ends, string scope = "")
    {
        var needs = DecisionNeeds.In(purposes).Select(p => new NeedHours(p, null)).ToList();
        var saving = no is 1 or 5;
        var averaging = no switch { 1 => AveragingPeriod.CalendarYear, 5 => AveragingPeriod.Season, _ => AveragingPeriod.Week };
        var caseNumber = $"{2024 + (no % 2)}/{1000 + (no * 137)}";
        var first = DemoData.Ok(Decision.Create(DemoIds.For($"{scope}decision:{no}"), arrangementId,
            new DecisionTerms(hours, GrantUnit.Week, Start, ends, needs, saving, averaging, UnusedHoursPolicy.ReturnedToMunicipality, caseNumber)));
        yield return first;
        if (no != 10) yield break;
        NeedHours[] split =
        [
            new(DecisionPurposes.PersonalHelpAtHome, 84m), new(DecisionPurposes.HelpOutsideHome, 28m),
            new(DecisionPurposes.TwoToOne, 168m), new(DecisionPurposes.AwakeNight, 56m),
        ];
        yield return DemoData.Ok(first.ChangeFrom(DemoIds.For($"{scope}decision:{no}:v2"),
            new DecisionTerms(hours, GrantUnit.Week, new LocalDate(2026, 3, 1), ends, split, false, AveragingPeriod.Week, UnusedHoursPolicy.ReturnedToMunicipality, caseNumber + "-2")));
    }
}

/// <summary>
/// A published four-week rotation per demo arrangement from Monday 29 December 2025 (ISO week 1 of 2026),
/// sized to the decision: round the clock in three eight-hour shifts (twice over for 2:1), two shifts a day
/// from 84 h a week, five or seven days for the rest. Arrangement 2 plans 10 % over its decision and arrangement
/// 1 plans 20 % under (it saves hours), so the hour accounts and the risk list have something to show.
/// </summary>
internal static class DemoPlans
{
    public static readonly LocalDate Start = new(2025, 12, 29);

    /// <summary>The round-the-clock 1:1 arrangement that runs in døgnvakter (24-hour shifts) under a tariff deviation.</summary>
    public const int DognvaktArrangement = 9;

    /// <summary>A døgnvakt's night asleep: 23:00-07:00, 15 hours into the shift from 08:00.</summary>
    private static readonly ShiftPart DognvaktNight = new(15 * 60, 8 * 60);

    public static WorkPlan For(int no, Guid arrangementId, decimal weeklyHours, IReadOnlyList<Guid> staff, string scope = "")
    {
        var plan = DemoData.Ok(WorkPlan.Create(DemoIds.For($"{scope}plan:{no}"), arrangementId, "Turnus 2026", 4, Start, null));
        var factor = no switch { 1 => 0.8m, 2 => 1.1m, 4 => 1.02m, _ => 1m };
        var hours = weeklyHours * factor;
        var slots = new List<(IsoDayOfWeek Day, int StartMinute, int Minutes, PlanShiftKind Kind)>();
        if (no == DognvaktArrangement)
        {
            // Døgnvakt: one 24-hour shift a day from 08:00, with the night asleep as passive time, under the
            // provider's AML § 10-12 (4) agreement (DemoAgreements); without it each shift would be a breach.
            foreach (var day in Days(7)) slots.Add((day, 8 * 60, 24 * 60, PlanShiftKind.TwentyFourHour));
        }
        else if (hours >= 168m)
        {
            var parallel = (int)(hours / 168m);
            foreach (var day in Days(7))
            {
                for (var p = 0; p < parallel; p++)
                {
                    slots.Add((day, 7 * 60, 480, PlanShiftKind.Day));
                    slots.Add((day, 15 * 60, 480, PlanShiftKind.Evening));
                    slots.Add((day, 23 * 60, 480, PlanShiftKind.AwakeNight));
                }
            }
        }
        else
        {
            var days = hours <= 12m ? 2 : hours <= 45m ? 5 : 7;
            var perDay = (int)Math.Round(hours / days * 4m) * 15;
            foreach (var day in Days(days))
            {
                if (perDay > 600)
                {
                    var first = perDay / 2 / 15 * 15;
                    slots.Add((day, 8 * 60, first, PlanShiftKind.Day));
                    slots.Add((day, 8 * 60 + first, perDay - first, PlanShiftKind.Evening));
                }
                else
                {
                    slots.Add((day, 9 * 60, perDay, PlanShiftKind.Day));
                }
            }
        }
        // The arrangement's shift types (the seeder adds the same ones): a shift that has one's kind, start and length is placed from it.
        var types = Templates(no, arrangementId, weeklyHours, scope).ToList();
        var n = 0;
        for (var week = 1; week <= plan.RotationWeeks; week++)
        {
            for (var i = 0; i < slots.Count; i++)
            {
                var (day, start, minutes, kind) = slots[i];
                var assistant = staff.Count == 0 ? (Guid?)null : staff[(i + week * 11) % staff.Count];
                var passive = kind == PlanShiftKind.TwentyFourHour ? new[] { DognvaktNight } : [];
                var placement = new ShiftPlacement(week, day, LocalTime.FromMinutesSinceMidnight(start), minutes, assistant, kind)
                {
                    Passive = passive,
                    // Placed from the arrangement's shift type when one fits, with its pause: a shift of more than 5.5 hours
                    // worked has a paid pause of 30 minutes (AML-10-9-1), as the demo's shift types do.
                    TemplateId = types.FirstOrDefault(t => t.Kind == kind && t.StartMinute == start && t.LengthMinutes == minutes)?.Id,
                    PaidPauseMinutes = passive.Length == 0 && minutes > 330 ? 30 : 0,
                };
                DemoData.Ok(plan.AddShift(DemoIds.For($"{scope}plan:{no}:shift:{n++}"), placement, Seed));
            }
        }
        DemoData.Ok(plan.SetCoverage(PlanCoverage.Suggest(weeklyHours), () => DemoIds.For($"{scope}plan:{no}:coverage:{n++}"), Seed));
        // Discussed with the assistants on 1 December, four weeks before it began (AML-10-3-1 asks for 14 days).
        plan.Publish(Instant.FromUtc(2025, 12, 1, 9, 0), new LocalDate(2025, 12, 1));
        return plan;
    }

    private static readonly PlanActor Seed = new(Instant.FromUtc(2025, 12, 1, 9, 0), "demo", new LocalDate(2025, 12, 1));

    /// <summary>
    /// A draft for a summer trip in arrangement 4: one 16-hour travel day that no agreement covers, so the editor shows
    /// an uncovered long shift (LONGSHIFT-1) beside the døgnvakt arrangement's covered ones. Never published.
    /// </summary>
    public static WorkPlan SummerTripDraft(Guid arrangementId, Guid assistant)
    {
        var plan = DemoData.Ok(WorkPlan.Create(DemoIds.For("plan:4:sommertur"), arrangementId, "Sommertur 2027 (utkast)", 1, new LocalDate(2027, 6, 28), new LocalDate(2027, 7, 4)));
        DemoData.Ok(plan.AddShift(DemoIds.For("plan:4:sommertur:reise"), new ShiftPlacement(1, IsoDayOfWeek.Tuesday, new LocalTime(7, 0), 16 * 60, assistant, PlanShiftKind.Travel), Seed));
        return plan;
    }

    /// <summary>The shift templates every demo arrangement starts with; the 24/7 2:1 arrangement's are for two at once.</summary>
    public static IEnumerable<ShiftTemplate> Templates(int no, Guid arrangementId, decimal weeklyHours, string scope = "")
    {
        var staffing = weeklyHours >= 336m ? 2 : 1;
        (string Name, int Start, int Minutes, PlanShiftKind Kind, ShiftPart[] Passive, int Pause)[] specs = no == DognvaktArrangement
            ? [("Døgnvakt", 8 * 60, 24 * 60, PlanShiftKind.TwentyFourHour, [DognvaktNight], 0)]
            : weeklyHours >= 168m
            ?
            [
                ("Dag", 7 * 60, 480, PlanShiftKind.Day, [], 30),
                ("Kveld", 15 * 60, 480, PlanShiftKind.Evening, [], 30),
                ("Våken natt", 23 * 60, 480, PlanShiftKind.AwakeNight, [], 30),
                ("Sovende natt", 22 * 60, 600, PlanShiftKind.SleepingNight, [new ShiftPart(60, 420)], 0),
            ]
            :
            [
                ("Dag", 9 * 60, 360, PlanShiftKind.Day, [], 30),
                ("Ettermiddag", 14 * 60, 300, PlanShiftKind.Evening, [], 0),
                ("Reise", 8 * 60, 720, PlanShiftKind.Travel, [], 30),
            ];
        foreach (var (name, start, minutes, kind, passive, pause) in specs)
        {
            yield return DemoData.Ok(ShiftTemplate.Create(DemoIds.For($"{scope}template:{no}:{name}"), arrangementId, name, LocalTime.FromMinutesSinceMidnight(start), minutes, kind,
                passive, pause, kind is PlanShiftKind.SleepingNight ? 1 : staffing, kind == PlanShiftKind.AwakeNight ? ["Forflytning", "Nattevakt-opplæring"] : [], null));
        }
        // Even's days with the ventilator: only those trained in it and in transfers may take them (issue 19, part 3).
        if (no == 10)
            yield return DemoData.Ok(ShiftTemplate.Create(DemoIds.For($"{scope}template:10:Respiratorvakt"), arrangementId, "Respiratorvakt", new LocalTime(7, 0), 480, PlanShiftKind.Day,
                [], 30, 1, [DemoCompetences.Ventilator, "Forflytning"], null));
    }

    /// <summary>Absence without a substitute in the 24/7 arrangement this autumn.</summary>
    public static IEnumerable<UnusedHours> UnusedHours(Guid arrangementId)
    {
        var today = new LocalDate(2026, 11, 23);
        yield return DemoData.Ok(Domain.HourAccounts.UnusedHours.Create(DemoIds.For("unused:10:1"), arrangementId, new LocalDate(2026, 10, 14), 8m, "Sykdom, ingen vikar tilgjengelig", null, today));
        yield return DemoData.Ok(Domain.HourAccounts.UnusedHours.Create(DemoIds.For("unused:10:2"), arrangementId, new LocalDate(2026, 11, 3), 8m, "Sykdom, ingen vikar tilgjengelig", null, today));
    }

    private static IEnumerable<IsoDayOfWeek> Days(int count)
        => count switch
        {
            2 => [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Saturday],
            5 => [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            _ => Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d),
        };
}

/// <summary>The demo provider's contracts: Oslo's rate went up from 2026; Bergen warns from +3 %.</summary>
internal static class DemoContracts
{
    public static IEnumerable<MunicipalityContract> For(Guid providerId, IReadOnlyDictionary<string, Municipality> municipalities)
    {
        var from = new LocalDate(2025, 1, 1);
        var oslo2025 = DemoData.Ok(MunicipalityContract.Create(DemoIds.For("contract:0301:2025"), providerId, municipalities["0301"].Id, from, null, 512.00m, 5m, "Oslo BPA-avtale 2025"));
        oslo2025.EndBefore(new LocalDate(2026, 1, 1));
        yield return oslo2025;
        yield return DemoData.Ok(MunicipalityContract.Create(DemoIds.For("contract:0301:2026"), providerId, municipalities["0301"].Id, new LocalDate(2026, 1, 1), null, 534.50m, 5m, "Oslo BPA-avtale 2026"));
        yield return DemoData.Ok(MunicipalityContract.Create(DemoIds.For("contract:3201"), providerId, municipalities["3201"].Id, from, null, 528.00m, 5m, "Bærum rammeavtale BPA"));
        yield return DemoData.Ok(MunicipalityContract.Create(DemoIds.For("contract:4601"), providerId, municipalities["4601"].Id, from, null, 505.00m, 3m, "Bergen BPA-avtale"));
    }
}

/// <summary>The demo generators' one way to unwrap a result: invalid demo data is a bug, so it throws.</summary>
internal static class DemoData
{
    public static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value! : throw new InvalidOperationException("Demo data is invalid: " + result.Error!.Message);
}
