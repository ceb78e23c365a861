using NodaTime;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's incidents (issue 20, part 1): two years of them across both offices, most followed up and closed, so the statistics
/// compare a year with the one before; in Even's arrangement (10) a near miss the demo assistant reported this month, still open
/// (<c>incident:10:open</c>), an anonymous report of threats being followed up, and last spring's personal-data breach closed with
/// Datatilsynet's notice inside 72 hours.
/// </summary>
public static class DemoIncidents
{
    /// <summary>Who reports and follows up: a user id and name.</summary>
    public sealed record Person(Guid Id, string Name);

    private sealed record Spec(string Key, int Arrangement, IncidentKind Kind, IncidentSeverity Severity, LocalDateTime At, string What, string Action, string Cause,
        string Measure, string Evaluation, bool Closed, bool Anonymous = false);

    private static readonly Spec[] Specs =
    [
        new("2025-1", 8, IncidentKind.NearMiss, IncidentSeverity.Minor, new(2025, 1, 14, 7, 40), "Glatt oppkjørsel; rullestolen skled nesten mot bilen.", "Strødde grus.",
            "Ingen strøing før morgenvakten.", "Strø kvelden før ved meldt frost", "Ingen nye tilfeller resten av vinteren.", true),
        new("2025-2", 10, IncidentKind.Equipment, IncidentSeverity.Moderate, new(2025, 2, 3, 2, 15), "Alarmen på respiratoren gikk uten grunn tre ganger i løpet av natten.",
            "Byttet til reservemaskinen.", "Feil på en slange.", "Service på respiratoren og ny reserveslange i skapet", "Leverandøren byttet slangen; ingen nye alarmer.", true),
        new("2025-3", 2, IncidentKind.WorkingTimeBreach, IncidentSeverity.Minor, new(2025, 3, 9, 22, 0), "Kveldsvakt og morgenvakt med under 11 timers hvile.", "Byttet morgenvakten.",
            "Vikar satt opp i hast.", "Sjekke hviletid før vikarer settes opp", "Planen sjekkes nå i appen før publisering.", true),
        new("2025-4", 6, IncidentKind.AssistantInjury, IncidentSeverity.Minor, new(2025, 4, 22, 10, 30), "Vondt i ryggen etter forflytning fra seng til stol.", "Pause resten av vakten.",
            "Forflytning uten takheis.", "Opplæring i bruk av takheisen", "Alle har fått opplæring; ingen nye skader.", true),
        new("2025-5", 9, IncidentKind.MedicationError, IncidentSeverity.Moderate, new(2025, 5, 17, 20, 0), "Kveldsmedisinen ble gitt en time for sent.", "Ringte legevakten for råd.",
            "Ingen påminnelse ved vaktskifte.", "Medisinliste på kjøleskapet og huskelapp i overleveringen", "Ingen nye avvik.", true),
        new("2025-6", 4, IncidentKind.Other, IncidentSeverity.Minor, new(2025, 6, 30, 14, 0), "Nøkkelen til leiligheten ble borte.", "Byttet lås.",
            "Nøkkelen ble lagt i feil jakke.", "Nøkkelskap ved døra", "Ingen nye tilfeller.", true),
        new("2025-7", 10, IncidentKind.NearMiss, IncidentSeverity.Moderate, new(2025, 8, 12, 16, 20), "Bilen startet å rulle da rullestolen ble kjørt inn.", "Satte på håndbremsen.",
            "Håndbremsen var ikke satt på.", "Sjekkliste for bil og rampe", "Sjekklisten brukes.", true),
        new("2025-8", 7, IncidentKind.ViolenceOrThreats, IncidentSeverity.Moderate, new(2025, 9, 5, 18, 45), "En pårørende kjeftet og truet assistenten.", "Assistenten gikk ut av rommet.",
            "Uenighet om besøkstid.", "Samtale med pårørende sammen med koordinatoren", "Avtale om besøk er laget og fungerer.", true, Anonymous: true),
        new("2025-9", 3, IncidentKind.Equipment, IncidentSeverity.Minor, new(2025, 10, 28, 9, 0), "Dusjstolen knakk.", "Brukte ikke dusjen den dagen.",
            "Slitasje.", "Ny dusjstol bestilt fra hjelpemiddelsentralen", "Ny stol levert.", true),
        new("2025-10", 10, IncidentKind.AssistantInjury, IncidentSeverity.Minor, new(2025, 11, 19, 12, 10), "Kuttet seg på en glasskår ved oppvasken.", "Plaster og sårvask.",
            "Et glass knuste i oppvaskkummen.", "Plastglass til hverdags", "Ingen nye kutt.", true),
        new("2026-1", 8, IncidentKind.NearMiss, IncidentSeverity.Minor, new(2026, 1, 8, 7, 30), "Isete trapp ved inngangen.", "Strødde.",
            "Strøing glemt.", "Strøing på sjekklisten for kveldsvakten", "Fungerer.", true),
        new("2026-2", 1, IncidentKind.WorkingTimeBreach, IncidentSeverity.Minor, new(2026, 2, 2, 23, 0), "Vakten ble forlenget med tre timer uten avtale.", "Registrert som overtid.",
            "Tur som tok lengre tid enn planlagt.", "Legge inn slingringsmonn på turer", "Ingen nye tilfeller.", true),
        new("2026-3", 10, IncidentKind.PersonalDataBreach, IncidentSeverity.Moderate, new(2026, 3, 11, 13, 0), "En vaktliste med telefonnumre og helseopplysninger ble sendt til feil e-postadresse.",
            "Ba mottakeren slette e-posten; bekreftet slettet.", "Feil adresse valgt i e-postprogrammet.", "Vaktlister deles bare i Selvstyrt, ikke på e-post",
            "Ingen lister sendes lenger på e-post.", true),
        new("2026-4", 5, IncidentKind.RecipientInjury, IncidentSeverity.Minor, new(2026, 4, 20, 15, 0), "Ella fikk et blåmerke på armen mot dørkarmen.", "Kjølte armen.",
            "Trang døråpning.", "Beskytter på dørkarmen", "Ingen nye skader.", true),
        new("2026-5", 6, IncidentKind.AssistantInjury, IncidentSeverity.Moderate, new(2026, 5, 27, 11, 0), "Assistenten forstuet foten på tur i skogen.", "Kjørte til legevakten.",
            "Ujevnt terreng.", "Turer på merkede stier", "Assistenten er tilbake i arbeid.", true),
        new("2026-6", 9, IncidentKind.MedicationError, IncidentSeverity.Minor, new(2026, 6, 14, 8, 0), "Morgenmedisin glemt; gitt to timer senere.", "Ringte fastlegen.",
            "Ny vikar kjente ikke rutinen.", "Opplæring av vikarer i medisinrutinen", "Rutinen er med i opplæringsplanen.", true),
        new("2026-7", 10, IncidentKind.Equipment, IncidentSeverity.Minor, new(2026, 8, 3, 19, 0), "Batteriet i rullestolen gikk tomt på tur.", "Ringte taxi.",
            "Laderen sto ikke i.", "Lading på sjekklisten for kveldsvakten", "Fungerer.", true),
        new("2026-8", 4, IncidentKind.NearMiss, IncidentSeverity.Minor, new(2026, 9, 10, 12, 0), "Komfyren sto på da vakten gikk.", "Skrudde den av.",
            "Stress ved vaktskifte.", "Komfyrvakt montert", "Komfyrvakten er på plass.", true),
        new("2026-9", 2, IncidentKind.ViolenceOrThreats, IncidentSeverity.Minor, new(2026, 10, 6, 17, 30), "En nabo kom med truende ord i oppgangen.", "Gikk inn og låste.",
            "Konflikt om parkering.", "Dialog med borettslaget", "Borettslaget har tatt det opp med naboen.", true),
        new("2026-10", 10, IncidentKind.ViolenceOrThreats, IncidentSeverity.Moderate, new(2026, 11, 2, 21, 15), "En besøkende ble sint og truet med å slå da besøket måtte avsluttes.",
            "Avsluttet besøket rolig; besøkende gikk.", "Besøket varte lenger enn avtalt, og det var ikke sagt fra på forhånd.",
            "Samtale med den besøkende og en skriftlig besøksavtale", "", false, Anonymous: true),
        new("2026-11", 7, IncidentKind.Equipment, IncidentSeverity.Moderate, new(2026, 11, 12, 8, 0), "Takheisen stoppet midt i en forflytning.", "Senket manuelt med nødsenkingen.",
            "", "", "", false),
    ];

    /// <summary>
    /// The incidents, given each demo arrangement's id and office (by number), who reports (the demo assistant in arrangement 10, the
    /// office's coordinator elsewhere) and who follows up (the work leader in arrangement 10, the coordinator elsewhere).
    /// </summary>
    public static IEnumerable<Incident> For(Guid providerId, IReadOnlyDictionary<int, (Guid Id, Guid OfficeId, bool East)> arrangements, Person assistant, Person leader,
        Person east, Person west, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        foreach (var s in Specs)
        {
            var (id, office, isEast) = arrangements[s.Arrangement];
            var coordinator = isEast ? east : west;
            var reporter = s.Arrangement == 10 ? assistant : coordinator;
            var follower = s.Arrangement == 10 ? leader : coordinator;
            var at = s.At.InZoneLeniently(zone).ToInstant();
            var reported = at + Duration.FromMinutes(25);
            var incident = DemoData.Ok(Incident.Report(DemoIds.For($"incident:{s.Key}"), providerId, office, id, s.Kind, s.Severity, at, null, s.What, s.Action, s.Anonymous,
                reporter.Id, reporter.Name, reported, null));
            if (s.Cause.Length > 0)
            {
                DemoData.Ok(incident.FollowUp(follower.Name, follower.Id, s.Cause, null, null));
                var day = reported.InZone(zone).Date;
                var measure = DemoData.Ok(incident.AddMeasure(DemoIds.For($"incident-measure:{s.Key}"), s.Measure, follower.Name, day.PlusDays(14), day));
                if (s.Closed) DemoData.Ok(incident.CompleteMeasure(measure.Id, day.PlusDays(10)));
            }
            foreach (var duty in incident.Duties)
                DemoData.Ok(incident.RecordNotice(DemoIds.For($"incident-notice:{s.Key}:{duty.Authority}"), duty.Authority, reported + Duration.FromHours(20),
                    duty.Authority == Authority.Datatilsynet ? "26/01234" : "", null, coordinator.Name, reported + Duration.FromHours(20)));
            if (s.Closed) DemoData.Ok(incident.Close(s.Evaluation, follower.Name, reported + Duration.FromDays(12)));
            yield return incident;
        }
        // This month: the demo assistant's near miss in Even's arrangement, not yet followed up.
        var open = new LocalDateTime(2026, 11, 21, 14, 5).InZoneLeniently(zone).ToInstant();
        var (even, evenOffice, _) = arrangements[10];
        yield return DemoData.Ok(Incident.Report(DemoIds.For("incident:10:open"), providerId, evenOffice, even, IncidentKind.NearMiss, IncidentSeverity.Minor, open, "Badet",
            "Dusjstolen gled på det våte gulvet da Even skulle flytte seg over. Jeg fikk tak i stolen, og ingen ble skadet.", "Tørket gulvet og la håndkle under stolen.", false,
            assistant.Id, assistant.Name, open + Duration.FromMinutes(10), null));
    }
}
