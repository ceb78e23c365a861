using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Absences;

internal static class Holidays
{
    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    public static HolidayYear Account(int year, LocalDate employed, IReadOnlyList<GrantedHoliday> granted, IReadOnlyList<AbsencePeriod>? sick = null,
        Dictionary<int, int>? agreed = null, LocalDate? born = null, HolidayTerms? terms = null)
        => HolidayRules.Account(year, employed, born, terms ?? HolidayTerms.Statutory, granted, sick ?? [], agreed ?? [], 0);
}

/// <summary>Holiday days (virkedager): Saturdays count, Sundays and public holidays (HOL-1) do not.</summary>
public sealed class HolidayDaysTests
{
    [Fact]
    public void ThreeWeeksMondayToSaturday_AreEighteenDays() => HolidayDays.Count(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25)).ShouldBe(18);

    [Fact]
    public void EasterWeek2026_LosesMaundyThursdayAndGoodFriday() => HolidayDays.Count(Holidays.D(2026, 3, 30), Holidays.D(2026, 4, 6)).ShouldBe(4);

    [Fact]
    public void SeventeenthOfMay2027_WhitMondayToo_CountsOnce()
        // 2027: Whit Monday is 17 May; the week Monday 17 to Sunday 23 May has five holiday days.
        => HolidayDays.Count(Holidays.D(2027, 5, 17), Holidays.D(2027, 5, 23)).ShouldBe(5);

    [Fact]
    public void APeriodOverNewYear_CountsPerYear()
    {
        HolidayDays.CountIn(2026, Holidays.D(2026, 12, 28), Holidays.D(2027, 1, 2)).ShouldBe(4);
        HolidayDays.CountIn(2027, Holidays.D(2026, 12, 28), Holidays.D(2027, 1, 2)).ShouldBe(1);
    }
}

/// <summary>FER-5-1 and FER-TARIFF: 25 days by law, 30 under an agreement with a fifth week.</summary>
public sealed class Fer_5_1Tests
{
    [Fact]
    public void RegisteredDaysOverTheRight_Warn_TheRightItself_DoesNot()
    {
        GrantedHoliday[] all = [new(Holidays.D(2025, 6, 2), Holidays.D(2025, 7, 1))]; // 25 days: Whit Monday is not one
        GrantedHoliday[] more = [.. all, new(Holidays.D(2025, 8, 4), Holidays.D(2025, 8, 4))];
        HolidayRules.OnYear(Holidays.Account(2025, Holidays.D(2020, 1, 1), all), 2025, null, all, null).ShouldBeEmpty();
        var over = HolidayRules.OnYear(Holidays.Account(2025, Holidays.D(2020, 1, 1), more), 2025, null, more, null).ShouldHaveSingleItem();
        (over.Rule, over.Severity).ShouldBe(("FER-5-1", Severity.Warn));
        over.Message.ShouldStartWith("26 feriedager registrert i 2025, mer enn de 25");
    }

    [Fact]
    public void TheLaw_Gives25_TheFifthWeek30()
    {
        HolidayRules.Entitlement(2026, null, HolidayTerms.Statutory).Total.ShouldBe(Fer_5_1.Days);
        HolidayRules.Entitlement(2026, null, Tariffs.VirkeBpa.Parameters.RowAt(Holidays.D(2026, 1, 1))!.Value.Holiday).Total.ShouldBe(30);
    }

    [Fact]
    public void AWishBeyondWhatIsLeft_Warns_ButIsNotRefused()
    {
        var findings = HolidayRules.OnWish(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25), main: false, Holidays.D(2020, 1, 1), left: 10, today: Holidays.D(2026, 1, 10));
        findings.ShouldContain(f => f.Rule == "FER-5-1" && f.Severity == Severity.Warn && f.Message.Contains("18 feriedager"));
    }

    [Fact]
    public void AWishWithinWhatIsLeft_HasNoFer51Finding()
        => HolidayRules.OnWish(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25), false, Holidays.D(2020, 1, 1), 18, Holidays.D(2026, 1, 10)).ShouldNotContain(f => f.Rule == "FER-5-1");
}

/// <summary>FER-5-2: six more days from the year the employee turns 60.</summary>
public sealed class Fer_5_2Tests
{
    [Fact]
    public void TheYearOfTheSixtiethBirthday_GivesSixMore_EvenOnNewYearsEve()
    {
        HolidayRules.Entitlement(2026, Holidays.D(1966, 12, 31), HolidayTerms.Statutory).Total.ShouldBe(31);
        HolidayRules.Entitlement(2026, Holidays.D(1967, 1, 1), HolidayTerms.Statutory).Total.ShouldBe(25);
    }

    [Fact]
    public void WithAFifthWeek_Sixty_Gives36() => HolidayRules.Entitlement(2026, Holidays.D(1960, 5, 1), HolidayTerms.WithFifthWeek(false)).Total.ShouldBe(36);

    [Fact]
    public void NoBirthDate_NoExtraDays() => HolidayRules.Entitlement(2026, null, HolidayTerms.Statutory).SixtyPlus.ShouldBe(0);
}

/// <summary>FER-6-1: the employee may demand to know two months ahead.</summary>
public sealed class Fer_6_1Tests
{
    [Fact]
    public void AWish_IsToBeAnsweredTwoMonthsBeforeItStarts()
    {
        var findings = HolidayRules.OnWish(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), false, Holidays.D(2020, 1, 1), 25, Holidays.D(2026, 5, 6));
        findings.ShouldContain(f => f.Rule == "FER-6-1" && f.Severity == Severity.Info && f.Message.Contains("6.5.2026"));
    }

    [Fact]
    public void TheDayAfterTheLastDayToAnswer_Warns()
        => HolidayRules.OnWish(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), false, Holidays.D(2020, 1, 1), 25, Holidays.D(2026, 5, 7))
            .ShouldContain(f => f.Rule == "FER-6-1" && f.Severity == Severity.Warn);

    [Fact]
    public void OtherDatesThanWished_ToldLate_Warns_TheWishedDatesDoNot()
    {
        var today = Holidays.D(2026, 6, 1);
        HolidayRules.OnGrant(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), false, Holidays.D(2026, 7, 13), Holidays.D(2026, 7, 17), Holidays.D(2020, 1, 1), false, today)
            .ShouldContain(f => f.Rule == "FER-6-1" && f.Severity == Severity.Warn);
        HolidayRules.OnGrant(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), false, Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), Holidays.D(2020, 1, 1), false, today)
            .ShouldBeEmpty();
    }

    [Fact]
    public void ARegisteredHoliday_ToldOnTheLastDay_IsOnTime_TheDayAfter_Warns()
    {
        HolidayRules.OnHoliday(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), Holidays.D(2020, 1, 1), Holidays.D(2026, 5, 6)).ShouldBeEmpty();
        HolidayRules.OnHoliday(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), Holidays.D(2020, 1, 1), null).ShouldBeEmpty("not known, not judged");
        HolidayRules.OnHoliday(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 10), Holidays.D(2020, 1, 1), Holidays.D(2026, 5, 7))
            .ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
    }

    [Fact]
    public void TwoMonthsBefore31December_IsThe31stOfOctober_AndBeforeAShortMonthsEnd_ItsLastDay()
    {
        HolidayRules.TellBy(Holidays.D(2026, 12, 31)).ShouldBe(Holidays.D(2026, 10, 31));
        HolidayRules.TellBy(Holidays.D(2027, 4, 30)).ShouldBe(Holidays.D(2027, 2, 28));
    }
}

/// <summary>FER-7-1: 18 consecutive holiday days between 1 June and 30 September; not when employed after 15 August.</summary>
public sealed class Fer_7_1Tests
{
    [Fact]
    public void Example12_EmployedAfter15August_ThreeWeeksInSeptember_IsNotEnforceable()
    {
        var findings = HolidayRules.OnWish(Holidays.D(2025, 9, 1), Holidays.D(2025, 9, 20), main: true, Holidays.D(2025, 8, 20), 25, Holidays.D(2025, 8, 25));
        findings.ShouldContain(f => f.Rule == "FER-7-1" && f.Severity == Severity.Info && f.Message.Contains("kan ikke kreves"));
        HolidayRules.OnRefusal(Holidays.D(2025, 9, 1), Holidays.D(2025, 9, 20), true, Holidays.D(2025, 8, 20), false).ShouldBeEmpty();
    }

    [Fact]
    public void EmployedOn15August_MayDemandIt()
    {
        Fer_7_1.CanDemand(Holidays.D(2025, 8, 15), 2025).ShouldBeTrue();
        Fer_7_1.CanDemand(Holidays.D(2025, 8, 16), 2025).ShouldBeFalse();
        HolidayRules.OnRefusal(Holidays.D(2025, 9, 1), Holidays.D(2025, 9, 20), true, Holidays.D(2025, 8, 15), false)
            .ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
    }

    [Fact]
    public void EighteenDaysMustLieInsideJuneToSeptember()
    {
        Fer_7_1.IsMainHoliday(Holidays.D(2026, 9, 14), Holidays.D(2026, 10, 3)).ShouldBeFalse(); // 15 of 18 days before 1 October
        Fer_7_1.IsMainHoliday(Holidays.D(2026, 9, 10), Holidays.D(2026, 9, 30)).ShouldBeTrue();
    }

    [Fact]
    public void GrantingFewerDays_OfADemandedMainHoliday_IsABreach_UnlessAnotherIsGranted()
    {
        var employed = Holidays.D(2020, 1, 1);
        HolidayRules.OnGrant(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25), true, Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 18), employed, false, Holidays.D(2026, 3, 1))
            .ShouldContain(f => f.Rule == "FER-7-1" && f.Severity == Severity.Breach);
        HolidayRules.OnGrant(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25), true, Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 18), employed, true, Holidays.D(2026, 3, 1))
            .ShouldBeEmpty();
    }

    [Fact]
    public void AShortMainWish_IsToldItIsShort()
        => HolidayRules.OnWish(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 18), true, Holidays.D(2020, 1, 1), 25, Holidays.D(2026, 1, 5))
            .ShouldContain(f => f.Rule == "FER-7-1" && f.Message.Contains("12 virkedager"));
}

/// <summary>FER-7-3: up to 12 days carried over by written agreement; days lost to illness carry over beside them.</summary>
public sealed class Fer_7_3Tests
{

    [Fact]
    public void TheAgreedDaysCarryOver_UpToWhatWasLeft()
    {
        var granted = new GrantedHoliday(Holidays.D(2025, 7, 7), Holidays.D(2025, 7, 26)); // 18 days
        Holidays.Account(2026, Holidays.D(2024, 1, 1), [granted], agreed: new() { [2025] = 3 }).Entitlement.CarriedIn.ShouldBe(3);
        Holidays.Account(2026, Holidays.D(2024, 1, 1), [granted], agreed: new() { [2025] = 12 }).Entitlement.CarriedIn.ShouldBe(7);
    }

    [Fact]
    public void MoreThan12AgreedDays_AreCappedAndRefusedAsInput()
    {
        Holidays.Account(2026, Holidays.D(2024, 1, 1), [], agreed: new() { [2025] = 20 }).Entitlement.CarriedIn.ShouldBe(12);
        HolidayRules.CarryOverProblem(13).ShouldNotBeNull();
        HolidayRules.CarryOverProblem(12).ShouldBeNull();
    }

    [Fact]
    public void DaysLostToIllness_CarryOverBesideTheAgreement()
    {
        var granted = new GrantedHoliday(Holidays.D(2025, 7, 7), Holidays.D(2025, 7, 26));
        var sick = new AbsencePeriod(Holidays.D(2025, 7, 14), Holidays.D(2025, 7, 19), AbsenceKind.DoctorCertified);
        var y2025 = Holidays.Account(2025, Holidays.D(2024, 1, 1), [granted], [sick]);
        y2025.Returned.ShouldBe(6);
        y2025.Left.ShouldBe(13);
        Holidays.Account(2026, Holidays.D(2024, 1, 1), [granted], [sick], new() { [2025] = 2 }).Entitlement.CarriedIn.ShouldBe(8);
    }

    [Fact]
    public void NothingLeft_NothingCarries() => Holidays.Account(2026, Holidays.D(2024, 1, 1),
        [new GrantedHoliday(Holidays.D(2025, 6, 2), Holidays.D(2025, 7, 1))] /* 25 days: Whit Monday 9 June is not one */, agreed: new() { [2025] = 12 }).Entitlement.CarriedIn.ShouldBe(0);

    [Fact]
    public void AWholeYearChecked_WarnsOfMoreThan12DaysLeft_Not12()
    {
        var year = new DateInterval(Holidays.D(2025, 1, 1), Holidays.D(2025, 12, 31));
        GrantedHoliday[] thirteenLeft = [new(Holidays.D(2025, 7, 7), Holidays.D(2025, 7, 19))]; // 12 days
        GrantedHoliday[] twelveLeft = [new(Holidays.D(2025, 7, 7), Holidays.D(2025, 7, 21))]; // 13 days
        HolidayRules.OnYear(Holidays.Account(2025, Holidays.D(2020, 1, 1), thirteenLeft), 2025, null, thirteenLeft, year)
            .ShouldHaveSingleItem().Rule.ShouldBe("FER-7-3");
        HolidayRules.OnYear(Holidays.Account(2025, Holidays.D(2020, 1, 1), twelveLeft), 2025, null, twelveLeft, year).ShouldBeEmpty();
        HolidayRules.OnYear(Holidays.Account(2025, Holidays.D(2020, 1, 1), thirteenLeft), 2025, null, thirteenLeft,
            new DateInterval(Holidays.D(2025, 1, 1), Holidays.D(2025, 12, 30))).ShouldBeEmpty("a check that ends before the year does not know what is left");
    }

    [Fact]
    public void FirstYearOfEmployment_StartsWithoutCarryOver() => Holidays.Account(2026, Holidays.D(2026, 3, 1), [new GrantedHoliday(Holidays.D(2026, 6, 1), Holidays.D(2026, 6, 20))]).Entitlement.CarriedIn.ShouldBe(0);
}

/// <summary>FER-9-1: full sickness (a doctor's note) before or during the holiday gives the days back.</summary>
public sealed class Fer_9_1Tests
{
    private static readonly GrantedHoliday July = new(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 25));

    [Fact]
    public void SickDuringTheHoliday_TheSickHolidayDaysComeBack()
    {
        var sick = new AbsencePeriod(Holidays.D(2026, 7, 10), Holidays.D(2026, 7, 14), AbsenceKind.DoctorCertified);
        HolidayRules.OnSickness(sick, [July]).ShouldHaveSingleItem().Message.ShouldContain("4 feriedager"); // Fri, Sat, Mon, Tue: not Sunday
    }

    [Fact]
    public void SickBeforeTheHoliday_MayDemandItMoved()
    {
        var sick = new AbsencePeriod(Holidays.D(2026, 7, 1), Holidays.D(2026, 7, 7), AbsenceKind.DoctorCertified);
        var finding = HolidayRules.OnSickness(sick, [July]).ShouldHaveSingleItem();
        finding.Message.ShouldContain("flyttet");
        finding.Message.ShouldContain("2 feriedager");
    }

    [Fact]
    public void ASelfCertificationOrAGradedNote_GivesNothingBack()
    {
        HolidayRules.OnSickness(new AbsencePeriod(Holidays.D(2026, 7, 10), Holidays.D(2026, 7, 11), AbsenceKind.SelfCertified), [July])
            .ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
        Fer_9_1.Returned(July.From, July.To, [new AbsencePeriod(Holidays.D(2026, 7, 10), Holidays.D(2026, 7, 14), AbsenceKind.DoctorCertified, 50)]).ShouldBeEmpty();
    }

    [Fact]
    public void SicknessOutsideTheHoliday_SaysNothing()
        => HolidayRules.OnSickness(new AbsencePeriod(Holidays.D(2026, 7, 26), Holidays.D(2026, 7, 30), AbsenceKind.DoctorCertified), [July]).ShouldBeEmpty();

    [Fact]
    public void OverlappingNotes_CountEachDayOnce()
        => Fer_9_1.Returned(July.From, July.To, [
            new AbsencePeriod(Holidays.D(2026, 7, 6), Holidays.D(2026, 7, 8), AbsenceKind.DoctorCertified),
            new AbsencePeriod(Holidays.D(2026, 7, 8), Holidays.D(2026, 7, 9), AbsenceKind.DoctorCertified)]).Count.ShouldBe(4);
}

/// <summary>FER-10-1: 10.2 % (12 % with a fifth week); from the year of 60, 2.3 points more up to 6 G.</summary>
public sealed class Fer_10_1Tests
{
    [Fact]
    public void TheLaw_102Percent()
    {
        var pay = HolidayRules.Pay(2025, 300_000m, Holidays.D(1990, 1, 1), HolidayTerms.Statutory);
        pay.Ordinary.ShouldBe(30_600m);
        pay.SixtyPlusAmount.ShouldBe(0m);
    }

    [Fact]
    public void TurningSixtyInTheHolidayYear_Adds23Points_WithAFifthWeek143()
    {
        var pay = HolidayRules.Pay(2025, 300_000m, Holidays.D(1966, 11, 30), HolidayTerms.WithFifthWeek(false));
        pay.SixtyPlus.ShouldBeTrue();
        pay.Total.ShouldBe(42_900m);
        HolidayRules.Pay(2025, 300_000m, Holidays.D(1967, 1, 1), HolidayTerms.WithFifthWeek(false)).Total.ShouldBe(36_000m);
    }

    [Fact]
    public void TheSupplement_StopsAtSixG_OfTheHolidayYearsStart()
    {
        var pay = HolidayRules.Pay(2025, 900_000m, Holidays.D(1950, 1, 1), HolidayTerms.Statutory);
        pay.G.ShouldBe(130_160m);
        pay.SixtyPlusBasis.ShouldBe(780_960m);
        pay.SixtyPlusAmount.ShouldBe(17_962.08m);
        pay.GVerify.ShouldBeTrue();
    }
}
