using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.AccessRequests;

/// <summary>
/// quality.md S7, the access request: a person takes out everything Selvstyrt holds about them at once, as JSON (every
/// record about them, field by field, no secret) and a Norwegian PDF; an assistant sees their own work and nobody else's,
/// the recipient their arrangement and who has read it, and the administrator takes it out for an assistant without an
/// account, which the coordinator of another office cannot.
/// </summary>
public sealed class PersonalDataTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Secrets = ["passwordHash", "securityStamp", "tokenHash", "secretHash", "ticket", "hash", "previousHash"];

    [Theory, DatabaseData]
    public async Task AnAssistant_TakesOutEverythingAboutTheirWork_AndNothingOfAnyoneElse(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var (document, pdfTitle) = await DownloadAsync(client, "/api/v1/me/personal-data");

        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var me = await data.Users.SingleAsync(u => u.Email == DemoLogins.Assistant, Ct);
        var mine = await data.Assistants.Where(a => a.UserId == me.Id).Select(a => a.Id).ToListAsync(Ct);
        mine.ShouldNotBeEmpty();
        var sections = document["sections"]!.AsObject();
        Ids(sections, "assistants").ShouldBe(mine.Select(i => i.ToString()), ignoreOrder: true);
        Count(sections, "timeSheets").ShouldBe(await data.TimeSheets.CountAsync(s => mine.Contains(s.AssistantId), Ct));
        Count(sections, "timeEntries").ShouldBe(await data.TimeEntries.CountAsync(e => data.TimeSheets.Any(s => s.Id == e.SheetId && mine.Contains(s.AssistantId)), Ct));
        Count(sections, "planShifts").ShouldBe(await data.PlanShifts.CountAsync(s => s.AssistantId != null && mine.Contains(s.AssistantId.Value), Ct));
        Count(sections, "employments").ShouldBe(await data.Employments.CountAsync(e => mine.Contains(e.AssistantId), Ct));
        Count(sections, "planShifts").ShouldBeGreaterThan(0);
        foreach (var section in new[] { "timeSheets", "planShifts", "employments", "assistantCompetences", "talks" })
            foreach (var row in (JsonArray)sections[section]!)
                mine.Select(i => i.ToString()).ShouldContain((string)row!["assistantId"]!, $"{section} holds only her own rows");
        Count(sections, "arrangements").ShouldBe(0, "an assistant is not a recipient: no arrangement's decision or access log");
        document["person"]!["account"]!["email"]!.GetValue<string>().ShouldBe(DemoLogins.Assistant);
        NoSecrets(document);
        pdfTitle.ShouldBe($"Innsyn i personopplysninger – {me.DisplayName}");
    }

    [Theory, DatabaseData]
    public async Task TheRecipient_SeesTheirArrangement_TheDecisions_AndWhoHasReadTheirData(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var arrangement = DemoIds.For("arrangement:10").ToString();
        // A read by the administrator, so the access log has someone else's row in it.
        var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        (await admin.GetAsync($"/api/v1/arrangements/{arrangement}/hour-account", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (document, _) = await DownloadAsync(client, "/konto/mine-opplysninger.zip");

        var sections = document["sections"]!.AsObject();
        Ids(sections, "arrangements").ShouldContain(arrangement);
        Count(sections, "decisions").ShouldBeGreaterThan(0);
        var log = (JsonArray)sections["accessLog"]!;
        log.ShouldContain(r => (string)r!["arrangementId"]! == arrangement && (string)r["what"]! == "timekonto", "the administrator's read of the hour account");
        NoSecrets(document);
    }

    [Theory, DatabaseData]
    public async Task TheAdministrator_TakesItOutForAnAssistantWithoutAnAccount_ACoordinatorOfAnotherOfficeCannot(DatabaseKind db)
    {
        var factory = hosts.For(db);
        Guid assistant;
        int sheets;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            var east = DemoIds.For("office:ost");
            assistant = await data.Assistants.Where(a => a.UserId == null && a.OfficeId == east && data.TimeSheets.Any(s => s.AssistantId == a.Id))
                .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
            sheets = await data.TimeSheets.CountAsync(s => s.AssistantId == assistant, Ct);
        }
        var path = $"/api/v1/assistants/{assistant}/personal-data";
        (await (await factory.SignedInClientAsync(DemoLogins.CoordinatorWest)).GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await factory.SignedInClientAsync(DemoLogins.Assistant)).GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (document, _) = await DownloadAsync(await factory.SignedInClientAsync(DemoLogins.ProviderAdmin), path);

        document["person"]!["account"].ShouldBeNull();
        var sections = document["sections"]!.AsObject();
        Ids(sections, "assistants").ShouldBe([assistant.ToString()]);
        Count(sections, "timeSheets").ShouldBe(sheets);
        Count(sections, "providerGrants").ShouldBe(0, "no account, so no roles: and never the administrator's own");
    }

    private static async Task<(JsonObject Document, string PdfTitle)> DownloadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        JsonObject document;
        using (var json = zip.GetEntry("personopplysninger.json")!.Open()) document = JsonNode.Parse(json)!.AsObject();
        using var pdf = new MemoryStream();
        using (var read = zip.GetEntry("innsyn.pdf")!.Open()) await read.CopyToAsync(pdf, Ct);
        using var opened = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf.ToArray()), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        opened.PageCount.ShouldBeGreaterThan(0);
        return (document, opened.Info.Title);
    }

    private static int Count(JsonObject sections, string name) => ((JsonArray)sections[name]!).Count;

    private static IEnumerable<string> Ids(JsonObject sections, string name) => ((JsonArray)sections[name]!).Select(r => (string)r!["id"]!);

    /// <summary>No password hash, security stamp, feed token, session ticket or chain hash, in any row or owned row.</summary>
    private static void NoSecrets(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                Secrets.ShouldNotContain(key, $"«{key}» left the system");
                NoSecrets(value);
            }
        }
        else if (node is JsonArray list) foreach (var item in list) NoSecrets(item);
    }
}
