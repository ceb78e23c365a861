using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

/// <summary>The hiring rules of rules.md § 6 at their edges: BPA-POL-5-4, BPA-NAER, HR-14-5, HR-14-6, HR-15-15.</summary>
public sealed class HiringRuleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private static Employment Permanent(LocalDate start, LocalDate? end = null)
    {
        var assistant = Assistant.Create(Guid.NewGuid(), Guid.NewGuid(), null, "Kari Nordmann", null, null, null).Value!;
        return assistant.AddEmployment(Guid.NewGuid(), end is null ? EmploymentKind.Permanent : EmploymentKind.Temporary, 50, start, end, start,
            end is null ? null : TemporaryBasis.TemporaryNeed).Value!;
    }

    /// <summary>rules.md § 7 example 15: start 2025-02-01, police certificate 2025-02-05, contract signed 2025-02-10.</summary>
    [Fact]
    public void Example15_CertificateAfterTheFirstShiftAndLateContract_AreBothBreaches()
    {
        var start = new LocalDate(2025, 2, 1);

        var police = HiringRules.PoliceCertificate(new LocalDate(2025, 2, 5), clears: true, start);
        var contract = HiringRules.ContractSigned(start, null, new LocalDate(2025, 2, 10), new LocalDate(2025, 3, 1));

        police.ShouldNotBeNull().Rule.ShouldBe("BPA-POL-5-4");
        police.Severity.ShouldBe(Severity.Breach);
        police.Message.ShouldContain("5.2.2025");
        contract.ShouldNotBeNull().Rule.ShouldBe("HR-14-5");
        contract.Severity.ShouldBe(Severity.Breach);
        contract.Message.ShouldContain("8.2.2025");
    }

    [Fact]
    public void BpaPol54_ShownOnTheFirstDay_Holds_AndNoneIsABreach()
    {
        var first = new LocalDate(2025, 2, 1);

        HiringRules.PoliceCertificate(first, clears: true, first).ShouldBeNull();
        HiringRules.PoliceCertificate(first.PlusDays(-30), clears: true, first).ShouldBeNull();
        HiringRules.PoliceCertificate(first.PlusDays(1), clears: true, first).ShouldNotBeNull().Severity.ShouldBe(Severity.Breach);
        HiringRules.PoliceCertificate(null, clears: false, first).ShouldNotBeNull().Message.ShouldContain("Ingen politiattest");
        HiringRules.PoliceCertificate(first, clears: false, first).ShouldNotBeNull().Message.ShouldContain("anmerkninger");
    }

    [Fact]
    public void BpaPol54_ACertificateWithRemarks_ClearsOnlyFromTheEmployersAssessment()
    {
        var employment = Permanent(new LocalDate(2026, 11, 2));
        var shown = new LocalDate(2026, 10, 20);
        var certificate = PoliceCertificate.Record(Guid.NewGuid(), employment.AssistantId, employment, shown, withRemarks: true, null, Guid.NewGuid(), Now, new LocalDate(2026, 11, 23)).Value!;

        certificate.ClearsFrom.ShouldBeNull();
        certificate.Correct(employment, shown, true, new LocalDate(2026, 11, 3), Guid.NewGuid(), Now, new LocalDate(2026, 11, 23)).IsSuccess.ShouldBeTrue();
        certificate.ClearsFrom.ShouldBe(new LocalDate(2026, 11, 3), "work from the assessment, not from the day it was shown");
    }

    [Fact]
    public void PoliceCertificate_InTheFuture_OrAssessedBeforeShown_IsRefusedNamingTheField()
    {
        var employment = Permanent(new LocalDate(2026, 11, 2));
        var today = new LocalDate(2026, 11, 23);

        PoliceCertificate.Record(Guid.NewGuid(), employment.AssistantId, employment, today.PlusDays(1), false, null, Guid.NewGuid(), Now, today)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["shownOn"]);
        PoliceCertificate.Record(Guid.NewGuid(), employment.AssistantId, employment, null, false, null, Guid.NewGuid(), Now, today)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["shownOn"]);
        PoliceCertificate.Record(Guid.NewGuid(), employment.AssistantId, employment, today, true, today.PlusDays(-1), Guid.NewGuid(), Now, today)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["remarksAssessedOn"]);
        PoliceCertificate.Record(Guid.NewGuid(), employment.AssistantId, employment, today, false, today, Guid.NewGuid(), Now, today)
            .Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["remarksAssessedOn"]);
    }

    [Fact]
    public void Ansatt1_AShiftBeforeTheEmploymentBegins_OrWithoutOne_IsABreachSayingWhich()
    {
        var day = new LocalDate(2026, 12, 2);

        HiringRules.Employed(true, null, day).ShouldBeNull();
        HiringRules.Employed(false, new LocalDate(2026, 12, 14), day).ShouldNotBeNull().Message.ShouldBe("Assistenten er ikke ansatt ennå 2.12.2026: arbeidsforholdet begynner 14.12.2026.");
        HiringRules.Employed(false, null, day).ShouldNotBeNull().Severity.ShouldBe(Severity.Breach);
    }

    [Fact]
    public void BpaNaer_ACloseRelative_NeedsTheApprovalOnOrBeforeTheDay()
    {
        var day = new LocalDate(2026, 12, 7);

        HiringRules.CloseRelative(null, null, day).ShouldBeNull();
        HiringRules.CloseRelative(CloseRelation.Parent, null, day).ShouldNotBeNull().Rule.ShouldBe("BPA-NAER");
        HiringRules.CloseRelative(CloseRelation.Parent, day.PlusDays(1), day).ShouldNotBeNull().Severity.ShouldBe(Severity.Warn);
        HiringRules.CloseRelative(CloseRelation.Parent, day, day).ShouldBeNull();
    }

    [Theory]
    // From 2024-07-01: seven days for an employment of more than a month.
    [InlineData("2025-02-01", null, "2025-02-08")]
    [InlineData("2024-07-01", null, "2024-07-08")]
    // A month or more counts as more than a month's work; shorter must be signed at once.
    [InlineData("2025-02-01", "2025-03-01", "2025-02-08")]
    [InlineData("2025-02-01", "2025-02-28", "2025-02-01")]
    // Before 2024-07-01: one month after the start.
    [InlineData("2024-06-30", null, "2024-07-30")]
    [InlineData("2024-06-01", "2024-06-20", "2024-06-01")]
    public void Hr145_TheDeadline_FollowsTheChangeOfJuly2024AndTheLength(string start, string? end, string deadline)
    {
        var parsed = HiringRules.ContractDeadline(LocalDate.FromDateTime(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture)),
            end is null ? null : LocalDate.FromDateTime(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

        parsed.ShouldBe(LocalDate.FromDateTime(DateTime.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Hr145_SignedOnTheDeadline_Holds_AUnsignedOnePastItIsABreach_AndBeforeItSaysWhen()
    {
        var start = new LocalDate(2025, 2, 1);

        HiringRules.ContractSigned(start, null, new LocalDate(2025, 2, 8), new LocalDate(2025, 3, 1)).ShouldBeNull();
        HiringRules.ContractSigned(start, null, new LocalDate(2025, 2, 9), new LocalDate(2025, 3, 1)).ShouldNotBeNull().Severity.ShouldBe(Severity.Breach);
        HiringRules.ContractSigned(start, null, null, new LocalDate(2025, 2, 9)).ShouldNotBeNull().Message.ShouldContain("fristen var 8.2.2025");
        HiringRules.ContractSigned(start, null, null, new LocalDate(2025, 2, 8)).ShouldNotBeNull().Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void Hr146_EachMissingPartIsNamed_AndTheFourPartsOf2024AreRequiredFromItsStartOnly()
    {
        var after = HiringRules.MissingParts(new LocalDate(2024, 7, 1), _ => null);
        var before = HiringRules.MissingParts(new LocalDate(2024, 6, 30), _ => null);

        after.Count.ShouldBe(ContractParts.All.Count);
        after["paidAbsence"].ShouldBe("«Betalt fravær» mangler i arbeidsavtalen (arbeidsmiljøloven § 14-6).");
        before.Keys.ShouldNotContain("paidAbsence");
        before.Keys.ShouldNotContain("termination");
        before.Keys.ShouldNotContain("training");
        before.Keys.ShouldNotContain("socialSecurity");
        before.Count.ShouldBe(ContractParts.All.Count - 4);
        HiringRules.MissingParts(new LocalDate(2025, 1, 1), p => p == ContractPart.Pay ? "  " : "tekst").Keys.ShouldBe(["pay"]);
    }

    [Fact]
    public void Contract_TheEmployerCannotSignWithAPartMissing_TheSignedContractIsFrozen()
    {
        var employment = Permanent(new LocalDate(2026, 12, 1));
        var parts = ContractParts.All.ToDictionary(p => p, p => (string?)("Tekst for " + ContractParts.Label(p)));
        parts[ContractPart.Training] = null;
        var contract = EmploymentContract.Draft(Guid.NewGuid(), employment.AssistantId, employment, parts, null).Value!;

        contract.SignAsEmployer(employment, "vilkår", Guid.NewGuid(), "Admin", Now).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["training"]);
        contract.SignAsAssistant(Guid.NewGuid(), Now, new LocalDate(2026, 11, 23)).Error.ShouldBeOfType<Conflict>();

        contract.Change(new Dictionary<ContractPart, string?> { [ContractPart.Training] = "Opplæring i ordningens rutiner og forflytning." }).IsSuccess.ShouldBeTrue();
        contract.SignAsEmployer(employment, "vilkår", Guid.NewGuid(), "Admin", Now).IsSuccess.ShouldBeTrue();
        contract.Status.ShouldBe(ContractStatus.Offered);
        contract.SignAsAssistant(Guid.NewGuid(), Now, new LocalDate(2026, 11, 23)).IsSuccess.ShouldBeTrue();

        contract.Status.ShouldBe(ContractStatus.SignedByBoth);
        contract.SignedOn.ShouldBe(new LocalDate(2026, 11, 23));
        contract.Change(new Dictionary<ContractPart, string?> { [ContractPart.Pay] = "Mer" }).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void Contract_AChangeAfterTheEmployerSigned_TakesTheOfferBack()
    {
        var employment = Permanent(new LocalDate(2026, 12, 1));
        var parts = ContractParts.All.ToDictionary(p => p, p => (string?)"Tekst");
        var contract = EmploymentContract.Draft(Guid.NewGuid(), employment.AssistantId, employment, parts, null).Value!;
        contract.SignAsEmployer(employment, "vilkår", Guid.NewGuid(), "Admin", Now);

        contract.Change(new Dictionary<ContractPart, string?> { [ContractPart.Pay] = "Timelønn 250 kr" });

        contract.Status.ShouldBe(ContractStatus.Draft);
        contract.Terms.ShouldBeNull();
    }

    [Theory]
    [InlineData("Hun ble oppsagt på grunn av samarbeidsproblemer.")]
    [InlineData("Arbeidsforholdet sluttet grunnet høyt sykefravær.")]
    [InlineData("Han fikk advarsel og sluttet.")]
    public void Hr1515_AReasonForTheEnding_IsABreach(string text)
        => HiringRules.ReferenceText(text).ShouldNotBeNull().Rule.ShouldBe("HR-15-15");

    [Theory]
    [InlineData("Personlig assistent i en BPA-ordning: hjelp i hjemmet, forflytning, følge til jobb og fritid.")]
    [InlineData("Arbeidsforholdet ble avsluttet ved oppsigelse.")]
    [InlineData("")]
    public void Hr1515_TheWorkAndThatTheEmploymentEnded_AreAllowed(string text)
        => HiringRules.ReferenceText(text).ShouldBeNull();

    [Fact]
    public void Relation_IsRecordedWithTheApproval_AndAnApprovalWithoutARelationIsRefused()
    {
        var arrangement = Domain.Arrangements.Arrangement.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Ordningen", Domain.Arrangements.EmployerModel.Provider, new LocalDate(2026, 1, 1)).Value!;
        var place = arrangement.Assign(Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 1, 1), null).Value!;
        var today = new LocalDate(2026, 11, 23);

        place.SetRelation(null, today, null, today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["relation"]);
        place.SetRelation(CloseRelation.Parent, today.PlusDays(1), null, today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["relativeApprovedOn"]);
        place.SetRelation(CloseRelation.Parent, today, " 2026/123 ", today).IsSuccess.ShouldBeTrue();
        place.RelativeApprovalReference.ShouldBe("2026/123");
        place.SetRelation(null, null, null, today).IsSuccess.ShouldBeTrue();
        place.RelativeApprovedOn.ShouldBeNull();
    }
}
