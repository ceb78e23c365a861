using NodaTime;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's HMS, internal control and annual wheel (issue 20, parts 2, 5 and 6): four handbook documents (one in its second version,
/// which the demo assistant has confirmed and the substitute has not), a signed workplace mapping of Even's arrangement with one open
/// measure, an action-plan measure answering a low work-environment score, last year's closed audit and this year's held one with a
/// deviation still open, and every arrangement's wheel for this year and next with this year's done so far (Even's arrangement is behind on the autumn's).
/// </summary>
public static class DemoHms
{
    public sealed record Result(IReadOnlyList<HandbookDocument> Documents, IReadOnlyList<ReadConfirmation> Confirmations, WorkplaceMapping Mapping, PlanMeasure Measure,
        IReadOnlyList<Audit> Audits);

    public static Result For(Guid providerId, Guid eastOffice, Guid evenArrangement, Guid workSurvey2026, string admin, string coordinator, string leader, Guid assistantUser,
        Guid substituteUser)
    {
        var published = new LocalDate(2025, 1, 10);
        HandbookDocument Doc(string key, string section, string title, string text)
            => DemoData.Ok(HandbookDocument.Write(DemoIds.For($"handbook:{key}"), providerId, section, title, text, admin, published, null));
        var incidents = Doc("avvik", "Avvik", "Slik melder du avvik",
            "Meld alle skader, nestenulykker, vold og trusler, feil med medisiner eller utstyr og brudd på personvernet i Selvstyrt under «Avvik» så snart du kan, helst samme vakt.\n\n"
            + "Beskriv hva som skjedde, når og hvor, og hva du gjorde med en gang. Du kan be om å være anonym for ordningen; arbeidsgiveren ser alltid hvem som meldte.\n\n"
            + "Arbeidslederen følger opp avviket sammen med kontoret. Alvorlige skader varsles Arbeidstilsynet og politiet straks (arbeidsmiljøloven § 5-2).");
        var transfer = Doc("forflytning", "Forflytning", "Trygg forflytning",
            "Bruk alltid takheis eller glidelaken der det finnes. Løft aldri alene det som krever to.\n\nNye assistenter får opplæring av arbeidslederen før de forflytter alene.");
        DemoData.Ok(transfer.Publish("Forflytning", "Trygg forflytning",
            "Bruk alltid takheis eller glidelaken der det finnes. Løft aldri alene det som krever to.\n\nNye assistenter får opplæring av arbeidslederen før de forflytter alene.\n\n"
            + "Sjekk seil og heis før bruk, og meld feil som avvik med en gang.", "Nytt avsnitt om å sjekke seil og heis før bruk.", admin, new LocalDate(2026, 3, 2)));
        var fire = Doc("brann", "Brannvern", "Brannvern i hjemmet",
            "Vit hvor brannvarsler, slukkeutstyr og rømningsvei er. Ved brann: varsle, redde, slokke — i den rekkefølgen. Ring 110.");
        var hygiene = Doc("smittevern", "Smittevern", "Hygiene og smittevern",
            "Vask hendene før og etter stell. Bruk hansker ved kontakt med kroppsvæsker. Hold deg hjemme ved oppkast eller diaré til 48 timer etter siste symptom.");
        var confirmedAt = Instant.FromUtc(2026, 3, 5, 12, 0);
        ReadConfirmation[] confirmations =
        [
            ReadConfirmation.Confirm(incidents.Id, 1, assistantUser, confirmedAt),
            ReadConfirmation.Confirm(transfer.Id, 2, assistantUser, confirmedAt),
            ReadConfirmation.Confirm(fire.Id, 1, assistantUser, confirmedAt),
            ReadConfirmation.Confirm(transfer.Id, 1, substituteUser, Instant.FromUtc(2025, 2, 1, 12, 0)),
            ReadConfirmation.Confirm(incidents.Id, 1, substituteUser, Instant.FromUtc(2025, 2, 1, 12, 0)),
        ];

        var mapping = DemoData.Ok(WorkplaceMapping.Start(DemoIds.For("mapping:10:2026"), providerId, eastOffice, evenArrangement, 2026, new LocalDate(2026, 4, 1), null));
        foreach (var item in mapping.Items.ToList())
        {
            var (answer, text, owner, due) = item.Key switch
            {
                "forflytning" => (MappingAnswer.NeedsMeasure, "Nytt glidelaken og service på takheisen", leader, (LocalDate?)new LocalDate(2026, 12, 15)),
                "hvile" => (MappingAnswer.NeedsMeasure, "Egen stol og skap til assistentene i gjesterommet", leader, new LocalDate(2026, 6, 1)),
                "dyr" => (MappingAnswer.NotRelevant, "", "", null),
                _ => (MappingAnswer.Ok, "", "", null),
            };
            DemoData.Ok(mapping.Answer(item.Id, answer, "", text, owner, due));
        }
        DemoData.Ok(mapping.CompleteMeasure(mapping.Items.First(i => i.Key == "hvile").Id, new LocalDate(2026, 5, 20)));
        DemoData.Ok(mapping.Sign(leader, new LocalDate(2026, 4, 14), "Arbeidsleder, fire assistenter og verneombud"));

        var measure = DemoData.Ok(PlanMeasure.Write(DemoIds.For("plan-measure:arbeidstid"), providerId, eastOffice, workSurvey2026, "arbeidstid",
            "Tilby fast turnus med lengre fri mellom vaktene i døgnordningene", coordinator, new LocalDate(2027, 3, 1), new LocalDate(2026, 10, 1), null));

        var last = DemoData.Ok(Audit.Plan(DemoIds.For("audit:2025:arbeidstid"), providerId, QualityScope.Office, eastOffice, eastOffice,
            new AuditPlanInput("Arbeidstid i døgnordningene", "Arbeidstid", "Arbeidsmiljøloven kapittel 10 og særavtalen for BPA", new LocalDate(2025, 10, 15), admin),
            new LocalDate(2025, 1, 20), null));
        DemoData.Ok(last.Conduct(new LocalDate(2025, 10, 15), "Gjennomgått arbeidsplaner og timelister for tre døgnordninger, juli-september.", new LocalDate(2025, 10, 15)));
        var finding = DemoData.Ok(last.AddFinding(DemoIds.For("finding:2025:hvile"), FindingKind.Deviation, "To vakter uten 11 timers hvile etter nattevakt i august.",
            "AML § 10-8 (1)"));
        var fix = DemoData.Ok(last.AddMeasure(finding.Id, DemoIds.For("finding-measure:2025:hvile"), "Planene sjekkes i Selvstyrt før publisering", coordinator,
            new LocalDate(2025, 12, 1), new LocalDate(2025, 10, 15)));
        DemoData.Ok(last.CompleteMeasure(finding.Id, fix.Id, new LocalDate(2025, 11, 20)));
        DemoData.Ok(last.Close(admin, new LocalDate(2025, 12, 2), "Avviket er rettet; ny kontroll i 2026."));

        var now = DemoData.Ok(Audit.Plan(DemoIds.For("audit:2026:personvern"), providerId, QualityScope.Arrangement, evenArrangement, eastOffice,
            new AuditPlanInput("Personvern i ordningen", "Personvern", "Personopplysningsloven og rutinen for taushetsplikt", new LocalDate(2026, 10, 20), coordinator),
            new LocalDate(2026, 1, 20), null));
        DemoData.Ok(now.Conduct(new LocalDate(2026, 10, 20), "Gått gjennom hvor helseopplysninger oppbevares i hjemmet, og taushetserklæringene.", new LocalDate(2026, 10, 20)));
        var paper = DemoData.Ok(now.AddFinding(DemoIds.For("finding:2026:perm"), FindingKind.Deviation, "Medisinlista med diagnoser henger synlig på kjøleskapet.",
            "Rutine for taushetsplikt"));
        DemoData.Ok(now.AddMeasure(paper.Id, DemoIds.For("finding-measure:2026:perm"), "Flytt medisinlista inn i låst skap", leader, new LocalDate(2026, 12, 1),
            new LocalDate(2026, 10, 20)));
        DemoData.Ok(now.AddFinding(DemoIds.For("finding:2026:taushet"), FindingKind.Observation, "To nye vikarer hadde signert taushetserklæring først etter første vakt.",
            ""));
        var planned = DemoData.Ok(Audit.Plan(DemoIds.For("audit:2026:opplaering"), providerId, QualityScope.Provider, providerId, null,
            new AuditPlanInput("Opplæring av nye assistenter", "Opplæring", "Rutine for opplæring", new LocalDate(2026, 12, 10), admin), new LocalDate(2026, 1, 20), null));

        return new Result([incidents, transfer, fire, hygiene], confirmations, mapping, measure, [last, now, planned]);
    }

    /// <summary>
    /// This year's and next year's wheel for every arrangement: this year's tasks due before 20 November are done, except in
    /// <paramref name="behind"/>, where the autumn's (advertising, the Christmas plan) are still open and late.
    /// </summary>
    public static IEnumerable<WheelTask> Wheel(IEnumerable<(Guid Id, Guid OfficeId, LocalDate Start, LocalDate? End)> arrangements, Guid providerId, string leader, Guid behind)
    {
        foreach (var a in arrangements)
        {
            foreach (var year in new[] { 2026, 2027 })
            {
                foreach (var task in WheelTask.Generate(providerId, a.OfficeId, a.Id, year, a.Start, a.End))
                {
                    var doneBefore = a.Id == behind ? new LocalDate(2026, 9, 1) : new LocalDate(2026, 11, 20);
                    if (task.DueOn < doneBefore) DemoData.Ok(task.Complete(leader, task.DueOn.PlusDays(-3), null));
                    yield return task;
                }
            }
        }
    }
}
