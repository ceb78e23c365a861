using NodaTime;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Tests.Rules;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Agreements;

/// <summary>Working-time agreements as records (issue 18) and the rules they relax, judged through the record's basis.</summary>
public class WorkingTimeAgreementTests
{
    private static readonly Guid Provider = Guid.Parse("0e6f3a4c-0000-4000-8000-000000000001");
    private static readonly Guid Arrangement = Guid.Parse("0e6f3a4c-0000-4000-8000-000000000002");
    private static readonly Guid A1 = Guid.Parse("0e6f3a4c-0000-4000-8000-0000000000a1");
    private static readonly Guid A2 = Guid.Parse("0e6f3a4c-0000-4000-8000-0000000000a2");
    private static readonly Instant At = Instant.FromUtc(2025, 1, 1, 9, 0);

    private static AgreementTerms Dognvakt(LocalDate? from = null, LocalDate? to = null, AgreementScope scope = AgreementScope.Arrangement, Guid[]? named = null, double max = 24, int members = 400_000)
        => new(LegalBasisKind.TariffDeviation, "Særavtale døgnvakt", scope, scope == AgreementScope.Arrangement ? Arrangement : null, named ?? [], from ?? new LocalDate(2025, 1, 1), to)
        {
            MaxShiftHours = max, MinRestHours = 8, CompensatoryRestHours = 11, Union = "Fagforbundet", UnionMembers = members,
        };

    private static WorkingTimeAgreement Made(AgreementTerms terms)
    {
        var made = WorkingTimeAgreement.Create(Guid.CreateVersion7(), Provider, terms, At, "Admin");
        made.IsSuccess.ShouldBeTrue(made.Error?.Message);
        return made.Value!;
    }

    private static Dictionary<string, string> Fields(Result<WorkingTimeAgreement> result) => result.Error.ShouldBeOfType<Invalid>().Fields.ToDictionary();

    [Fact]
    public void TariffDeviation_NeedsAUnionOfTenThousandMembers_AML_10_12_4()
    {
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt(members: 9_999), At, "Admin"))["unionMembers"].ShouldContain("minst 10");
        Made(Dognvakt(members: 10_000)).UnionMembers.ShouldBe(10_000);
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt() with { Union = " " }, At, "Admin")).ShouldContainKey("union");
    }

    [Fact]
    public void LongShiftFigures_AreRequiredForLongShiftKinds_AndRefusedForOthers()
    {
        var missing = Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt() with { MaxShiftHours = null, CompensatoryRestHours = 10 }, At, "Admin"));
        missing["maxShiftHours"].ShouldContain("Fyll ut");
        missing["compensatoryRestHours"].ShouldContain("mellom 11 og 72");
        var sunday = new AgreementTerms(LegalBasisKind.SundayAgreement, "Søndag", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null) { MaxShiftHours = 24 };
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, sunday, At, "Admin"))["maxShiftHours"].ShouldContain("§ 10-12 (4)");
        var consent = new AgreementTerms(LegalBasisKind.Arbeidstilsynet, "Samtykke", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null) { MaxShiftHours = 13 };
        var fields = Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, consent, At, "Admin"));
        fields["reference"].ShouldContain("saksnummeret");
        fields["maxShiftHours"].ShouldContain("over 13");
    }

    [Fact]
    public void ScopeAndDates_AreChecked_NamingTheField()
    {
        var averaging = new AgreementTerms(LegalBasisKind.AveragingByAgreement, "Snitt", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null);
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, averaging, At, "Admin"))["scope"].ShouldContain("den enkelte");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, averaging with { Scope = AgreementScope.Assistants }, At, "Admin"))["assistants"].ShouldContain("minst én");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt() with { ArrangementId = null }, At, "Admin")).ShouldContainKey("arrangementId");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt(to: new LocalDate(2024, 12, 31)), At, "Admin"))["validTo"].ShouldContain("før første dag");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Dognvakt() with { ValidFrom = null }, At, "Admin")).ShouldContainKey("validFrom");
    }

    [Fact]
    public void EveryChange_IsANewVersion_WithWhyAndTheTermsInWords()
    {
        var agreement = Made(Dognvakt());
        agreement.CurrentVersion.ShouldBe(1);
        Fields(agreement.Change(Dognvakt(max: 26), " ", At, "Admin")).ShouldContainKey("note");
        Fields(agreement.Change(Dognvakt() with { Kind = LegalBasisKind.Arbeidstilsynet }, "feil", At, "Admin")).ShouldContainKey("kind");
        agreement.Change(Dognvakt(max: 26), "Reforhandlet", At.Plus(Duration.FromDays(30)), "Admin").IsSuccess.ShouldBeTrue();
        agreement.CurrentVersion.ShouldBe(2);
        agreement.MaxShiftHours.ShouldBe(26);
        agreement.Versions[1].Terms.ShouldContain("vakter til 26 t");
        agreement.Versions[1].Note.ShouldBe("Reforhandlet");
        agreement.Versions[0].Terms.ShouldContain("vakter til 24 t");

        Fields(agreement.End(new LocalDate(2024, 12, 31), "Sagt opp", At, "Admin"))["lastDay"].ShouldContain("før avtalen begynner");
        Fields(agreement.End(new LocalDate(2026, 6, 30), "", At, "Admin")).ShouldContainKey("reason");
        agreement.End(new LocalDate(2026, 6, 30), "Sagt opp av fagforeningen", At, "Admin").IsSuccess.ShouldBeTrue();
        agreement.ValidTo.ShouldBe(new LocalDate(2026, 6, 30));
        agreement.CurrentVersion.ShouldBe(3);
        agreement.InForceOn(new LocalDate(2026, 6, 30)).ShouldBeTrue();
        agreement.InForceOn(new LocalDate(2026, 7, 1)).ShouldBeFalse();
    }

    [Fact]
    public void TheBasis_CoversThePlacedAssistants_TheNamedOnes_OrEveryone()
    {
        var arrangement = Made(Dognvakt()).ToBasis([A1]);
        arrangement.Kind.ShouldBe(LegalBasisKind.TariffDeviation);
        arrangement.Covers(A1.ToString(), new LocalDate(2025, 5, 5)).ShouldBeTrue();
        arrangement.Covers(A2.ToString(), new LocalDate(2025, 5, 5)).ShouldBeFalse();
        arrangement.LongShift.ShouldBe(new LongShiftTerms(24, 8, 11));
        Made(Dognvakt(scope: AgreementScope.Assistants, named: [A2])).ToBasis().Assistants.ShouldBe(new HashSet<string> { A2.ToString() });
        Made(Dognvakt(scope: AgreementScope.Employer)).ToBasis().Assistants.ShouldBeNull();
        var consent = Made(new AgreementTerms(LegalBasisKind.AveragingByConsent, "Samtykke", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null)
        {
            AveragingDailyHours = 12, AveragingWeeklyHours = 50,
        }).ToBasis();
        consent.Averaging.ShouldNotBeNull().DailyHours.ShouldBe(12);
        consent.Averaging!.WeeklyAverageHours.ShouldBe(50);
    }

    private static Rota Rota24(WorkingTimeAgreement? agreement, string assistant = "a", string start = "2025-05-05T08:00", string end = "2025-05-06T08:00")
    {
        var rota = Rota.Aml();
        if (agreement is not null) rota.With(agreement.ToBasis([A1]));
        return rota.Shift(assistant == "a" ? A1.ToString() : A2.ToString(), start, end);
    }

    [Fact]
    public void LONGSHIFT_1_ADøgnvakt_IsABreachWithoutTheAgreement_AndHoldsWithIt()
    {
        Rota24(null).Check().Of("LONGSHIFT-1").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Breach);
        Rota24(Made(Dognvakt())).Check().Of("LONGSHIFT-1").ShouldBeEmpty();
    }

    [Fact]
    public void LONGSHIFT_1_TheAgreementsEdges_FirstAndLastDay_AndOnlyItsPeople()
    {
        // Judged by the day the shift starts: from its first day, up to and including its last.
        Rota24(Made(Dognvakt(from: new LocalDate(2025, 5, 6)))).Check().Of("LONGSHIFT-1").ShouldHaveSingleItem();
        Rota24(Made(Dognvakt(from: new LocalDate(2025, 5, 5)))).Check().Of("LONGSHIFT-1").ShouldBeEmpty();
        Rota24(Made(Dognvakt(to: new LocalDate(2025, 5, 5)))).Check().Of("LONGSHIFT-1").ShouldBeEmpty();
        Rota24(Made(Dognvakt(to: new LocalDate(2025, 5, 4)))).Check().Of("LONGSHIFT-1").ShouldHaveSingleItem();
        // An assistant who has no place in the arrangement is not covered.
        Rota24(Made(Dognvakt()), assistant: "b").Check().Of("LONGSHIFT-1").ShouldHaveSingleItem();
    }

    [Fact]
    public void AML_10_12_4_CompensatoryRest_OwedAfterNineHours_GivenAfterEleven()
    {
        var agreement = Made(Dognvakt());
        var owed = Rota.Aml().With(agreement.ToBasis([A1])).Shift(A1.ToString(), "2025-05-05T08:00", "2025-05-06T08:00").Shift(A1.ToString(), "2025-05-06T17:00", "2025-05-06T22:00").Check();
        var finding = owed.Of("AML-10-12-4").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Measured.ShouldBe(9);
        var given = Rota.Aml().With(agreement.ToBasis([A1])).Shift(A1.ToString(), "2025-05-05T08:00", "2025-05-06T08:00").Shift(A1.ToString(), "2025-05-06T19:00", "2025-05-06T23:00").Check();
        given.Of("AML-10-12-4").ShouldBeEmpty();
        given.Of("LONGSHIFT-1").ShouldBeEmpty();
    }

    [Fact]
    public void LONGSHIFT_1_ADøgnvaktOverTheAutumnDstNight_Is25Hours_OverA24HourCap()
    {
        // 25-26 October 2025: the clocks go back, so 08:00 to 08:00 is 25 hours worked.
        var capped = Rota24(Made(Dognvakt()), start: "2025-10-25T08:00", end: "2025-10-26T08:00").Check().Of("LONGSHIFT-1").ShouldHaveSingleItem();
        capped.Message.ShouldContain("AML-10-12-4");
        Rota24(Made(Dognvakt(max: 25)), start: "2025-10-25T08:00", end: "2025-10-26T08:00").Check().Of("LONGSHIFT-1").ShouldBeEmpty();
        // In spring the same shift is 23 hours and holds.
        Rota24(Made(Dognvakt()), start: "2025-03-29T08:00", end: "2025-03-30T08:00").Check().Of("LONGSHIFT-1").ShouldBeEmpty();
    }

    [Fact]
    public void AML_10_11_1_ATariffNightWindow_IsEightHoursWithTheSmallHours_ForTheWholeEmployer()
    {
        AgreementTerms Night(string from, string to, AgreementScope scope = AgreementScope.Employer) =>
            new(LegalBasisKind.NightWorkByTariff, "Nattarbeid", scope, null, scope == AgreementScope.Assistants ? [A1] : [], new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31))
            {
                NightFrom = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(from).Value,
                NightTo = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(to).Value,
                Union = "Fagforbundet",
            };
        var made = Made(Night("20:00", "06:00"));
        made.NightWindowOn(new LocalDate(2026, 6, 1)).ShouldBe((new LocalTime(20, 0), new LocalTime(6, 0)));
        made.NightWindowOn(new LocalDate(2027, 1, 1)).ShouldBeNull("the agreement has ended");
        made.Summary().ShouldContain("natt 20:00–06:00");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Night("23:00", "06:00"), At, "Admin"))["nightFrom"].ShouldContain("minst 8 timer");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Night("01:00", "09:00"), At, "Admin"))["nightFrom"].ShouldContain("00:00–06:00");
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, Night("20:00", "06:00", AgreementScope.Assistants), At, "Admin"))["scope"].ShouldContain("hele arbeidsgiveren");
        var sunday = new AgreementTerms(LegalBasisKind.SundayAgreement, "Søndag", AgreementScope.Employer, null, [], new LocalDate(2025, 1, 1), null) { NightFrom = new LocalTime(20, 0), NightTo = new LocalTime(6, 0) };
        Fields(WorkingTimeAgreement.Create(Guid.NewGuid(), Provider, sunday, At, "Admin"))["nightFrom"].ShouldContain("nattarbeid");
    }
}
