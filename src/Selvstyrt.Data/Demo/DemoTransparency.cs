using NodaTime;
using Selvstyrt.Domain.Quality;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's Transparency Act records (issue 20, part 7): six suppliers assessed in 2025 and 2026 (the glove supplier at high
/// risk with measures), information requests answered on time, refused, and one open (received 10 November 2026), and the
/// 2025 statement approved by the board on 20 May 2026.
/// </summary>
public static class DemoTransparency
{
    public sealed record Data(IReadOnlyList<Supplier> Suppliers, IReadOnlyList<InformationRequest> Requests, IReadOnlyList<TransparencyStatement> Statements);

    private sealed record Spec(string Key, string Name, string Number, string Supplies, string Country, (SupplierRisk Risk, string Findings, string Measures) Y2025,
        (SupplierRisk Risk, string Findings, string Measures) Y2026);

    private static readonly Spec[] Specs =
    [
        new("hansker", "Medisinsk Forbruk AS", "913456782", "Engangshansker og smittevernutstyr", "Malaysia",
            (SupplierRisk.High, "Bransjen har kjent risiko for tvangsarbeid og gjeldsslaveri ved hanskefabrikkene.", "Krav om tredjepartsrevisjon av fabrikken; plan for å bytte leverandør."),
            (SupplierRisk.Medium, "Revisjonen viste at rekrutteringsgebyrer er betalt tilbake til arbeiderne; oppfølging pågår.", "Ny revisjon før fornyelse av avtalen.")),
        new("hjelpemidler", "Nordisk Hjelpemiddel AS", "914567893", "Reservedeler til hjelpemidler", "Norge / Sverige",
            (SupplierRisk.Low, "Produksjon i Norden; egenerklæring og etiske retningslinjer mottatt.", ""),
            (SupplierRisk.Low, "Ingen endringer; egenerklæringen er fornyet.", "")),
        new("it", "Skyløft IT AS", "915678904", "Drift av IT og telefoner", "Norge",
            (SupplierRisk.Medium, "Telefonene produseres i Asia, der mineralutvinning kan ha risiko for barnearbeid.", "Kjøper brukte og refurbished telefoner; krav om sporbarhet."),
            (SupplierRisk.Medium, "Uendret risiko i leverandørkjeden for telefoner.", "Forlenger levetiden på telefonene fra tre til fire år.")),
        new("renhold", "Rent Kontor AS", "916789015", "Renhold av kontorene", "Norge",
            (SupplierRisk.Medium, "Renholdsbransjen har risiko for sosial dumping.", "Kontroll av HMS-kort og lønn etter allmenngjort tariff."),
            (SupplierRisk.Low, "Kontrollen viste ordnede forhold.", "")),
        new("kurs", "Kompetansehuset AS", "917890126", "Kurs i forflytning og respirator", "Norge",
            (SupplierRisk.Low, "Tjenester levert i Norge av ansatte med tariffavtale.", ""),
            (SupplierRisk.Low, "Ingen endringer.", "")),
        new("bil", "Bilpartner Leasing AS", "918901237", "Leasing av tilpassede biler", "Norge / Tyskland",
            (SupplierRisk.Medium, "Batterier i el-biler kan ha risiko i leverandørkjeden for kobolt.", "Krav om produsentens redegjørelse."),
            (SupplierRisk.Medium, "Produsentens redegjørelse mottatt; risikoen følges.", "Ny vurdering ved neste bilbytte.")),
    ];

    public static Data For(Guid providerId, string admin)
    {
        var suppliers = new List<Supplier>();
        foreach (var s in Specs)
        {
            var supplier = DemoData.Ok(Supplier.Register(DemoIds.For($"supplier:{s.Key}"), providerId, s.Name, s.Number, s.Supplies, s.Country, null));
            DemoData.Ok(supplier.Assess(DemoIds.For($"supplier-assessment:{s.Key}:2025"), 2025, s.Y2025.Risk, s.Y2025.Findings, s.Y2025.Measures, admin, new LocalDate(2025, 11, 15)));
            DemoData.Ok(supplier.Assess(DemoIds.For($"supplier-assessment:{s.Key}:2026"), 2026, s.Y2026.Risk, s.Y2026.Findings, s.Y2026.Measures, admin, new LocalDate(2026, 11, 2)));
            suppliers.Add(supplier);
        }

        var requests = new List<InformationRequest>();
        InformationRequest Request(string key, LocalDate received, string from, string question)
        {
            var r = DemoData.Ok(InformationRequest.Receive(DemoIds.For($"information-request:{key}"), providerId, received, from, question, received, null));
            requests.Add(r);
            return r;
        }
        DemoData.Ok(Request("2025-1", new LocalDate(2025, 9, 3), "Framtiden i våre hender", "Hvilke leverandører av engangshansker bruker dere, og hva har dere gjort med risikoen for tvangsarbeid?")
            .Respond("Vi bruker Medisinsk Forbruk AS, som kjøper fra en fabrikk i Malaysia. Vi har krevd en tredjepartsrevisjon og planlegger å bytte leverandør om revisjonen ikke viser bedring.",
                false, admin, new LocalDate(2025, 9, 17)));
        DemoData.Ok(Request("2026-1", new LocalDate(2026, 3, 2), "En assistent", "Har dere vurdert renholdsfirmaet som vasker kontorene?")
            .Respond("Ja. Vi kontrollerte HMS-kort og lønn i 2025 og fant ordnede forhold.", false, admin, new LocalDate(2026, 3, 13)));
        DemoData.Ok(Request("2026-2", new LocalDate(2026, 6, 8), "Konkurrent AS", "Send oss prisene og avtalevilkårene dere har med leverandørene.")
            .Respond("Kravet gjelder forretningshemmeligheter og ikke håndteringen av negative konsekvenser (åpenhetsloven § 7), og avslås.", true, admin, new LocalDate(2026, 6, 19)));
        Request("2026-3", new LocalDate(2026, 11, 10), "Journalist i Fagbladet", "Hvordan sikrer dere at bilene dere leaser, ikke inneholder kobolt fra gruver med barnearbeid?");

        var statement = DemoData.Ok(TransparencyStatement.Draft(DemoIds.For("transparency-statement:2025"), providerId, 2025, new LocalDate(2026, 4, 1), null));
        DemoData.Ok(statement.Write(
            "Demo Assistanse AS leverer brukerstyrt personlig assistanse (BPA) fra to kontorer, i Oslo og Akershus og i Bergen. Vi kjøper inn smittevernutstyr, reservedeler til hjelpemidler, IT, renhold, kurs og biler.",
            "Styret har vedtatt retningslinjer for ansvarlig næringsliv. Alle leverandører føres i et register og vurderes hvert år etter OECDs modell for aktsomhetsvurderinger: kartlegge, prioritere etter risiko, iverksette tiltak, følge opp og kommunisere. Krav om informasjon besvares skriftlig innen tre uker."));
        DemoData.Ok(statement.Approve(new LocalDate(2026, 5, 20), "Ingrid Berge (styreleder), Mona Sandvik (daglig leder)", new LocalDate(2026, 5, 20)));
        return new Data(suppliers, requests, [statement]);
    }
}
