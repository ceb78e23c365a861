using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// An incident's life (issue 20, part 1): the report's fields named in Norwegian, the follow-up, measures, escalation, and the
/// legal clocks its kind and severity start: Datatilsynet within 72 hours of a personal-data breach (GDPR art. 33), Arbeidstilsynet
/// and the police at once for a serious work accident (AML § 5-2), NAV for an occupational injury (folketrygdloven § 13-14).
/// </summary>
public sealed class IncidentTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    private static Instant At(int y, int m, int d, int h, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(Oslo).ToInstant();

    private static Incident Report(IncidentKind kind, IncidentSeverity severity = IncidentSeverity.Minor, Instant? now = null, bool anonymous = false)
    {
        var at = now ?? At(2026, 11, 20, 10);
        var made = Incident.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind, severity, at - Duration.FromHours(1), "Stua",
            "Assistenten skled på badegulvet.", "Tørket opp.", anonymous, Guid.NewGuid(), "Ola", at, null);
        made.IsSuccess.ShouldBeTrue();
        return made.Value!;
    }

    [Fact]
    public void AReport_NamesEachMissingOrWrongField_InNorwegian()
    {
        var now = At(2026, 11, 20, 10);
        var made = Incident.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, null, (IncidentSeverity)9, now + Duration.FromHours(2), new string('x', 201), " ", null,
            false, Guid.NewGuid(), "Ola", now, null);
        var fields = made.Error.ShouldBeOfType<Invalid>().Fields;
        fields["kind"].ShouldBe("Velg hva slags avvik det er.");
        fields["severity"].ShouldBe("Velg hvor alvorlig det er.");
        fields["occurredAt"].ShouldBe("Tidspunktet kan ikke være fram i tid.");
        fields["whatHappened"].ShouldBe("Skriv kort hva som skjedde.");
        fields["place"].ShouldContain("200 tegn");
    }

    [Fact]
    public void AReportedIncident_IsFollowedUp_MeasuresDone_ThenClosedWithAnEvaluation()
    {
        var incident = Report(IncidentKind.NearMiss);
        incident.Status.ShouldBe(IncidentStatus.Reported);
        incident.Duties.ShouldBeEmpty("a near miss calls for no notice to an authority");

        incident.FollowUp("Kari Arbeidsleder", null, "Vått gulv etter dusj.", null, null).IsSuccess.ShouldBeTrue();
        incident.Status.ShouldBe(IncidentStatus.InProgress);
        var measure = incident.AddMeasure(Guid.NewGuid(), "Kjøpe sklimatte", "Kari", new LocalDate(2026, 11, 27), new LocalDate(2026, 11, 20)).Value!;

        var early = incident.Close("Matta virker.", "Kari", At(2026, 11, 21, 9));
        early.Error.ShouldBeOfType<Invalid>().Fields["measures"].ShouldContain("Kjøpe sklimatte");

        incident.CompleteMeasure(measure.Id, new LocalDate(2026, 11, 22)).IsSuccess.ShouldBeTrue();
        incident.CompleteMeasure(measure.Id, new LocalDate(2026, 11, 23)).Value!.DoneOn.ShouldBe(new LocalDate(2026, 11, 22), "done once; again is the same answer");
        incident.Close(" ", "Kari", At(2026, 11, 23, 9)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("evaluation");
        incident.Close("Matta virker.", "Kari", At(2026, 11, 23, 9)).IsSuccess.ShouldBeTrue();
        incident.Status.ShouldBe(IncidentStatus.Closed);
        incident.AddMeasure(Guid.NewGuid(), "Noe mer", "Kari", new LocalDate(2026, 12, 1), new LocalDate(2026, 11, 23)).Error.ShouldBeOfType<Conflict>();
        incident.FollowUp("Per", null, "", null, null).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void AClose_WithoutAResponsible_IsRefused_AndAMeasureNeedsAnOwnerAndAFutureDeadline()
    {
        var incident = Report(IncidentKind.Equipment);
        incident.Close("Ok", "Kari", At(2026, 11, 21, 9)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("responsible");
        var bad = incident.AddMeasure(Guid.NewGuid(), "Bytte heis", "", new LocalDate(2026, 11, 19), new LocalDate(2026, 11, 20)).Error.ShouldBeOfType<Invalid>().Fields;
        bad["owner"].ShouldBe("Skriv hvem som skal gjøre det.");
        bad["dueOn"].ShouldBe("Fristen kan ikke være passert når tiltaket legges inn.");
    }

    [Fact]
    public void APersonalDataBreach_GivesDatatilsynet72RealHours_AcrossTheAutumnDstChange()
    {
        // Reported Saturday 24 October 2026 at 10:00 summer time; the clocks go back on Sunday 25 October at 03:00.
        var reported = At(2026, 10, 24, 10);
        var incident = Report(IncidentKind.PersonalDataBreach, now: reported);
        var duty = incident.Duties.Single();
        duty.Authority.ShouldBe(Authority.Datatilsynet);
        duty.Due.ShouldBe(reported + Duration.FromHours(72));
        duty.Due!.Value.InZone(Oslo).LocalDateTime.ShouldBe(new LocalDateTime(2026, 10, 27, 9, 0), "72 hours, not three calendar days: the wall clock shows 09:00");
        duty.StateAt(At(2026, 10, 27, 8, 59)).ShouldBe(DutyState.Open);
        duty.StateAt(At(2026, 10, 27, 9, 1)).ShouldBe(DutyState.Overdue);
    }

    [Fact]
    public void APersonalDataBreach_MayBeDocumentedAsNotRequired_WithTheReason_ButNoOtherDutyMay()
    {
        var incident = Report(IncidentKind.PersonalDataBreach);
        var now = At(2026, 11, 20, 12);
        incident.RecordNotice(Guid.NewGuid(), Authority.Datatilsynet, null, "", "Lista ble sendt til feil kollega i samme ordning og slettet straks.", "Admin", now).IsSuccess.ShouldBeTrue();
        incident.Duties.Single().StateAt(now + Duration.FromDays(5)).ShouldBe(DutyState.Done);

        var injury = Report(IncidentKind.AssistantInjury, IncidentSeverity.Serious);
        injury.RecordNotice(Guid.NewGuid(), Authority.Police, null, "", "Ikke nødvendig", "Admin", now).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("notRequiredReason");
        injury.RecordNotice(Guid.NewGuid(), Authority.Datatilsynet, now, "", null, "Admin", now).Error.ShouldBeOfType<Invalid>().Fields["authority"]
            .ShouldBe("Dette avviket gir ingen plikt til å varsle den myndigheten.");
    }

    [Fact]
    public void ASeriousInjuryToAnAssistant_IsToldAtOnceToArbeidstilsynetAndThePolice_AndEveryInjuryToNav()
    {
        var minor = Report(IncidentKind.AssistantInjury, IncidentSeverity.Moderate);
        minor.Duties.Select(d => d.Authority).ShouldBe([Authority.Nav]);
        var serious = Report(IncidentKind.AssistantInjury, IncidentSeverity.Serious);
        serious.Duties.Select(d => d.Authority).ShouldBe([Authority.Arbeidstilsynet, Authority.Police, Authority.Nav]);
        serious.Duties.ShouldAllBe(d => d.Due == null && d.StateAt(At(2026, 11, 20, 10)) == DutyState.AtOnce);
        Report(IncidentKind.RecipientInjury, IncidentSeverity.Critical).Duties.ShouldBeEmpty("AML § 5-2 is about employees; the recipient's injury is followed up inside");

        // The kind and severity found in the follow-up decide: corrected to serious, the notices are due, and the case cannot close without them.
        minor.FollowUp("Kari", null, "Løft uten heis.", null, IncidentSeverity.Serious).IsSuccess.ShouldBeTrue();
        minor.Duties.Count.ShouldBe(3);
        var now = At(2026, 11, 21, 9);
        var refused = minor.Close("Ok", "Kari", now).Error.ShouldBeOfType<Invalid>().Fields["notices"];
        refused.ShouldContain("Arbeidstilsynet");
        refused.ShouldContain("politiet");
        foreach (var a in new[] { Authority.Arbeidstilsynet, Authority.Police, Authority.Nav })
            minor.RecordNotice(Guid.NewGuid(), a, now - Duration.FromHours(20), "2026/1234", null, "Admin", now).IsSuccess.ShouldBeTrue();
        minor.RecordNotice(Guid.NewGuid(), Authority.Nav, At(2026, 11, 1, 9), "", null, "Admin", now).Error.ShouldBeOfType<Invalid>().Fields["notifiedAt"]
            .ShouldBe("Varselet kan ikke være sendt før det som skjedde.");
        minor.Close("Heisen er på plass.", "Kari", now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void AnEscalation_NeedsWhatTheOfficeIsAskedFor_AndHappensOnce()
    {
        var incident = Report(IncidentKind.ViolenceOrThreats, IncidentSeverity.Moderate, anonymous: true);
        incident.Anonymous.ShouldBeTrue();
        incident.Escalate(" ", "Kari", At(2026, 11, 20, 11)).Error.ShouldBeOfType<Invalid>().Fields["note"].ShouldBe("Skriv hva du ber kontoret om.");
        incident.Escalate("Trenger hjelp til samtale med pårørende.", "Kari", At(2026, 11, 20, 11)).IsSuccess.ShouldBeTrue();
        incident.Escalate("Igjen", "Kari", At(2026, 11, 20, 12)).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void MedicationErrorsAndTheRecipientsInjuries_AreHealthDetails()
    {
        Report(IncidentKind.MedicationError).HealthRelated.ShouldBeTrue();
        Report(IncidentKind.RecipientInjury).HealthRelated.ShouldBeTrue();
        Report(IncidentKind.Equipment).HealthRelated.ShouldBeFalse();
    }
}
