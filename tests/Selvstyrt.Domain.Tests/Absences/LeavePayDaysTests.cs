using NodaTime;
using Selvstyrt.Domain.Absences;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>
/// Issue 17, part 7: which days of each absence the employer pays, the days the pay basis pays the planned shifts of.
/// SYK-8-19 (the employer period across linked absences), SYK-8-2 (nothing before four weeks' employment), OMS-PAY (the
/// year's first ten sick-child days, counted per calendar year), paid and unpaid leave.
/// </summary>
public sealed class LeavePayDaysTests
{
    private static readonly LocalDate Employed = new(2025, 1, 1);

    private static Absence Make(AbsenceKind kind, LocalDate from, LocalDate to, int degree = 100)
        => Absence.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind, from, to, degree, kind == AbsenceKind.DoctorCertified ? from : null, Guid.NewGuid(),
            Instant.FromUtc(2026, 1, 1, 0, 0), from).Value!;

    private static IReadOnlyDictionary<Guid, IReadOnlySet<LocalDate>> Pays(LocalDate employed, params Absence[] absences)
        => LeavePayDays.EmployerPays(employed, absences, [new CareChild(2020, false)], soleCarer: false);

    private static IEnumerable<LocalDate> Days(LocalDate from, LocalDate to)
    {
        for (var d = from; d <= to; d = d.PlusDays(1)) yield return d;
    }

    [Fact]
    public void Syk_8_19_ALinkedNoteTakesTheRestOfTheSixteenDays_NavPaysFromTheSeventeenth()
    {
        // Three self-certified days, back for five, then a doctor's note of three weeks: one employer period of 16 days.
        var first = Make(AbsenceKind.SelfCertified, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 4));
        var note = Make(AbsenceKind.DoctorCertified, new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 30));
        var paid = Pays(Employed, first, note);
        paid[first.Id].Count.ShouldBe(3);
        paid[note.Id].ShouldBe(Days(new LocalDate(2026, 3, 10), new LocalDate(2026, 3, 22)), ignoreOrder: true, "13 of the note's days fill the 16");
        paid[note.Id].ShouldNotContain(new LocalDate(2026, 3, 23), "NAV from the 17th day of the period");
    }

    [Fact]
    public void Syk_8_19_SixteenDaysBackAtWork_StartANewPeriod_FifteenDoNot()
    {
        var first = Make(AbsenceKind.DoctorCertified, new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 25));
        // Back 26 January; 15 days at work (26.1-9.2), sick again 10.2: no new employer period.
        var soon = Make(AbsenceKind.SelfCertified, new LocalDate(2026, 2, 10), new LocalDate(2026, 2, 11));
        Pays(Employed, first, soon)[soon.Id].ShouldBeEmpty();
        // 16 days at work (26.1-10.2), sick 11.2: a new period, the employer pays again.
        var later = Make(AbsenceKind.SelfCertified, new LocalDate(2026, 2, 11), new LocalDate(2026, 2, 12));
        Pays(Employed, first, later)[later.Id].Count.ShouldBe(2);
    }

    [Fact]
    public void Syk_8_2_BeforeFourWeeksOfEmployment_TheEmployerPaysNoSickDays()
    {
        var employed = new LocalDate(2026, 3, 1);
        var early = Make(AbsenceKind.DoctorCertified, new LocalDate(2026, 3, 20), new LocalDate(2026, 3, 24));
        Pays(employed, early)[early.Id].ShouldBeEmpty();
        var after = Make(AbsenceKind.DoctorCertified, new LocalDate(2026, 3, 29), new LocalDate(2026, 3, 30));
        Pays(employed, after)[after.Id].Count.ShouldBe(2, "from the 29th day of employment");
    }

    [Fact]
    public void OmsPay_TheEmployersTenDaysCountPerCalendarYear_AcrossNewYear()
    {
        var autumn = Make(AbsenceKind.SickChild, new LocalDate(2026, 10, 5), new LocalDate(2026, 10, 7));
        var christmas = Make(AbsenceKind.SickChild, new LocalDate(2026, 12, 22), new LocalDate(2027, 1, 2));
        var paid = Pays(Employed, christmas, autumn);
        paid[autumn.Id].Count.ShouldBe(3);
        // 2026: 3 used, so 7 more (22-28 December); 29-31 December are NAV's. 2027 starts again at one.
        paid[christmas.Id].ShouldBe([.. Days(new LocalDate(2026, 12, 22), new LocalDate(2026, 12, 28)), new LocalDate(2027, 1, 1), new LocalDate(2027, 1, 2)], ignoreOrder: true);
    }

    [Fact]
    public void OmsAge_NoChildWhoCounts_NoSickChildDayIsPaid()
    {
        var away = Make(AbsenceKind.SickChild, new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 5));
        LeavePayDays.EmployerPays(Employed, [away], [new CareChild(2010, false)], soleCarer: false)[away.Id].ShouldBeEmpty("a child of 16 gives no days (OMS-AGE)");
    }

    [Fact]
    public void PaidLeave_EveryDay_ParentalAndUnpaidLeave_None_ACancelledAbsence_NotAtAll()
    {
        var welfare = Make(AbsenceKind.Welfare, new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 2));
        var parental = Make(AbsenceKind.Parental, new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31));
        var unpaid = Make(AbsenceKind.Unpaid, new LocalDate(2026, 8, 3), new LocalDate(2026, 8, 4));
        var cancelled = Make(AbsenceKind.Welfare, new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 1));
        cancelled.Cancel(Instant.FromUtc(2026, 8, 1, 0, 0));
        var paid = Pays(Employed, welfare, parental, unpaid, cancelled);
        paid[welfare.Id].Count.ShouldBe(2);
        paid[parental.Id].ShouldBeEmpty();
        paid[unpaid.Id].ShouldBeEmpty();
        paid.ContainsKey(cancelled.Id).ShouldBeFalse();
    }
}
