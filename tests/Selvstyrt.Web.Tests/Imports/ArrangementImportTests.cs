using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Imports;

/// <summary>
/// Issue 16's arrangement import on both engines: a file with bad rows saves nothing and names each row, column and why in
/// Norwegian; the fixed file adds the arrangements with their recipients; the same file again changes nothing; a later
/// file ends one; an arrangement is not moved by a file; and the page's three steps do the same.
/// </summary>
public sealed class ArrangementImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "Tjenestemottaker;Fødselsdato;Kommune;Arbeidsgiver;Startdato;Sluttdato\r\n";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + string.Join("\r\n", rows) + "\r\n");

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, bool commit)
        => ApiCalls.UploadAsync(client, "/api/v1/arrangement-imports", file, "ordninger.csv", new Dictionary<string, string> { ["commit"] = commit ? "true" : "false" }, ct: Ct);

    private static string PathOf(HttpResponseMessage redirect)
        => redirect.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : redirect.Headers.Location!.ToString();

    private static async Task<T> QueryAsync<T>(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>());
    }

    [Theory, DatabaseData]
    public async Task BadRows_SaveNothing_TheFixedFileAddsArrangementsWithRecipients_AgainChangesNothing_AndALaterFileEndsOne(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var before = await QueryAsync(factory, d => d.Arrangements.CountAsync(Ct));
        var good = new[] { "Nora Nyberg;14.03.1985;0301;leverandøren;01.01.2027;", "Per Pettersen;1990-07-01;Bærum;kommunen;2027-02-01;" };

        using var bad = await ImportAsync(east, Csv([.. good, "Siri Solberg;31.02.1980;Trondheim;;01.01.2027;", "Tor Tveit;01.01.1970;0301;naboen;01.01.2027;01.12.2026"]), commit: true);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.GetProperty("rad 4 – Fødselsdato")[0].GetString().ShouldBe("«31.02.1980» er ikke en dato. Skriv den som dd.mm.åååå, for eksempel 01.02.2026.");
        errors.GetProperty("rad 4 – Kommune")[0].GetString()!.ShouldStartWith("Fant ikke kommunen «Trondheim» blant kommunene dere har avtale med");
        errors.GetProperty("rad 5 – Arbeidsgiver")[0].GetString()!.ShouldStartWith("Ukjent arbeidsgiver «naboen»");
        errors.GetProperty("rad 5 – Sluttdato")[0].GetString().ShouldBe("Ordningen kan ikke slutte før den begynte.");
        (await QueryAsync(factory, d => d.Arrangements.CountAsync(Ct))).ShouldBe(before, "one bad row and nothing is saved");

        using var fixedFile = await ImportAsync(east, Csv(good), commit: true);
        fixedFile.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedFile.Content.ReadAsStringAsync(Ct));
        (await fixedFile.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("new").GetInt32().ShouldBe(2);
        var nora = await QueryAsync(factory, d => d.Arrangements.Where(a => d.Recipients.Any(r => r.Id == a.RecipientId && r.FullName == "Nora Nyberg"))
            .Select(a => new { a.Id, a.Name, a.OfficeId, a.EmployerModel, a.StartDate, a.EndDate }).SingleAsync(Ct));
        nora.Name.ShouldBe("Ordningen til Nora");
        nora.OfficeId.ShouldBe(DemoIds.For("office:ost"), "the coordinator's only office");
        nora.EmployerModel.ShouldBe(EmployerModel.Provider);
        nora.StartDate.ShouldBe(new LocalDate(2027, 1, 1));
        (await QueryAsync(factory, d => d.Arrangements.Where(a => d.Recipients.Any(r => r.Id == a.RecipientId && r.FullName == "Per Pettersen")).Select(a => a.EmployerModel).SingleAsync(Ct)))
            .ShouldBe(EmployerModel.Municipality);
        (await east.GetAsync($"/api/v1/arrangements/{nora.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await QueryAsync(factory, d => d.AuditEntries.CountAsync(Ct));
        using var again = await ImportAsync(east, Csv(good), commit: true);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (second.GetProperty("new").GetInt32(), second.GetProperty("changed").GetInt32(), second.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 2));
        (await QueryAsync(factory, d => d.Arrangements.CountAsync(Ct))).ShouldBe(before + 2);
        (await QueryAsync(factory, d => d.Recipients.CountAsync(r => r.FullName == "Nora Nyberg", Ct))).ShouldBe(1);
        (await QueryAsync(factory, d => d.AuditEntries.CountAsync(Ct))).ShouldBe(audit, "a re-import writes nothing");

        // Later: Nora's arrangement ends; a file may not move Per's to another municipality.
        using var later = await ImportAsync(east, Csv("nora  nyberg;14.03.1985;0301;leverandøren;01.01.2027;30.06.2027", "Per Pettersen;1990-07-01;0301;kommunen;2027-02-01;"), commit: true);
        later.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await later.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("rad 3 – Kommune")[0].GetString()!.ShouldContain("En ordning flyttes i Selvstyrt");
        using var ended = await ImportAsync(east, Csv("nora  nyberg;14.03.1985;0301;leverandøren;01.01.2027;30.06.2027", good[1]), commit: true);
        var endedReport = await ended.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (endedReport.GetProperty("changed").GetInt32(), endedReport.GetProperty("unchanged").GetInt32()).ShouldBe((1, 1));
        (await QueryAsync(factory, d => d.Arrangements.Where(a => a.Id == nora.Id).Select(a => a.EndDate).SingleAsync(Ct))).ShouldBe(new LocalDate(2027, 6, 30));
    }

    [Theory, DatabaseData]
    public async Task Page_UploadChooseColumnsPreviewImport_AndOnlyManagersImport(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var csv = Encoding.UTF8.GetBytes("Navn;Født;Kommunenr;Kontor;Oppstart\r\nRagnhild Rød;02.02.1977;4601;Kontor Vest (Bergen);01.03.2027\r\n");

        using var byLeader = await ImportAsync(leader, csv, commit: false);
        byLeader.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var token = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct)).GetProperty("token").GetString()!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("last-opp"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "Upload", "ordninger.csv" },
        };
        using var uploaded = await admin.PostAsync("/ordninger/import", upload, Ct);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mappingPage = PathOf(uploaded);
        mappingPage.ShouldStartWith("/ordninger/import?fil=");
        var page = System.Net.WebUtility.HtmlDecode(await Html.GetAsync(admin, mappingPage, Ct));
        page.ShouldContain("ordninger.csv: 1 rader og 5 kolonner.");
        page.ShouldContain("<option value=\"Kommunenr\" selected");

        var form = new Dictionary<string, string>
        {
            ["Map[recipientName]"] = "Navn", ["Map[recipientBirthDate]"] = "Født", ["Map[municipality]"] = "Kommunenr", ["Map[office]"] = "Kontor", ["Map[startDate]"] = "Oppstart",
        };
        using var preview = await SelvstyrtFactory.PostFormAsync(admin, mappingPage, "kolonner", new Dictionary<string, string>(form) { ["Step"] = "preview" });
        System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Ct)).ShouldContain("Filen er riktig.");
        (await QueryAsync(factory, d => d.Recipients.CountAsync(r => r.FullName == "Ragnhild Rød", Ct))).ShouldBe(0, "a preview saves nothing");
        using var commit = await SelvstyrtFactory.PostFormAsync(admin, mappingPage, "kolonner", new Dictionary<string, string>(form) { ["Step"] = "commit" });
        commit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PathOf(commit).ShouldBe("/ordninger/import?importert=1");
        (await QueryAsync(factory, d => d.Arrangements.CountAsync(a => a.Name == "Ordningen til Ragnhild" && a.OfficeId == DemoIds.For("office:vest"), Ct))).ShouldBe(1);
    }
}
