using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using Selvstyrt.Domain.TimeSheets;
using Shouldly;

namespace Selvstyrt.Domain.Tests.TimeSheets;

/// <summary>Pay from actual time: SUPP-1, MINPAY-1, PASSIVE-1 and overtime, over DST nights, holidays and eves.</summary>
public class PayCalculatorTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly Guid A1 = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Arr = Guid.Parse("00000000-0000-0000-0000-0000000000f1");

    private static Instant Local(string text)
        => Oslo.AtLeniently(NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(text + ":00").Value).ToInstant();

    private static PayEntry Entry(string from, string to, int pause = 0, int passiveOffset = 0, int passive = 0, int overtime = 0)
    {
        var start = Local(from);
        return new PayEntry(Guid.NewGuid(), A1, Arr, start.InZone(Oslo).Date,
            new EntryTimes(start, Local(to), pause, passiveOffset, passive, overtime, overtime > 0 ? "Innkalt" : null), OnCall: false);
    }

    private static PayResult Pay(Tariff? tariff, decimal? wage, int seniority, decimal? passiveFactor, params PayEntry[] entries)
        => PayCalculator.Calculate(new PayRequest("p1", Regime.Aml, tariff, passiveFactor, [new PayProfile(A1, wage, seniority, 37.5m)], entries), Oslo);

    private static long Minutes(PayLine line, string category) => line.Items.Where(i => i.Category == category).Sum(i => i.Minutes);

    [Fact]
    public void Overtime_ADognvakt_IsLegalOvertimeWithoutItsAgreement_AndNormalTimeUnderIt_AML_10_12_4()
    {
        // Issue 18: a døgnvakt 08:00-08:00 with the night 23:00-07:00 asleep. Under the law alone its hours beyond the
        // day's normal time are legal overtime; under a § 10-12 (4) tariff deviation of 24 hours they are normal time.
        var entry = Entry("2025-05-06T08:00", "2025-05-07T08:00", passiveOffset: 15 * 60, passive: 8 * 60);
        var without = Pay(Tariffs.VirkeBpa, 220m, 0, null, entry).Lines.Single();
        without.WorkedMinutes.ShouldBe(24 * 60);
        // 24 hours less the day's 9 of normal time (AML-10-4-1; 8 hours asleep of 24 is not mainly passive, so no extension).
        without.LegalOvertimeMinutes.ShouldBe(15 * 60);
        var basis = new LegalBasis(LegalBasisKind.TariffDeviation, "døgnvakt", new HashSet<string> { A1.ToString() }, new LocalDate(2025, 1, 1), null);
        var result = PayCalculator.Calculate(new PayRequest("p1", Regime.Aml, Tariffs.VirkeBpa, null, [new PayProfile(A1, 220m, 0, 37.5m)], [entry]) { LegalBases = [basis] }, Oslo);
        var under = result.Lines.Single();
        under.LegalOvertimeMinutes.ShouldBe(0);
        Minutes(under, PayCategory.Overtime).ShouldBe(0);
        Minutes(under, PayCategory.OvertimeHigh).ShouldBe(0);
        result.Findings.ShouldNotContain(f => f.Rule == "LONGSHIFT-1");
        Pay(Tariffs.VirkeBpa, 220m, 0, null, entry).Findings.ShouldContain(f => f.Rule == "LONGSHIFT-1");
    }

    [Fact]
    public void Supp1_SpringDstNight_PaysNineHoursNotTen()
    {
        // Worked example 1: 22:00-08:00 into the last Sunday of March is 9 hours elapsed.
        var line = Pay(Tariffs.VirkeBpa, 220m, 0, null, Entry("2025-03-29T22:00", "2025-03-30T08:00")).Lines.Single();
        line.WorkedMinutes.ShouldBe(9 * 60);
        Minutes(line, PayCategory.Normal).ShouldBe(9 * 60);
        Minutes(line, "eveningNight").ShouldBe(7 * 60); // 22:00-06:00 local, less the skipped hour
        Minutes(line, "weekend").ShouldBe(9 * 60);
    }

    [Fact]
    public void Supp1AndOvertime_AutumnDstNight_ElevenHoursWithTwoOfLegalOvertimeAtTheHighRate()
    {
        // Worked example 2: 22:00-08:00 into the last Sunday of October is 11 hours; 2 are legal overtime, at night and on a Sunday.
        var line = Pay(Tariffs.VirkeBpa, 220m, 0, null, Entry("2025-10-25T22:00", "2025-10-26T08:00")).Lines.Single();
        line.WorkedMinutes.ShouldBe(11 * 60);
        line.LegalOvertimeMinutes.ShouldBe(2 * 60);
        Minutes(line, PayCategory.Normal).ShouldBe(9 * 60);
        Minutes(line, PayCategory.OvertimeHigh).ShouldBe(2 * 60);
        Minutes(line, PayCategory.Overtime).ShouldBe(0);
        line.Items.Single(i => i.Category == PayCategory.OvertimeHigh).Rate.ShouldBe(440m);
        line.Items.Single(i => i.Category == PayCategory.OvertimeHigh).Amount.ShouldBe(880m);
    }

    [Fact]
    public void Supp1_KsNewYearsEve_HolidayEveningAndNightAtTheirRates()
    {
        // Worked example 16, with money: 250 kr/h; holiday 1 1/3 of the wage, evening 56 kr, night 25 % (at least 70 kr).
        var line = Pay(Tariffs.Ks, 250m, 0, null, Entry("2025-12-31T15:00", "2025-12-31T23:00")).Lines.Single();
        Minutes(line, "holiday").ShouldBe(8 * 60);
        Minutes(line, "evening").ShouldBe(4 * 60);
        Minutes(line, "night").ShouldBe(2 * 60);
        line.Items.Single(i => i.Category == "holiday").Rate.ShouldBe(333.33m);
        line.Items.Single(i => i.Category == "evening").Amount.ShouldBe(224m);
        line.Items.Single(i => i.Category == "night").Rate.ShouldBe(70m);
        line.Amount.ShouldBe((8 * 250m) + (8 * 333.33m) + 224m + 140m);
    }

    [Fact]
    public void Supp1_MidnightIntoAPublicHoliday_SplitsAtMidnight()
    {
        // 16 May 2025 (Friday) 20:00 to 17 May (Constitution Day, a Saturday) 04:00 under Uloba: 4 holiday hours after midnight.
        var line = Pay(Tariffs.Uloba, 230m, 0, null, Entry("2025-05-16T20:00", "2025-05-17T04:00")).Lines.Single();
        Minutes(line, "holiday").ShouldBe(4 * 60);
        Minutes(line, "eveningNight").ShouldBe(8 * 60);
        Minutes(line, "weekend").ShouldBe(0); // 17 May 2025 is a Saturday: the holiday supplement replaces the weekend one
    }

    [Fact]
    public void MinPay1_BelowTheMinimumForSeniority_IsLiftedAndFound()
    {
        // Worked example 14: Virke, 4 years, 210.00 on 2025-01-15 is below 211.51; the same on 2024-08-15 holds.
        var result = Pay(Tariffs.VirkeBpa, 210m, 4, null, Entry("2025-01-15T08:00", "2025-01-15T16:00"), Entry("2024-08-15T08:00", "2024-08-15T16:00"));
        var january = result.Lines[0];
        january.LiftedToMinimum.ShouldBeTrue();
        january.Wage.ShouldBe(211.51m);
        january.Items.Single(i => i.Category == PayCategory.Normal).Amount.ShouldBe(8 * 211.51m);
        var august = result.Lines[1];
        august.LiftedToMinimum.ShouldBeFalse();
        august.Wage.ShouldBe(210m);
        result.Findings.ShouldContain(f => f.Rule == "MINPAY-1" && f.Shifts.Contains(january.EntryId.ToString()));
        result.Findings.ShouldNotContain(f => f.Rule == "MINPAY-1" && f.Shifts.Contains(august.EntryId.ToString()));
    }

    [Fact]
    public void MinPay1_NoContractWage_UsesTheMinimum_AndNoMinimumNoWageGivesNoAmount()
    {
        Pay(Tariffs.Uloba, null, 6, null, Entry("2025-05-05T08:00", "2025-05-05T16:00")).Lines.Single().Wage.ShouldBe(222.33m);
        var line = Pay(Tariffs.NhoBpa, null, 6, null, Entry("2025-05-05T08:00", "2025-05-05T16:00")).Lines.Single();
        line.Wage.ShouldBeNull();
        line.Amount.ShouldBe(0m);
        Minutes(line, PayCategory.Normal).ShouldBe(8 * 60);
    }

    [Fact]
    public void Passive1_SleepingNight_PaidAtTheFactor_OrInFullAndFlaggedWithoutOne()
    {
        // 22:00-08:00 on a Tuesday with 8 hours asleep from 23:00; factor 1/3 gives 160 paid passive minutes.
        var entry = Entry("2025-05-06T22:00", "2025-05-07T08:00", passiveOffset: 60, passive: 8 * 60);
        var withFactor = Pay(Tariffs.VirkeBpa, 220m, 0, 0.3333m, entry).Lines.Single();
        Minutes(withFactor, PayCategory.Normal).ShouldBe(2 * 60);
        Minutes(withFactor, PayCategory.Passive).ShouldBe(160);
        withFactor.PassiveAtFullRate.ShouldBeFalse();
        var without = Pay(Tariffs.VirkeBpa, 220m, 0, null, entry);
        Minutes(without.Lines.Single(), PayCategory.Passive).ShouldBe(8 * 60);
        without.Lines.Single().PassiveAtFullRate.ShouldBeTrue();
        without.Findings.ShouldContain(f => f.Rule == "PASSIVE-1");
    }

    [Fact]
    public void MarkedOvertime_OnAWeekdayAfternoon_IsAtTheOrdinaryRate_AndFreePausesAreNotPaid()
    {
        var line = Pay(Tariffs.VirkeBpa, 220m, 0, null, Entry("2025-05-06T08:00", "2025-05-06T16:30", pause: 30, overtime: 60)).Lines.Single();
        line.WorkedMinutes.ShouldBe(8 * 60);
        Minutes(line, PayCategory.Overtime).ShouldBe(60);
        Minutes(line, PayCategory.Normal).ShouldBe(7 * 60);
        line.Items.Single(i => i.Category == PayCategory.Overtime).Rate.ShouldBe(330m);
    }

    [Fact]
    public void TwoArrangements_SameDay_OvertimeIsJudgedAcrossBoth()
    {
        // Worked example 6: 08-16 and 17-23 for the same employer is 14 hours a day; 5 are legal overtime.
        var first = Entry("2025-05-06T08:00", "2025-05-06T16:00");
        var second = Entry("2025-05-06T17:00", "2025-05-06T23:00") with { ArrangementId = Guid.NewGuid() };
        var result = Pay(Tariffs.VirkeBpa, 220m, 0, null, first, second);
        result.Lines.Sum(l => l.LegalOvertimeMinutes).ShouldBe(5 * 60);
        result.Findings.ShouldContain(f => f.Rule == "AML-10-6-8");
    }

    [Fact]
    public void Context_IsJudgedButNotPaid()
    {
        var paid = Entry("2025-05-06T07:00", "2025-05-06T15:00");
        var before = Entry("2025-05-05T14:00", "2025-05-05T22:00");
        var result = PayCalculator.Calculate(new PayRequest("p1", Regime.Aml, Tariffs.VirkeBpa, null, [new PayProfile(A1, 220m, 0, 37.5m)], [paid]) { Context = [before] }, Oslo);
        result.Lines.Single().EntryId.ShouldBe(paid.EntryId);
        result.Findings.ShouldContain(f => f.Rule == "AML-10-8-1");
    }

    private static readonly Tariff[] All = [Tariffs.VirkeBpa, Tariffs.NhoBpa, Tariffs.Uloba, Tariffs.Ks];

    [Fact]
    public void Property_EntryLines_SumToTheMonthlyBasis_AndToThePayrollRows()
    {
        var gen = Gen.Select(Gen.Int[0, 3], Gen.Int[180, 260], Gen.Int[0, 12],
            Gen.Select(Gen.Int[0, 27 * 24 * 4], Gen.Int[4, 14 * 4], Gen.Int[0, 3], Gen.Int[0, 8]).Array[1, 8]);
        gen.Sample((tariff, wage, seniority, shifts) =>
        {
            var entries = new List<PayEntry>();
            var clock = Local("2025-03-01T00:00");
            foreach (var (offset, quarters, overtimeQuarters, passiveHours) in shifts)
            {
                // Shifts in March 2025 (with the spring DST night), one after another so that none overlaps.
                var start = clock + Duration.FromMinutes(15L * (offset % (24 * 4)));
                var length = quarters * 15;
                var passive = Math.Min(passiveHours * 60, length / 2);
                entries.Add(new PayEntry(Guid.NewGuid(), A1, Arr, start.InZone(Oslo).Date,
                    new EntryTimes(start, start + Duration.FromMinutes(length), 0, 0, passive, Math.Min(overtimeQuarters * 15, length), "Innkalt"), false));
                clock = start + Duration.FromMinutes(length + 60);
            }
            var result = PayCalculator.Calculate(new PayRequest("p1", Regime.Aml, All[tariff], 0.5m, [new PayProfile(A1, wage, seniority, 35.5m)], entries), Oslo);
            var basis = result.Bases().Single();
            basis.Amount.ShouldBe(result.Lines.Sum(l => l.Amount));
            foreach (var category in result.Lines.SelectMany(l => l.Items).Select(i => i.Category).Distinct())
                basis.Minutes(category).ShouldBe(result.Lines.Sum(l => l.Items.Where(i => i.Category == category).Sum(i => i.Minutes)));
            // Time paid as time (normal, passive at its factor, overtime) never exceeds the time worked.
            foreach (var line in result.Lines)
                (Minutes(line, PayCategory.Normal) + Minutes(line, PayCategory.Passive) + Minutes(line, PayCategory.Overtime) + Minutes(line, PayCategory.OvertimeHigh)).ShouldBeLessThanOrEqualTo(line.WorkedMinutes);
            var rows = PayrollRows.Build([basis], new Dictionary<Guid, PayrollEmployee> { [A1] = new(A1, "1001", "Ada") }, WageTypeMapping.Defaults,
                new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)).Value!;
            rows.Sum(r => r.Amount).ShouldBe(basis.Amount);
            rows.Sum(r => r.Minutes).ShouldBe(basis.Items.Sum(i => i.Minutes));
        }, iter: 10_000);
    }
}
