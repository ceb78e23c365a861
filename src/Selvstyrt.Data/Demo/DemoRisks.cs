using NodaTime;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's risk and vulnerability analyses (issue 20, part 3) at all three levels: the administration's for 2025 and 2026
/// (this year's started from last year's), Kontor Øst's for 2026, and Even's arrangement's for 2025, approved, and 2026, started
/// from it with a new hazard and not yet approved.
/// </summary>
public static class DemoRisks
{
    private static HazardInput H(string what, int l, int c, string measures, int? rl, int? rc, string owner)
        => new(what, l, c, measures, rl, rc, owner, null);

    public static IEnumerable<RiskAnalysis> For(Guid providerId, Guid eastOffice, Guid evenArrangement, string admin, string coordinator, string leader)
    {
        var today2025 = new LocalDate(2025, 2, 1);
        var provider2025 = DemoData.Ok(RiskAnalysis.Start(DemoIds.For("ros:provider:2025"), providerId, QualityScope.Provider, null, null, 2025, today2025, null));
        Add(provider2025, "ros:provider:2025",
            H("Lønn utbetales feil eller for sent fordi timelister kommer inn sent", 3, 4, "Påminnelser om timelister og attestering før lønnskjøring", 2, 3, admin),
            H("Helseopplysninger kommer på avveie (e-post, papir, feil mottaker)", 3, 5, "Ingen helseopplysninger på e-post; opplæring i personvern for alle", 2, 4, admin),
            H("Brudd på arbeidsmiljøloven når vikarer settes opp i hast", 4, 3, "Planer sjekkes i Selvstyrt før publisering; vikarsøk med regelsjekk", 2, 2, admin),
            H("Nøkkelpersoner i administrasjonen blir borte", 2, 3, "Rutinebeskrivelser og stedfortreder for hver oppgave", 2, 2, admin));
        DemoData.Ok(provider2025.Approve(admin, new LocalDate(2025, 3, 15)));
        yield return provider2025;

        var provider2026 = DemoData.Ok(RiskAnalysis.CopyOf(DemoIds.For("ros:provider:2026"), provider2025, 2026, new LocalDate(2026, 2, 1), null));
        DemoData.Ok(provider2026.AddHazard(DemoIds.For("hazard:ros:provider:2026:leverandor"),
            H("En leverandør bryter menneskerettigheter eller anstendige arbeidsforhold (åpenhetsloven)", 2, 3, "Aktsomhetsvurdering av leverandørene hvert år", 1, 3, admin)));
        DemoData.Ok(provider2026.Approve(admin, new LocalDate(2026, 3, 10)));
        yield return provider2026;

        var east = DemoData.Ok(RiskAnalysis.Start(DemoIds.For("ros:office:ost:2026"), providerId, QualityScope.Office, eastOffice, null, 2026, new LocalDate(2026, 2, 1), null));
        Add(east, "ros:office:ost:2026",
            H("Ingen vikar tilgjengelig i døgnordningene ved sykdom", 4, 4, "Vikarpool for kontoret med opplæring i respirator og forflytning", 2, 4, coordinator),
            H("Arbeidsledere får ikke oppfølging og sliter", 3, 3, "Samling for arbeidsledere to ganger i året; fast kontaktperson", 2, 2, coordinator),
            H("Vold og trusler fra pårørende eller besøkende", 2, 4, "Rutine for å avslutte besøk og varsle; oppfølging med koordinator", 2, 3, coordinator));
        DemoData.Ok(east.Approve(coordinator, new LocalDate(2026, 3, 20)));
        yield return east;

        var even2025 = DemoData.Ok(RiskAnalysis.Start(DemoIds.For("ros:arrangement:10:2025"), providerId, QualityScope.Arrangement, eastOffice, evenArrangement, 2025, today2025, null));
        Add(even2025, "ros:arrangement:10:2025",
            H("Respiratoren svikter om natten", 2, 5, "Reservemaskin, årlig service, våken natt med opplæring i respirator", 1, 4, leader),
            H("Fall ved forflytning mellom seng og stol", 3, 4, "Takheis; alle har opplæring i forflytning", 2, 2, leader),
            H("Medisiner gis for sent eller glemmes", 3, 3, "Medisinliste og kvittering i overleveringen", 2, 2, leader),
            H("Glatt ute om vinteren", 3, 2, "Strøing før morgenvakten", 2, 2, leader));
        DemoData.Ok(even2025.Approve(leader, new LocalDate(2025, 4, 2)));
        yield return even2025;

        var even2026 = DemoData.Ok(RiskAnalysis.CopyOf(DemoIds.For("ros:arrangement:10:2026"), even2025, 2026, new LocalDate(2026, 11, 2), null));
        DemoData.Ok(even2026.AddHazard(DemoIds.For("hazard:ros:arrangement:10:2026:besok"),
            H("Besøkende blir sinte eller truende når besøk må avsluttes", 3, 4, "Skriftlig besøksavtale", null, null, leader)));
        yield return even2026;
    }

    private static void Add(RiskAnalysis analysis, string key, params HazardInput[] hazards)
    {
        for (var i = 0; i < hazards.Length; i++) DemoData.Ok(analysis.AddHazard(DemoIds.For($"hazard:{key}:{i}"), hazards[i]));
    }
}
