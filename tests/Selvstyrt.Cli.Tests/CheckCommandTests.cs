using System.Text.Json;
using Selvstyrt.Testing;
using Shouldly;

namespace Selvstyrt.Cli.Tests;

/// <summary>
/// The worked examples of rules.md § 7 that concern working time and pay, end to end through <c>selvstyrt check</c>
/// as a separate process, plus bad input (exit 2, the field named, no stack trace).
/// </summary>
public class CheckCommandTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    private static Task<(int Exit, string Out, string Err)> Run(string arguments, string? stdin = null)
        => CliProcess.RunAsync(arguments, stdin, Fixtures, ct: TestContext.Current.CancellationToken);

    private static async Task<JsonElement> Check(string fixture)
    {
        var (exit, output, error) = await Run($"check {fixture}");
        error.ShouldBeEmpty();
        exit.ShouldBe(0);
        return JsonDocument.Parse(output).RootElement;
    }

    private static List<JsonElement> Findings(JsonElement result, string rule)
        => [.. result.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule)];

    private static JsonElement Shift(JsonElement result, string id)
        => result.GetProperty("shifts").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Example9_SelfCertifiedFiveWeeksAfterStart_IsRefused_EGM_8_24_1()
    {
        var result = await Check("09-self-certified-too-soon.json");
        var finding = Findings(result, "EGM-8-24-1").ShouldHaveSingleItem();
        finding.GetProperty("severity").GetString().ShouldBe("breach");
        finding.GetProperty("shifts").EnumerateArray().Select(s => s.GetString()).ShouldBe(["f1"], "the finding names the absence");
        finding.GetProperty("message").GetString()!.ShouldContain("10.3.2025");
        finding.GetProperty("from").GetString().ShouldBe("2025-03-03T00:00:00+01:00");
    }

    [Fact]
    public async Task Example10_TheFifthSelfCertificationIn12Months_IsFlagged_NotRefused_EGM_8_27()
    {
        var result = await Check("10-fifth-self-certification.json");
        var flag = Findings(result, "EGM-8-27").ShouldHaveSingleItem();
        flag.GetProperty("severity").GetString().ShouldBe("warn");
        flag.GetProperty("shifts")[0].GetString().ShouldBe("f5");
        result.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("severity").GetString() == "breach");
        Findings(result, "SYK-8-19-1").Count.ShouldBe(5, "each absence's share of the employer period is told");
    }

    [Fact]
    public async Task Example11_SoleCarerOfTwoChildrenOneChronicallyIll_Has40Days_OMS_9_6_AndTheEmployerPaysTen_OMS_PAY()
    {
        var result = await Check("11-sole-carer-sick-child-days.json");
        var pay = Findings(result, "OMS-PAY");
        pay.Count.ShouldBe(2);
        // 12 calendar days in February: the employer's 10, NAV 2, 28 of 40 left; 33 days in September: all NAV's, 5 over.
        pay[0].GetProperty("message").GetString().ShouldStartWith("Arbeidsgiveren betaler 10 omsorgsdager av dette fraværet og NAV refunderer 2; 28 dager er igjen i 2025");
        pay[1].GetProperty("message").GetString().ShouldStartWith("Arbeidsgiveren betaler 0 omsorgsdager av dette fraværet og NAV refunderer 28; 0 dager er igjen i 2025");
        Findings(result, "OMS-9-6").ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldStartWith("5 dager er over retten på 40 omsorgsdager i 2025");
    }

    [Fact]
    public async Task Example12_EmployedAfter15August_CannotDemandAMainHolidayThatYear_FER_7_1_AndWasToldLate_FER_6_1()
    {
        var result = await Check("12-main-holiday-after-15-august.json");
        var demand = Findings(result, "FER-7-1").ShouldHaveSingleItem();
        demand.GetProperty("severity").GetString().ShouldBe("info");
        demand.GetProperty("message").GetString()!.ShouldStartWith("Hovedferien kan ikke kreves i 2025: ansatt 20.8.2025, etter 15. august");
        demand.GetProperty("shifts")[0].GetString().ShouldBe("h1");
        var told = Findings(result, "FER-6-1").ShouldHaveSingleItem();
        told.GetProperty("severity").GetString().ShouldBe("warn");
        told.GetProperty("message").GetString()!.ShouldStartWith("Ferien fra 1.9.2025 ble fastsatt 25.8.2025, senere enn 1.7.2025");
        Findings(result, "FER-5-1").ShouldBeEmpty("18 of the year's 25 days");
    }

    [Fact]
    public async Task AHolidayYear_TheRightWithTheFifthWeekAnd60Plus_DaysBackForAFullNote_DaysLeft_AndTooMany_FER_5_1_9_1_7_3()
    {
        var result = await Check("holiday-year.json");
        // a1 (Virke's fifth week, 60 in 2025: 36 days) took 18 + 5, a full doctor's note gave 4 back: 17 left, more than 12 may carry.
        var back = Findings(result, "FER-9-1").Where(f => f.GetProperty("assistant").GetString() == "a1").ShouldHaveSingleItem();
        back.GetProperty("severity").GetString().ShouldBe("info");
        back.GetProperty("message").GetString()!.ShouldStartWith("Helt sykmeldt i ferien: 4 feriedager er gitt tilbake");
        back.GetProperty("shifts")[0].GetString().ShouldBe("s1");
        var left = Findings(result, "FER-7-3").ShouldHaveSingleItem();
        left.GetProperty("assistant").GetString().ShouldBe("a1");
        left.GetProperty("message").GetString()!.ShouldStartWith("17 feriedager er ikke tatt i 2025");
        left.GetProperty("shifts").EnumerateArray().Select(s => s.GetString()).ShouldBe(["h1", "h2"]);
        left.GetProperty("from").GetString().ShouldBe("2025-01-01T00:00:00+01:00");

        // a2 (the law's 25 days): a self-certification in the holiday gives nothing back; 5 + 48 days (Easter's three holidays
        // and the Sundays not counted) are more than the right; no main holiday registered in the summer.
        var note = Findings(result, "FER-9-1").Where(f => f.GetProperty("assistant").GetString() == "a2").ShouldHaveSingleItem();
        note.GetProperty("severity").GetString().ShouldBe("breach");
        note.GetProperty("shifts")[0].GetString().ShouldBe("s2");
        var over = Findings(result, "FER-5-1").ShouldHaveSingleItem();
        over.GetProperty("assistant").GetString().ShouldBe("a2");
        over.GetProperty("message").GetString()!.ShouldStartWith("53 feriedager registrert i 2025, mer enn de 25");
        var main = Findings(result, "FER-7-1").ShouldHaveSingleItem();
        main.GetProperty("assistant").GetString().ShouldBe("a2");
        main.GetProperty("severity").GetString().ShouldBe("info");
        Findings(result, "FER-6-1").ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldStartWith("Ferien fra 10.2.2025 ble fastsatt 20.1.2025, senere enn 10.12.2024");
    }

    [Theory]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "sickness", "from": "2025-03-03", "to": "2025-03-03" }""", "absences[0].certifiedBy")]
    [InlineData("""{ "id": "f1", "assistant": "a9", "kind": "sick-child", "from": "2025-03-03", "to": "2025-03-03" }""", "absences[0].assistant: ukjent assistent «a9»")]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "holiday", "certifiedBy": "self", "from": "2025-03-03", "to": "2025-03-03" }""", "absences[0].certifiedBy: gjelder bare sykefravær")]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "sick-child", "from": "2025-03-05", "to": "2025-03-03" }""", "absences[0].to: slutt er før start")]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "welfare", "from": "2025-03-03", "to": "2025-03-03", "toldOn": "2025-01-01" }""", "absences[0].toldOn: gjelder bare ferie")]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "holiday", "from": "2025-03-03", "to": "2025-03-07", "toldOn": "2025-03-04" }""", "absences[0].toldOn: ferien kan ikke være fastsatt etter at den begynte")]
    [InlineData("""{ "id": "f1", "assistant": "a1", "kind": "sick-child", "from": "2025-03-03", "to": "2025-03-03", "reason": "influensa" }""", "absences[0]")]
    public async Task BadAbsences_Exit2_NamingTheField(string absence, string expected)
    {
        var input = $$"""{ "employers": [ { "id": "e1" } ], "assistants": [ { "id": "a1", "employer": "e1", "employedFrom": "2020-01-01" } ], "shifts": [], "absences": [ {{absence}} ] }""";
        var (exit, output, error) = await Run("check -", input);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Example1_SpringDstNight_NineHoursSevenAtNightWithinLimits()
    {
        var result = await Check("01-spring-dst-night.json");
        Shift(result, "s1").GetProperty("hours").GetDouble().ShouldBe(9);
        Shift(result, "s1").GetProperty("nightHours").GetDouble().ShouldBe(7);
        Shift(result, "s1").GetProperty("legalOvertimeHours").GetDouble().ShouldBe(0);
        Findings(result, "AML-10-4-1").ShouldBeEmpty();
        // The only finding: a night worker's weekly norm is 38 h (AML-10-4-4), as information.
        result.GetProperty("findings").EnumerateArray().ShouldAllBe(f => f.GetProperty("severity").GetString() == "info");
    }

    [Fact]
    public async Task Example2_AutumnDstNight_TwoHoursOvertimeWarn()
    {
        var result = await Check("02-autumn-dst-night.json");
        Shift(result, "s1").GetProperty("hours").GetDouble().ShouldBe(11);
        Shift(result, "s1").GetProperty("legalOvertimeHours").GetDouble().ShouldBe(2);
        Findings(result, "AML-10-6-1").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("warn");
        Findings(result, "AML-10-6-8").ShouldBeEmpty();
        var averaged = await Check("02b-autumn-dst-night-averaging.json");
        Shift(averaged, "s1").GetProperty("legalOvertimeHours").GetDouble().ShouldBe(0);
        Findings(averaged, "AML-10-6-1").ShouldBeEmpty();
    }

    [Fact]
    public async Task Example3_NineHoursRest_BreachAndWithTariffWarn()
    {
        var result = await Check("03-short-daily-rest.json");
        var rest = Findings(result, "AML-10-8-1").ShouldHaveSingleItem();
        rest.GetProperty("severity").GetString().ShouldBe("breach");
        rest.GetProperty("from").GetString().ShouldBe("2025-05-05T22:00:00+02:00");
        rest.GetProperty("to").GetString().ShouldBe("2025-05-06T07:00:00+02:00");
        rest.GetProperty("measured").GetDouble().ShouldBe(9);
        rest.GetProperty("limit").GetDouble().ShouldBe(11);
        rest.GetProperty("message").GetString().ShouldBe("Daglig hviletid 9 t er under 11 t (arbeidsmiljøloven § 10-8 (1)).");
        result.GetProperty("findings").GetArrayLength().ShouldBe(1);

        var tariff = await Check("03b-short-daily-rest-tariff.json");
        Findings(tariff, "AML-10-8-3").ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldContain("2 t tilsvarende kompenserende hvile");
        Findings(tariff, "AML-10-8-1").ShouldHaveSingleItem().GetProperty("measured").GetDouble().ShouldBe(7);
    }

    [Fact]
    public async Task Example4_TwoSundaysInARow_Breach()
        => Findings(await Check("04-two-sundays.json"), "AML-10-8-4").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("breach");

    [Fact]
    public async Task Example5_TwentyEightHoursOvertimeInFourWeeks_BreachAndWithTariffHolds()
    {
        var result = await Check("05-overtime-four-weeks.json");
        var overtime = Findings(result, "AML-10-6-4").ShouldHaveSingleItem();
        overtime.GetProperty("measured").GetDouble().ShouldBe(28);
        overtime.GetProperty("limit").GetDouble().ShouldBe(25);
        Findings(result, "AML-10-6-1").ShouldBeEmpty(); // every overtime entry has a reason
        var tariff = await Check("05b-overtime-four-weeks-tariff.json");
        Findings(tariff, "AML-10-6-4").ShouldBeEmpty();
        Findings(tariff, "AML-10-6-5").ShouldBeEmpty();
    }

    [Fact]
    public async Task Example6_TwoArrangementsBreachTwoEmployersInfo()
    {
        var same = await Check("06-two-arrangements.json");
        Findings(same, "AML-10-6-8").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("breach");
        Findings(same, "AML-10-8-1").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("breach");
        var two = await Check("06b-two-employers.json");
        two.GetProperty("findings").EnumerateArray().ShouldAllBe(f => f.GetProperty("severity").GetString() == "info");
        Findings(two, "AML-10-6-8").ShouldHaveSingleItem();
        Findings(two, "AML-10-8-1").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Example7_NoPauseRecorded_WarnEightHours()
    {
        var result = await Check("07-no-pause.json");
        Findings(result, "AML-10-9-1").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("warn");
        Shift(result, "s1").GetProperty("hours").GetDouble().ShouldBe(8);
    }

    [Fact]
    public async Task Example8_PlanDiscussedSevenDaysBefore_Breach()
    {
        var finding = Findings(await Check("08-plan-late.json"), "AML-10-3-1").ShouldHaveSingleItem();
        finding.GetProperty("severity").GetString().ShouldBe("breach");
        finding.GetProperty("measured").GetDouble().ShouldBe(7);
    }

    [Fact]
    public async Task Example14_MinimumPayBySeniorityOnTheDate()
    {
        var result = await Check("14-minimum-pay.json");
        var finding = Findings(result, "MINPAY-1").ShouldHaveSingleItem();
        finding.GetProperty("assistant").GetString().ShouldBe("a1");
        finding.GetProperty("message").GetString()!.ShouldContain("211,51");
    }

    [Fact]
    public async Task Example16_NewYearsEveUnderKs_Supplements()
    {
        var shift = Shift(await Check("16-new-years-eve-ks.json"), "s1");
        var supplements = shift.GetProperty("supplements");
        supplements.GetProperty("holiday").GetDouble().ShouldBe(8);
        supplements.GetProperty("evening").GetDouble().ShouldBe(4);
        supplements.GetProperty("night").GetDouble().ShouldBe(2);
        shift.GetProperty("sundayHolidayHours").GetDouble().ShouldBe(5);
    }

    [Fact]
    public async Task Output_FindingsSortedByAssistantTimeRule()
    {
        var findings = (await Check("03b-short-daily-rest-tariff.json")).GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("assistant").GetString() ?? "", f.GetProperty("from").GetString()!, f.GetProperty("rule").GetString()!)).ToList();
        findings.ShouldBe([.. findings.OrderBy(f => f.Item1, StringComparer.Ordinal).ThenBy(f => DateTimeOffset.Parse(f.Item2, System.Globalization.CultureInfo.InvariantCulture)).ThenBy(f => f.Item3, StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task Stdin_SameAsFile()
    {
        var (exit, output, _) = await Run("check -", await File.ReadAllTextAsync(Path.Combine(Fixtures, "03-short-daily-rest.json"), TestContext.Current.CancellationToken));
        exit.ShouldBe(0);
        var (_, fromFile, _) = await Run("check 03-short-daily-rest.json");
        output.ShouldBe(fromFile);
    }

    [Fact]
    public async Task TextFormat_OneLinePerFinding()
    {
        var (exit, output, _) = await Run("check 03-short-daily-rest.json --format text");
        exit.ShouldBe(0);
        output.ShouldBe("2025-05-05 22:00–2025-05-06 07:00  BRUDD     AML-10-8-1   a1       Daglig hviletid 9 t er under 11 t (arbeidsmiljøloven § 10-8 (1)).\n");
    }

    [Theory]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e1"}],"shifts":[{"id":"s1","assistant":"a1","start":"2025-05-05T14:00","end":"2025-05-05T12:00"}]}""", "shifts[0].end: slutt er før start")]
    [InlineData("""{"employers":[{"id":"e1","regime":"aml","tarif":"ks"}],"assistants":[],"shifts":[]}""", "employers[0].tarif: ukjent felt")]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e9"}],"shifts":[]}""", "assistants[0].employer: ukjent arbeidsgiver «e9»")]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e1"}],"shifts":[{"id":"s1","assistant":"a1","start":"2025-13-05T14:00","end":"2025-05-05T15:00"}]}""", "shifts[0].start: «2025-13-05T14:00» er ikke et gyldig tidspunkt")]
    [InlineData("""{"employers":[{"id":"e1","weekAnchor":"plan-start"}],"assistants":[],"shifts":[]}""", "employers[0].planStart: mangler")]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e1","hourlyPay":-5}],"shifts":[]}""", "assistants[0].hourlyPay: skal være mellom")]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e1"}],"shifts":[{"id":"s1","assistant":"a1","start":"2025-05-05T14:00","end":"2025-05-05T22:00","passive":[{"start":"2025-05-05T23:00","end":"2025-05-06T07:00"}]}]}""", "shifts[0].passive[0]: ligger utenfor vakten")]
    [InlineData("""{"employers":[{"id":"e1","legalBases":[{"kind":"AML-10-99"}]}],"assistants":[],"shifts":[]}""", "employers[0].legalBases[0].kind: ukjent grunnlag")]
    [InlineData("""{"employers":[{"id":"e1"}],"assistants":[],"shifts":[]""", "ugyldig JSON")]
    [InlineData("""{"employers":[],"assistants":[],"shifts":[]}""", "employers: minst én arbeidsgiver")]
    public async Task BadInput_Exit2NamingTheField(string json, string expected)
    {
        var (exit, output, error) = await Run("check -", json);
        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task MissingFile_Exit2()
    {
        var (exit, _, error) = await Run("check finnes-ikke.json");
        exit.ShouldBe(2);
        error.ShouldContain("finnes-ikke.json: kan ikke lese filen");
    }

    [Fact]
    public async Task SkippedSpringHour_ShiftedForwardAndRepeatedAutumnHourEarlier()
    {
        var json = """
            {"employers":[{"id":"e1"}],"assistants":[{"id":"a1","employer":"e1"}],"shifts":[
              {"id":"s1","assistant":"a1","start":"2025-03-30T02:30","end":"2025-03-30T06:00"},
              {"id":"s2","assistant":"a1","start":"2025-10-26T02:30","end":"2025-10-26T06:00"}]}
            """;
        var (exit, output, _) = await Run("check -", json);
        exit.ShouldBe(0);
        var result = JsonDocument.Parse(output).RootElement;
        Shift(result, "s1").GetProperty("hours").GetDouble().ShouldBe(2.5);
        Shift(result, "s2").GetProperty("hours").GetDouble().ShouldBe(4.5);
    }
}
