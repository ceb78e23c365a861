using Selvstyrt.Domain.Absences;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>SYK-8-19-1: the employer pays the first 16 calendar days; NAV from day 17.</summary>
public sealed class Syk_8_19_1Tests
{
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);

    [Fact]
    public void TwentyDays_TheEmployerPaysSixteen_NavFromDaySeventeen()
    {
        var share = EmployerPeriod.Walk(Employed, [Doctor(D(2025, 12, 20), 20)]).Single();

        share.EmployerDays.ShouldBe(16);
        share.NavFrom.ShouldBe(D(2026, 1, 5), "day 17 falls in the new year");
        new Syk_8_19_1().Evaluate(Case(Employed, Doctor(D(2025, 12, 20), 20))).ShouldHaveSingleItem().Message.ShouldContain("NAV betaler fra 5.1.2026");
    }

    [Fact]
    public void SixteenDays_AreAllTheEmployers()
    {
        var share = EmployerPeriod.Walk(Employed, [Doctor(D(2025, 5, 1), 16)]).Single();
        (share.EmployerDays, share.NavFrom).ShouldBe((16, null));
    }
}

/// <summary>SYK-8-19-3: a new absence less than 16 days after the previous one joins its employer period.</summary>
public sealed class Syk_8_19_3Tests
{
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);

    [Fact]
    public void FifteenDaysBackAtWork_Joins_SixteenStartsAnew()
    {
        var first = Doctor(D(2025, 5, 1), 10); // 1-10 May
        var joined = EmployerPeriod.Walk(Employed, [first, Doctor(D(2025, 5, 26), 10)])[1]; // back 11-25 May: 15 days
        var fresh = EmployerPeriod.Walk(Employed, [first, Doctor(D(2025, 5, 27), 10)])[1]; // back 11-26 May: 16 days

        (joined.Joined, joined.UsedBefore, joined.EmployerDays, joined.NavFrom).ShouldBe((true, 10, 6, D(2025, 6, 1)));
        (fresh.Joined, fresh.EmployerDays, fresh.NavFrom).ShouldBe((false, 10, null));
        new Syk_8_19_3().Evaluate(Case(Employed, Doctor(D(2025, 5, 26), 10), null, first)).ShouldHaveSingleItem().Message.ShouldContain("1.5.2025");
    }

    [Fact]
    public void SelfCertifiedAndDoctorCertifiedDays_ShareOnePeriod()
    {
        var shares = EmployerPeriod.Walk(Employed, [Self(D(2025, 5, 1), 3), Doctor(D(2025, 5, 6), 20)]);
        (shares[1].Joined, shares[1].EmployerDays).ShouldBe((true, 13));
    }
}

/// <summary>SYK-8-19-4: after a full employer period, a new one only after 16 days back at work; before that NAV pays from day one.</summary>
public sealed class Syk_8_19_4Tests
{
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);
    private static readonly AbsencePeriod Full = Doctor(D(2025, 5, 1), 20); // 1-20 May, period used up

    [Fact]
    public void SickAgainAfterTenDaysAtWork_NavPaysFromDayOne()
    {
        var again = EmployerPeriod.Walk(Employed, [Full, Doctor(D(2025, 5, 31), 5)])[1];

        (again.NoNewPeriod, again.EmployerDays, again.NavFrom).ShouldBe((true, 0, D(2025, 5, 31)));
        new Syk_8_19_4().Evaluate(Case(Employed, Doctor(D(2025, 5, 31), 5), null, Full)).ShouldHaveSingleItem();
        new Syk_8_19_1().Evaluate(Case(Employed, Doctor(D(2025, 5, 31), 5), null, Full)).ShouldBeEmpty();
    }

    [Fact]
    public void SickAgainAfterSixteenDaysAtWork_ANewEmployerPeriod()
    {
        var again = EmployerPeriod.Walk(Employed, [Full, Doctor(D(2025, 6, 6), 5)])[1]; // back 21 May - 5 June: 16 days

        (again.NoNewPeriod, again.Joined, again.EmployerDays).ShouldBe((false, false, 5));
        new Syk_8_19_4().Evaluate(Case(Employed, Doctor(D(2025, 6, 6), 5), null, Full)).ShouldBeEmpty();
    }
}
