using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using Selvstyrt.Domain.TimeSheets;
using Shouldly;

namespace Selvstyrt.Domain.Tests.TimeSheets;

/// <summary>
/// Issue 17, part 7: a shift lost to paid absence pays what it would have paid: its hours at the ordinary wage in the
/// leave's category, its supplements (SUPP-1) as earned, the wage lifted to the minimum (MINPAY-1), and a graded note's share.
/// </summary>
public sealed class AbsencePayTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly Guid A1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static Instant Local(string text) => Oslo.AtLeniently(NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text + ":00").Value).ToInstant();

    private static PaidAbsenceShift Lost(string from, string to, string category, int degree = 100, int passiveOffset = 0, int passive = 0)
    {
        var start = Local(from);
        return new PaidAbsenceShift(new PayEntry(Guid.NewGuid(), A1, Guid.NewGuid(), start.InZone(Oslo).Date, new EntryTimes(start, Local(to), 0, passiveOffset, passive, 0, null), false),
            category, degree);
    }

    private static IReadOnlyList<PayLine> Pay(Tariff? tariff, decimal? wage, params PaidAbsenceShift[] shifts)
        => AbsencePay.Calculate("p1", Regime.Aml, tariff, [new PayProfile(A1, wage, 0, 37.5m)], shifts, Oslo);

    [Fact]
    public void ADayShift_IsPaidAsSickPay_AtTheWage_AndNothingAsWorkedTime()
    {
        var line = Pay(null, 250m, Lost("2026-03-04T08:00", "2026-03-04T16:00", PayCategory.SickPay)).Single();
        line.WorkedMinutes.ShouldBe(0, "nobody worked it");
        line.Items.ShouldBe([new PayItem(PayCategory.SickPay, 480, 250m, 2000m)]);
    }

    [Fact]
    public void AGradedNote_PaysItsShare()
    {
        var line = Pay(null, 250m, Lost("2026-03-04T08:00", "2026-03-04T15:30", PayCategory.SickPay, degree: 40)).Single();
        line.Items.Single().ShouldBe(new PayItem(PayCategory.SickPay, 180, 250m, 750m));
    }

    [Fact]
    public void Supp1_AnEveningShiftsSupplements_ArePaidAsEarned_Minpay1_TheWageLiftedToTheMinimum()
    {
        // Virke: a weekday 15:00-23:00 earns the evening supplement from 17:00; a contract wage of 1 kr/h is lifted to the minimum.
        var line = Pay(Tariffs.VirkeBpa, 1m, Lost("2026-03-04T15:00", "2026-03-04T23:00", PayCategory.SickChildPay)).Single();
        line.LiftedToMinimum.ShouldBeTrue();
        var time = line.Items.Single(i => i.Category == PayCategory.SickChildPay);
        time.Minutes.ShouldBe(480);
        time.Rate.ShouldBe(Math.Round(line.MinimumWage!.Value, 2));
        line.Items.Where(i => !PayCategory.IsTime(i.Category) && !PayCategory.IsAbsence(i.Category)).ShouldNotBeEmpty("the evening's supplement");
        line.Items.ShouldNotContain(i => i.Category == PayCategory.Normal || i.Category.StartsWith("overtime", StringComparison.Ordinal));
    }

    [Fact]
    public void Supp1_TheAutumnDstNight_PaysElevenHours_AtTheOrdinaryWage_NoOvertimeForTimeNotWorked()
    {
        var line = Pay(Tariffs.VirkeBpa, 300m, Lost("2026-10-24T22:00", "2026-10-25T08:00", PayCategory.PaidLeave)).Single();
        line.Items.Single(i => i.Category == PayCategory.PaidLeave).ShouldBe(new PayItem(PayCategory.PaidLeave, 11 * 60, 300m, 3300m));
        line.Items.ShouldNotContain(i => i.Category.StartsWith("overtime", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoLostShiftsTheSameDay_AreEachPaidInFull_NeitherMakesTheOtherOvertime()
    {
        var lines = Pay(null, 200m, Lost("2026-03-04T07:00", "2026-03-04T15:00", PayCategory.SickPay), Lost("2026-03-04T15:00", "2026-03-04T23:00", PayCategory.SickPay));
        lines.SelectMany(l => l.Items).ShouldAllBe(i => i.Category == PayCategory.SickPay && i.Minutes == 480 && i.Amount == 1600m);
    }

    [Fact]
    public void AShiftInAGrantedHoliday_GivesItsHours_AtNoRate_AndNoSupplement_TheAutumnNightElevenHours()
    {
        var evening = Lost("2026-03-04T15:00", "2026-03-04T23:00", PayCategory.HolidayLeave).Shift;
        var night = Lost("2026-10-24T22:00", "2026-10-25T08:00", PayCategory.HolidayLeave).Shift;
        var lines = AbsencePay.Holiday("p1", Regime.Aml, Tariffs.VirkeBpa, [new PayProfile(A1, 300m, 0, 37.5m)], [evening, night], Oslo);
        lines.Select(l => l.Items.Single()).ShouldBe([new PayItem(PayCategory.HolidayLeave, 480, 0m, 0m), new PayItem(PayCategory.HolidayLeave, 11 * 60, 0m, 0m)]);
        lines.ShouldAllBe(l => l.WorkedMinutes == 0 && l.Amount == 0m);
        PayCategory.IsTime(PayCategory.HolidayLeave).ShouldBeFalse("holiday is not used hours");
        WageTypeMapping.Defaults.CodeFor(PayCategory.HolidayLeave).ShouldNotBeNull();
    }
}
