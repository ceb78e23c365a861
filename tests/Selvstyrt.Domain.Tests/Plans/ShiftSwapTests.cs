using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Plans;

/// <summary>
/// Issue 17, part 6: shift swaps. The judge sees a swap as a swap (both shifts move at once), never lets a swap add or enlarge
/// a breach for those who take a shift (a property over random plans), and the swap's states move one way only.
/// </summary>
public sealed class ShiftSwapTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly LocalDate Monday = new(2026, 10, 19);
    private static readonly Instant Now = Instant.FromUtc(2026, 10, 1, 8, 0);

    private static CheckInput Input(IEnumerable<ShiftInput> shifts) =>
        new(Oslo, [new EmployerProfile("e1", Regime.Aml, null, WeekAnchor.Monday, null, [], new EmployerSettings())],
            [new AssistantProfile("a0", "e1", null, null, null, null, 37.5m, []), new AssistantProfile("a1", "e1", null, null, null, null, 37.5m, [])], [.. shifts])
        {
            Period = new DateInterval(Monday, Monday.PlusDays(20)),
        };

    private static ShiftInput Shift(string id, string who, int startHour, int hours)
    {
        var start = Oslo.AtLeniently(Monday.AtMidnight().PlusHours(startHour)).ToInstant();
        return new ShiftInput(id, who, "e1", "o1", start, start + Duration.FromHours(hours), ShiftKind.Planned);
    }

    [Fact]
    public void ASameDaySwap_OfAMorningForAnEvening_IsJudgedAsTheSwap_NotAsBothShiftsOnOnePerson()
    {
        // a0 works 07-15 and 15-23 would be 16 hours a day for whoever had both; swapped, each still has one shift.
        var morning = Shift("m", "a0", 7, 8);
        var evening = Shift("e", "a1", 15, 8);
        var verdict = SwapJudge.Judge(Input([morning, evening]), [morning with { Assistant = "a1" }, evening with { Assistant = "a0" }]);
        verdict.Lawful.ShouldBeTrue(string.Join(" ", verdict.Breaches.Select(b => b.Message)));
        // Given away instead, a1 would have both: AML-10-4-1 (more than 13 hours in 24) is the swap's doing.
        var given = SwapJudge.Judge(Input([morning, evening]), [morning with { Assistant = "a1" }]);
        given.Lawful.ShouldBeFalse();
        given.Breaches.ShouldAllBe(b => b.Assistant == "a1");
    }

    [Fact]
    public void AGivenShift_OrASwap_NeverLeavesATakersBreachesWorse_ByAFullCheck()
    {
        var plans = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 14 * 24 - 1], Gen.Int[2, 14]).Array[2, 20];
        Gen.Select(plans, Gen.Int[0, 100], Gen.Int[0, 100], Gen.Bool).Sample((plan, first, second, swap) =>
        {
            var shifts = plan.Select((s, i) => Shift($"s{i}", $"a{s.Item1}", s.Item2, s.Item3)).ToList();
            var given = shifts[first % shifts.Count];
            var taker = given.Assistant == "a0" ? "a1" : "a0";
            var moves = new List<ShiftInput> { given with { Assistant = taker } };
            var back = shifts.Where(s => s.Assistant == taker).Skip(second % Math.Max(1, shifts.Count(s => s.Assistant == taker))).FirstOrDefault();
            if (swap && back is not null) moves.Add(back with { Assistant = given.Assistant });
            var input = Input(shifts);
            var verdict = SwapJudge.Judge(input, moves);
            if (!verdict.Lawful) return;
            var moved = moves.ToDictionary(m => m.Id);
            var before = RuleEngine.Check(input).Findings.Where(f => f.Severity == Severity.Breach).ToList();
            var after = RuleEngine.Check(input with { Shifts = [.. shifts.Select(s => moved.GetValueOrDefault(s.Id) ?? s)] }).Findings
                .Where(f => f.Severity == Severity.Breach && moves.Any(m => m.Assistant == f.Assistant));
            foreach (var breach in after)
            {
                before.ShouldContain(b => b.Rule == breach.Rule && b.Assistant == breach.Assistant && b.From == breach.From && b.To == breach.To
                                          && Math.Abs((b.Measured ?? 0) - (b.Limit ?? 0)) >= Math.Abs((breach.Measured ?? 0) - (breach.Limit ?? 0)),
                    $"the judge let {breach.Assistant} take a shift with {breach.Rule}: {breach.Message}");
            }
        }, iter: 200);
    }

    private static PlannedShift Planned(Guid who, int day) =>
        new(Guid.NewGuid(), Monday.PlusDays(day), Oslo.AtLeniently(Monday.PlusDays(day).At(new LocalTime(8, 0))).ToInstant(),
            Oslo.AtLeniently(Monday.PlusDays(day).At(new LocalTime(16, 0))).ToInstant(), who, PlanShiftKind.Day);

    [Fact]
    public void ASwap_IsProposedForOnesOwnShift_AnsweredOnce_AndApprovedOrRejectedWithAReason()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        ShiftSwap.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), a, Planned(b, 1), c, null, null, Now)
            .Error.ShouldBeOfType<Invalid>().Fields["shiftKey"].ShouldBe("Du kan bare bytte bort dine egne vakter.");
        ShiftSwap.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), a, Planned(a, 1), null, Planned(b, 2), null, Now)
            .Error.ShouldBeOfType<Invalid>().Fields["toAssistantId"].ShouldBe("Et bytte gjelder en bestemt kollega: velg hvem.");
        var swap = ShiftSwap.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), a, Planned(a, 1), b, Planned(b, 2), "Bryllup", Now).Value!;
        swap.IsSwap.ShouldBeTrue();
        swap.Accept(c, true, Now).Error.ShouldBeOfType<NotFound>("only the colleague asked answers a named request");
        swap.Accept(b, needsApproval: true, Now).IsSuccess.ShouldBeTrue();
        swap.State.ShouldBe(ShiftSwapState.AwaitingApproval);
        swap.Decline(b, Now).Error.ShouldBeOfType<Conflict>();
        swap.Reject("Arbeidsleder", " ", Now).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["reason"]);
        swap.Approve("Arbeidsleder", Now).IsSuccess.ShouldBeTrue();
        swap.State.ShouldBe(ShiftSwapState.Done);
        swap.Withdraw(a, Now).Error.ShouldBeOfType<Conflict>("a done swap is not taken back");
    }

    [Fact]
    public void AShiftGivenToAnyone_IsTakenByTheFirstColleague_NotByTheOneGivingIt_AndNotAfterItBegan()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var shift = Planned(a, 1);
        var swap = ShiftSwap.Propose(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), a, shift, null, null, null, Now).Value!;
        swap.IsFor(a).ShouldBeFalse();
        swap.Decline(b, Now).Error.ShouldBeOfType<NotFound>("nobody declines for everyone");
        swap.Accept(b, false, shift.Start).Error.ShouldBeOfType<Conflict>().Message.ShouldBe("Vakten har allerede begynt.");
        swap.Accept(b, needsApproval: false, Now).IsSuccess.ShouldBeTrue();
        swap.State.ShouldBe(ShiftSwapState.Done);
        swap.AcceptedBy.ShouldBe(b);
        swap.Accept(Guid.NewGuid(), false, Now).Error.ShouldBeOfType<Conflict>();
    }
}
