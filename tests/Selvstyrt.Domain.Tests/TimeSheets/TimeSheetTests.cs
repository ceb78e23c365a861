using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Shouldly;

namespace Selvstyrt.Domain.Tests.TimeSheets;

/// <summary>The time sheet's state machine, its entries and corrections.</summary>
public class TimeSheetTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);
    private static readonly SheetActor Assistant = new(Now, "u-assistant", "Ada Assistent", SheetRole.Assistant);
    private static readonly SheetActor Leader = new(Now, "u-leader", "Lene Leder", SheetRole.WorkLeader);
    private static readonly SheetActor Employer = new(Now, "u-admin", "Per Personal", SheetRole.Employer);

    private static Instant At(int day, int hour) => Oslo.AtStrictly(new LocalDateTime(2026, 11, day, hour, 0)).ToInstant();

    private static PlannedShift Planned(int day, int from, int to)
        => new(Guid.NewGuid(), new LocalDate(2026, 11, day), At(day, from), At(day, to), Guid.NewGuid(), PlanShiftKind.Day);

    /// <summary>A sheet with two planned shifts, both confirmed.</summary>
    private static TimeSheet Confirmed()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        sheet.AddPlanned(Guid.NewGuid(), Planned(2, 8, 16), Guid.NewGuid()).IsSuccess.ShouldBeTrue();
        sheet.AddPlanned(Guid.NewGuid(), Planned(3, 8, 16), Guid.NewGuid()).IsSuccess.ShouldBeTrue();
        sheet.ConfirmAllOpen(Assistant).Value.ShouldBe(2);
        return sheet;
    }

    private static TimeSheet In(SheetState state)
    {
        var sheet = Confirmed();
        if (state == SheetState.Draft) return sheet;
        sheet.Submit(Assistant).IsSuccess.ShouldBeTrue();
        if (state == SheetState.Submitted) return sheet;
        if (state == SheetState.Rejected) { sheet.Reject("Feil dato", Leader).IsSuccess.ShouldBeTrue(); return sheet; }
        sheet.Approve(Leader).IsSuccess.ShouldBeTrue();
        if (state == SheetState.Approved) return sheet;
        sheet.Attest(Employer).IsSuccess.ShouldBeTrue();
        if (state == SheetState.Attested) return sheet;
        sheet.MarkExported(Guid.NewGuid(), Employer).IsSuccess.ShouldBeTrue();
        return sheet;
    }

    public static TheoryData<SheetState, SheetAction> Illegal()
    {
        var legal = new HashSet<(SheetState, SheetAction)>
        {
            (SheetState.Draft, SheetAction.Submit), (SheetState.Rejected, SheetAction.Submit),
            (SheetState.Submitted, SheetAction.Approve),
            (SheetState.Submitted, SheetAction.Reject), (SheetState.Approved, SheetAction.Reject),
            (SheetState.Approved, SheetAction.Attest),
            (SheetState.Attested, SheetAction.Export),
        };
        var data = new TheoryData<SheetState, SheetAction>();
        foreach (var state in Enum.GetValues<SheetState>())
        {
            foreach (var action in new[] { SheetAction.Submit, SheetAction.Approve, SheetAction.Reject, SheetAction.Attest, SheetAction.Export })
            {
                if (!legal.Contains((state, action))) data.Add(state, action);
            }
        }
        return data;
    }

    private static Error? Do(TimeSheet sheet, SheetAction action) => action switch
    {
        SheetAction.Submit => sheet.Submit(Assistant).Error,
        SheetAction.Approve => sheet.Approve(Leader).Error,
        SheetAction.Reject => sheet.Reject("Se over igjen", Leader).Error,
        SheetAction.Attest => sheet.Attest(Employer).Error,
        _ => sheet.MarkExported(Guid.NewGuid(), Employer).Error,
    };

    [Theory]
    [MemberData(nameof(Illegal))]
    public void EveryIllegalTransition_IsRefusedWithATypedError_AndChangesNothing(SheetState state, SheetAction action)
    {
        var sheet = In(state);
        var revision = sheet.Revision;
        var transitions = sheet.Transitions.Count;
        var error = Do(sheet, action).ShouldBeOfType<TransitionRefused>();
        error.From.ShouldBe(state);
        error.Action.ShouldBe(action);
        error.Message.ShouldContain("kan ikke");
        sheet.State.ShouldBe(state);
        sheet.Revision.ShouldBe(revision);
        sheet.Transitions.Count.ShouldBe(transitions);
    }

    [Fact]
    public void TheWholeWay_RecordsWhoAndWhenForEveryStep()
    {
        var sheet = In(SheetState.Exported);
        sheet.Transitions.Select(t => (t.From, t.To, t.Role)).ShouldBe(
        [
            (SheetState.Draft, SheetState.Submitted, SheetRole.Assistant),
            (SheetState.Submitted, SheetState.Approved, SheetRole.WorkLeader),
            (SheetState.Approved, SheetState.Attested, SheetRole.Employer),
            (SheetState.Attested, SheetState.Exported, SheetRole.Employer),
        ]);
        sheet.Transitions.ShouldAllBe(t => t.At == Now && t.By.Length > 0);
        sheet.LastInto(SheetState.Approved)!.Name.ShouldBe("Lene Leder");
    }

    [Fact]
    public void Approve_ByTheEmployerOrAssistant_IsForbidden_AndAttestByTheWorkLeaderToo()
    {
        var sheet = In(SheetState.Submitted);
        sheet.Approve(Assistant).Error.ShouldBeOfType<Forbidden>();
        sheet.Approve(Employer).Error.ShouldBeOfType<Forbidden>();
        sheet.Approve(Leader with { Role = SheetRole.CoWorkLeader }).IsSuccess.ShouldBeTrue();
        sheet.Attest(Leader).Error.ShouldBeOfType<Forbidden>();
        sheet.State.ShouldBe(SheetState.Approved);
    }

    [Fact]
    public void Reject_NeedsAComment_AndGoesBackToTheAssistantWhoCanEditAndSubmitAgain()
    {
        var sheet = In(SheetState.Submitted);
        sheet.Reject("  ", Leader).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("comment");
        sheet.State.ShouldBe(SheetState.Submitted);
        sheet.Reject("Vakten 3. november var kortere", Leader).IsSuccess.ShouldBeTrue();
        sheet.RejectionComment.ShouldBe("Vakten 3. november var kortere");
        sheet.Transitions[^1].Comment.ShouldBe("Vakten 3. november var kortere");
        var entry = sheet.Entries[1];
        var shorter = entry.Times with { End = entry.Times.End - Duration.FromHours(1) };
        sheet.Change(entry.Id, shorter, "Gikk tidligere", Assistant).IsSuccess.ShouldBeTrue();
        sheet.Submit(Assistant).IsSuccess.ShouldBeTrue();
        sheet.RejectionComment.ShouldBeNull();
    }

    [Fact]
    public void Submit_WithAnUnconfirmedPlannedShift_IsRefusedNamingIt()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        sheet.AddPlanned(Guid.NewGuid(), Planned(2, 8, 16), Guid.NewGuid());
        var error = sheet.Submit(Assistant).Error.ShouldBeOfType<Invalid>();
        error.Fields["entries"].ShouldContain("1 planlagte vakter");
        sheet.State.ShouldBe(SheetState.Draft);
        sheet.MarkNotWorked(sheet.Entries[0].Id, "Syk", substituted: false, Assistant).IsSuccess.ShouldBeTrue();
        sheet.Submit(Assistant).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void OverlappingEntries_AreIncomplete()
    {
        var sheet = Confirmed();
        var extra = new EntryTimes(At(2, 15), At(2, 18), 0, 0, 0, 0, null);
        sheet.AddUnplanned(Guid.NewGuid(), extra, "Innkalt", new LocalDate(2026, 11, 2), Assistant).IsSuccess.ShouldBeTrue();
        sheet.Incomplete().ShouldContain(c => c.Kind == CompletenessKind.Overlap);
        sheet.Submit(Assistant).Error.ShouldBeOfType<Invalid>().Fields["entries"].ShouldContain("overlapper");
    }

    [Fact]
    public void AddPlanned_IsIdempotent_AndNeverUndoesAConfirmation()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        var shift = Planned(2, 8, 16);
        var first = sheet.AddPlanned(Guid.NewGuid(), shift, Guid.NewGuid()).Value!;
        sheet.Change(first.Id, first.Times with { End = At(2, 17), OvertimeMinutes = 60, OvertimeReason = "Legevakt" }, "Ble til legevakt", Assistant).IsSuccess.ShouldBeTrue();
        sheet.AddPlanned(Guid.NewGuid(), shift, Guid.NewGuid()).Value.ShouldBeNull();
        sheet.Entries.Count.ShouldBe(1);
        sheet.Entries[0].End.ShouldBe(At(2, 17));
        sheet.Entries[0].PlannedEnd.ShouldBe(At(2, 16));
        sheet.Entries[0].Deviates.ShouldBeTrue();
    }

    [Fact]
    public void Change_NeedsAReason_AndOvertimeNeedsItsOwn()
    {
        var sheet = Confirmed();
        var entry = sheet.Entries[0];
        var error = sheet.Change(entry.Id, entry.Times with { OvertimeMinutes = 30 }, "", Assistant).Error.ShouldBeOfType<Invalid>();
        error.Fields.Keys.ShouldBe(["overtimeReason", "reason"], ignoreOrder: true);
        sheet.Change(entry.Id, entry.Times with { End = entry.Times.Start }, "Feil", Assistant).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("end");
        sheet.Entries[0].End.ShouldBe(At(2, 16));
    }

    [Fact]
    public void ApprovedEntries_ChangeOnlyByAnApprovedCorrection()
    {
        var sheet = In(SheetState.Attested);
        var original = sheet.Entries[0];
        sheet.Change(original.Id, original.Times with { End = At(2, 15) }, "Kortere", Assistant).Error.ShouldBeOfType<TransitionRefused>();

        var correction = sheet.Correct(Guid.NewGuid(), original.Id, original.Times with { End = At(2, 15) }, "Gikk en time tidligere", Assistant).Value!;
        sheet.Effective.ShouldContain(original);
        sheet.Effective.ShouldNotContain(correction);
        sheet.Correct(Guid.NewGuid(), original.Id, original.Times, "En gang til", Assistant).Error.ShouldBeOfType<Invalid>();

        sheet.ApproveCorrection(correction.Id, Assistant).Error.ShouldBeOfType<Forbidden>();
        sheet.ApproveCorrection(correction.Id, Leader).IsSuccess.ShouldBeTrue();
        sheet.Effective.ShouldContain(correction);
        sheet.Effective.ShouldNotContain(original);
        original.End.ShouldBe(At(2, 16));
        sheet.State.ShouldBe(SheetState.Approved);
        sheet.Transitions[^1].Comment.ShouldBe("Rettelse godkjent");
        sheet.Attest(Employer).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Attest_WithAPendingCorrection_IsRefused()
    {
        var sheet = In(SheetState.Approved);
        var original = sheet.Entries[0];
        sheet.Correct(Guid.NewGuid(), original.Id, original.Times with { End = At(2, 15) }, "Kortere dag", Assistant).IsSuccess.ShouldBeTrue();
        sheet.Attest(Employer).Error.ShouldBeOfType<Invalid>().Fields["entries"].ShouldContain("rettelse");
    }

    [Fact]
    public void Correct_AfterExport_IsRefused()
    {
        var sheet = In(SheetState.Exported);
        sheet.Correct(Guid.NewGuid(), sheet.Entries[0].Id, sheet.Entries[0].Times, "For sent", Assistant).Error.ShouldBeOfType<TransitionRefused>();
    }

    [Fact]
    public void Approval_NeverChangesTheHours()
    {
        var sheet = In(SheetState.Submitted);
        var before = sheet.Entries.Select(e => (e.Start, e.End, e.WorkedMinutes)).ToList();
        sheet.Approve(Leader).IsSuccess.ShouldBeTrue();
        sheet.Entries.Select(e => (e.Start, e.End, e.WorkedMinutes)).ShouldBe(before);
        sheet.Entries.ShouldAllBe(e => e.ApprovedAt == Now);
    }

    [Fact]
    public void AShiftNotYetOver_CannotBeConfirmedOrRecorded_AndConfirmAllLeavesIt()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        sheet.AddPlanned(Guid.NewGuid(), Planned(2, 8, 16), Guid.NewGuid());
        sheet.AddPlanned(Guid.NewGuid(), Planned(30, 8, 16), Guid.NewGuid());
        var midday = Assistant with { At = At(30, 12) };
        sheet.Confirm(sheet.Entries[1].Id, midday).Error.ShouldBeOfType<Invalid>().Fields["entry"].ShouldContain("ikke over");
        sheet.ConfirmAllOpen(midday).Value.ShouldBe(1);
        sheet.Entries[1].Status.ShouldBe(EntryStatus.Open);
        var early = sheet.Entries[1].Times with { End = At(30, 13) };
        sheet.Change(sheet.Entries[1].Id, early, "Gikk tidlig", midday).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("end");
        sheet.Confirm(sheet.Entries[1].Id, Assistant with { At = At(30, 16) }).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Property_ApprovalAndAttestation_NeverChangeWhatIsPaid()
    {
        // Up to 12 planned shifts in November (DST is in October and March; midnight and month-end crossings occur),
        // each confirmed, changed (start/end moved, pause, overtime) or not worked; plus up to 3 unplanned entries.
        var shift = Gen.Select(Gen.Int[1, 29], Gen.Int[0, 23], Gen.Int[2, 16], Gen.Int[0, 2], Gen.Int[-60, 60], Gen.Int[0, 45]);
        var gen = Gen.Select(shift.Array[1, 12], Gen.Int[0, 3]);
        gen.Sample((shifts, unplanned) =>
        {
            var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
            var taken = new List<(Instant Start, Instant End)>();
            foreach (var (day, hour, hours, action, move, pause) in shifts)
            {
                var start = Oslo.AtLeniently(new LocalDateTime(2026, 11, day, hour, 0)).ToInstant();
                var end = start + Duration.FromHours(hours);
                if (taken.Any(t => t.Start < end.Plus(Duration.FromHours(2)) && start < t.End.Plus(Duration.FromHours(2)))) continue;
                taken.Add((start, end + Duration.FromMinutes(60))); // a change may move the end up to an hour
                var added = sheet.AddPlanned(Guid.NewGuid(), new PlannedShift(Guid.NewGuid(), new LocalDate(2026, 11, day), start, end, Guid.NewGuid(), PlanShiftKind.Day), Guid.NewGuid()).Value!;
                if (action == 0) sheet.Confirm(added.Id, Assistant).IsSuccess.ShouldBeTrue();
                else if (action == 1)
                {
                    var times = added.Times with { End = end + Duration.FromMinutes(move), FreePauseMinutes = pause, OvertimeMinutes = move > 0 ? move : 0, OvertimeReason = move > 0 ? "Innkalt" : null };
                    sheet.Change(added.Id, times, "Endret tid", Assistant).IsSuccess.ShouldBeTrue();
                }
                else sheet.MarkNotWorked(added.Id, "Syk", substituted: move > 0, Assistant).IsSuccess.ShouldBeTrue();
            }
            for (var u = 0; u < unplanned; u++)
            {
                var start = Oslo.AtLeniently(new LocalDateTime(2026, 11, 30, 1 + (u * 7), 0)).ToInstant();
                if (taken.Any(t => t.Start < start + Duration.FromHours(5) && start < t.End)) continue;
                taken.Add((start, start + Duration.FromHours(5)));
                sheet.AddUnplanned(Guid.NewGuid(), new EntryTimes(start, start + Duration.FromHours(5), 0, 0, 0, 0, null), "Innkalt", new LocalDate(2026, 11, 30), Assistant).IsSuccess.ShouldBeTrue();
            }
            static List<(Guid, EntryStatus, EntryTimes, int)> Paid(TimeSheet s) => [.. s.Effective.Select(e => (e.Id, e.Status, e.Times, e.WorkedMinutes))];
            var before = Paid(sheet);
            sheet.Submit(Assistant).IsSuccess.ShouldBeTrue();
            sheet.Approve(Leader).IsSuccess.ShouldBeTrue();
            Paid(sheet).ShouldBe(before);
            sheet.Attest(Employer).IsSuccess.ShouldBeTrue();
            Paid(sheet).ShouldBe(before);
        }, iter: 10_000);
    }

    [Fact]
    public void ClockInAndOut_RecordTheActualTimeToTheMinute_OnlyAroundThePlannedShift()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        var entry = sheet.AddPlanned(Guid.NewGuid(), Planned(20, 8, 16), Guid.NewGuid()).Value!;
        SheetActor At(LocalDateTime local) => Assistant with { At = Oslo.AtStrictly(local).ToInstant() + Duration.FromSeconds(37) };

        sheet.ClockIn(entry.Id, At(new LocalDateTime(2026, 11, 20, 5, 59))).Error.ShouldBeOfType<Invalid>().Fields["entry"].ShouldContain("to timer før");
        sheet.ClockOut(entry.Id, At(new LocalDateTime(2026, 11, 20, 9, 0))).Error.ShouldBeOfType<Invalid>().Fields["entry"].ShouldContain("ikke stemplet inn");
        sheet.ClockIn(entry.Id, At(new LocalDateTime(2026, 11, 20, 7, 52))).IsSuccess.ShouldBeTrue();
        entry.ClockedInAt.ShouldBe(At(new LocalDateTime(2026, 11, 20, 7, 52)).At - Duration.FromSeconds(37));
        entry.Status.ShouldBe(EntryStatus.Open);
        sheet.ClockIn(entry.Id, At(new LocalDateTime(2026, 11, 20, 8, 0))).Error.ShouldBeOfType<Invalid>();

        sheet.ClockOut(entry.Id, At(new LocalDateTime(2026, 11, 20, 16, 9))).IsSuccess.ShouldBeTrue();
        entry.Status.ShouldBe(EntryStatus.Worked);
        entry.WorkedMinutes.ShouldBe(8 * 60 + 17);
        entry.PlannedStart.ShouldBe(At(new LocalDateTime(2026, 11, 20, 8, 0)).At - Duration.FromSeconds(37), "the plan stays beside the actual time");
        entry.Reason.ShouldBe("Stemplet inn og ut");
        entry.Deviates.ShouldBeTrue();
    }

    [Fact]
    public void AStaleRevision_IsAConflict()
    {
        var sheet = Confirmed();
        sheet.Expect(sheet.Revision - 1).Error.ShouldBeOfType<Conflict>();
        sheet.Expect(sheet.Revision).IsSuccess.ShouldBeTrue();
    }
}
