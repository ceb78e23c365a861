using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.TimeSheets;
using Shouldly;

namespace Selvstyrt.Domain.Tests.TimeSheets;

/// <summary>
/// Issue 17, part 7: the time sheet takes the absence. A shift on a day of registered absence cannot be confirmed (one by one
/// or all at once), worked time on such a day keeps the sheet from going on until it is put right, and the open entries of
/// the days an absence covers come off the sheet when it is reported.
/// </summary>
public sealed class SheetAbsenceTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly SheetActor Assistant = new(Instant.FromUtc(2026, 12, 1, 9, 0), "u-assistant", "Ada Assistent", SheetRole.Assistant);

    private static Instant At(int day, int hour) => Oslo.AtStrictly(new LocalDateTime(2026, 11, day, hour, 0)).ToInstant();

    private static (TimeSheet Sheet, Guid Second) Sheet()
    {
        var sheet = TimeSheet.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 1));
        foreach (var day in new[] { 2, 3, 4 })
            sheet.AddPlanned(Guid.NewGuid(), new PlannedShift(Guid.NewGuid(), new LocalDate(2026, 11, day), At(day, 8), At(day, 16), Guid.NewGuid(), PlanShiftKind.Day), Guid.NewGuid());
        return (sheet, sheet.Entries.Single(e => e.Date.Day == 3).Id);
    }

    [Fact]
    public void AShiftOnADayOfAbsence_CannotBeConfirmed_AndConfirmAllLeavesItOpen()
    {
        var (sheet, sick) = Sheet();
        sheet.KnowAbsence([new LocalDate(2026, 11, 3)]);

        sheet.Confirm(sick, Assistant).Error.ShouldBeOfType<Invalid>().Fields["entry"].ShouldStartWith("Du har registrert fravær denne dagen");
        sheet.ConfirmAllOpen(Assistant).Value.ShouldBe(2, "the two other days");
        sheet.Entries.Single(e => e.Id == sick).Status.ShouldBe(EntryStatus.Open);
    }

    [Fact]
    public void WorkedTimeOnADayOfAbsence_KeepsTheSheetFromGoingOn_UntilPutRight()
    {
        var (sheet, sick) = Sheet();
        sheet.ConfirmAllOpen(Assistant).Value.ShouldBe(3, "confirmed before the absence was reported");
        sheet.KnowAbsence([new LocalDate(2026, 11, 3)]);

        sheet.Incomplete().ShouldBe([new Completeness(sick, CompletenessKind.OnAbsence)]);
        sheet.Submit(Assistant).Error.ShouldBeOfType<Invalid>().Fields["entries"].ShouldBe("1 registreringer er på dager med registrert fravær.");
        sheet.MarkNotWorked(sick, "Syk", false, Assistant).IsSuccess.ShouldBeTrue();
        sheet.Submit(Assistant).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ReportingAbsence_TakesTheOpenEntriesOfItsDaysOff_AndLeavesConfirmedOnes()
    {
        var (sheet, _) = Sheet();
        sheet.Confirm(sheet.Entries.Single(e => e.Date.Day == 2).Id, Assistant).IsSuccess.ShouldBeTrue();

        sheet.DropOpenPlannedOn(new LocalDate(2026, 11, 2), new LocalDate(2026, 11, 3)).ShouldBe(1);
        sheet.Entries.Select(e => e.Date.Day).ShouldBe([2, 4], ignoreOrder: true);
    }
}
