using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Testing;
using Selvstyrt.Web.Tests.Users;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Transfers;

/// <summary>
/// Issue 22, item 4, through the API as the two administrators use it: the old provider's administrator (and nobody else)
/// takes the 24/7 demo arrangement out; the new provider, on an installation of its own running the other database engine,
/// refuses bad files with Norwegian messages naming the field and stores nothing, takes the good one in once (the same file
/// again changes nothing), mails the work leader a link to choose a password, and its work leader then reads the same hour
/// account as before; the October time sheets that came along stay out of the new provider's payroll. Then the arrangement
/// goes back: what each provider gives out equals what it took in, every row of every section, field by field, once the
/// new identifiers (derived from the receiving provider, the file and the old one) are read back.
/// </summary>
public sealed class TransferJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task OldAdministratorTakesItOut_NewProviderTakesItInOnce_WorkLeaderCarriesOn_AndItComesBackUnchanged(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var a = Hosts.Fresh(db);
        var settings = smtp.Settings();
        settings["Demo:Seed"] = "false";
        await using var b = Hosts.Fresh(db == DatabaseKind.Sqlite ? DatabaseKind.Postgres : DatabaseKind.Sqlite, settings);
        var arrangement = DemoIds.For("arrangement:10");
        var path = $"/api/v1/arrangements/{arrangement}/bundle";

        // Only the old provider's administrator takes it out: not the coordinator who follows it up, nor one of another office.
        (await (await a.SignedInClientAsync(DemoLogins.CoordinatorEast)).GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await a.SignedInClientAsync(DemoLogins.CoordinatorWest)).GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var oldAdmin = await a.SignedInClientAsync(DemoLogins.ProviderAdmin);
        using var download = await oldAdmin.GetAsync(path, Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK, await download.Content.ReadAsStringAsync(Ct));
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("ordningspakke-");
        var bundle = await download.Content.ReadAsByteArrayAsync(Ct);
        using (var zip = new ZipArchive(new MemoryStream(bundle)))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            names.ShouldContain("arrangement.json");
            names.ShouldContain("LES-MEG.txt");
            names.ShouldContain("skjema/arrangement-bundle-v1.schema.json");
            names.ShouldContain("lesbar/oversikt.pdf");
            names.Count(n => n.StartsWith("lesbar/timelister/", StringComparison.Ordinal)).ShouldBe(16, "every October sheet as appendix 2");
            names.Count(n => n.StartsWith("dokumenter/decisionDocuments/", StringComparison.Ordinal)).ShouldBe(2, "both decision letters");
            foreach (var pdf in zip.Entries.Where(e => e.FullName.EndsWith(".pdf", StringComparison.Ordinal)))
            {
                using var s = pdf.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(copy.ToArray()), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
                read.PageCount.ShouldBeGreaterThan(0, pdf.FullName);
                if (pdf.FullName == "lesbar/oversikt.pdf") read.Info.Title.ShouldBe("Ordningspakke – Ordningen til Even");
            }
        }
        using (var scope = a.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.AccessLog.CountAsync(l => l.ArrangementId == arrangement && l.What.Contains("ordningspakke"), Ct)).ShouldBe(1, "taking it out is a read of everything, logged once");
        }

        // The new provider, on an empty installation.
        Guid providerB;
        using (var scope = b.Services.CreateScope())
        {
            var created = await ProviderSetup.CreateAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                b.Clock, new ProviderSetup.Request("Fjordassistanse AS", "912 345 688", "ada@fjord.test", "Ada Admin"), "https://localhost", mailConfigured: true, Ct);
            providerB = created.Value!.ProviderId;
        }
        var admin = await PasswordLinkMail.ChoosePasswordAsync(b, smtp, "ada@fjord.test", "ada sitt passord");
        using var officeResponse = await ApiCalls.PostJsonAsync(admin, "/api/v1/offices", new { name = "Kontor Fjord", region = "Vestland" }, "kontor", Ct);
        var office = (await officeResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ToString();
        var fields = new Dictionary<string, string> { ["officeId"] = office, ["firstDay"] = "2026-12-01" };

        // Bad files and fields: a Norwegian message naming the field, and nothing stored.
        (await ErrorsOf(admin, bundle, new Dictionary<string, string>(fields) { ["firstDay"] = "2026-12-15" })).GetProperty("firstDay")[0].GetString()!.ShouldContain("første dagen i en måned");
        (await ErrorsOf(admin, Encoding.UTF8.GetBytes("ikke en zip"), fields)).GetProperty("file")[0].GetString()!.ShouldContain("ZIP");
        (await ErrorsOf(admin, Tampered(bundle, d => d["sections"]!["decisions"]![0]!["hoursPerWeek"] = "mange"), fields))
            .GetProperty("sections.decisions[0].hoursPerWeek")[0].GetString()!.ShouldContain("et tall");
        (await ErrorsOf(admin, Tampered(bundle, d => d["formatVersion"] = 2), fields)).GetProperty("formatVersion")[0].GetString()!.ShouldContain("versjon 1");
        (await ErrorsOf(admin, bundle, new Dictionary<string, string>(fields) { ["officeId"] = Guid.NewGuid().ToString() })).GetProperty("officeId")[0].GetString()!.ShouldContain("Kontoret");
        await CountsAsync(b, arrangements: 0);

        // Taken in once; the same file again answers with the same arrangement and adds nothing.
        using var taken = await ApiCalls.UploadAsync(admin, "/api/v1/arrangement-bundles", bundle, "ordningspakke.zip", fields, ct: Ct);
        taken.StatusCode.ShouldBe(HttpStatusCode.Created, await taken.Content.ReadAsStringAsync(Ct));
        var body = await taken.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var moved = body.GetProperty("arrangementId").GetGuid();
        body.GetProperty("newAccounts").EnumerateArray().Select(e => e.GetString()).ShouldContain(DemoLogins.WorkLeader);
        var rows = await CountsAsync(b, arrangements: 1);
        using var again = await ApiCalls.UploadAsync(admin, "/api/v1/arrangement-bundles", bundle, "ordningspakke.zip", fields, ct: Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        repeated.GetProperty("alreadyImported").GetBoolean().ShouldBeTrue();
        repeated.GetProperty("arrangementId").GetGuid().ShouldBe(moved);
        repeated.GetProperty("rows").GetInt32().ShouldBe(body.GetProperty("rows").GetInt32(), "the rows the first time");
        (await CountsAsync(b, arrangements: 1)).ShouldBe(rows, "a second time stores nothing");
        var received = await admin.GetFromJsonAsync<JsonElement>("/api/v1/arrangement-bundles", Ct);
        received.GetArrayLength().ShouldBe(1);
        received[0].GetProperty("fromProvider").GetString().ShouldBe(DemoSeeder.ProviderName);
        received[0].GetProperty("at").GetString().ShouldBe("2026-11-23T09:00:00Z", "the record of the takeover is stamped by the app's clock");

        // The work leader gets a link to choose a password, and reads the hour account the old provider showed.
        var leader = await PasswordLinkMail.ChoosePasswordAsync(b, smtp, DemoLogins.WorkLeader, "even sitt nye passord");
        var before = await oldAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{arrangement}/hour-account", Ct);
        var after = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/arrangements/{moved}/hour-account", Ct);
        foreach (var field in new[] { "hoursPerWeek", "runRatePerWeek", "current", "weeks", "hasPublishedPlan" })
            JsonElement.DeepEquals(after.GetProperty(field), before.GetProperty(field)).ShouldBeTrue($"{field}: {after.GetProperty(field)} for {before.GetProperty(field)}");

        // October's attested sheets came along as history, but they are the old provider's payroll.
        using (var scope = b.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.TimeSheets.CountAsync(s => s.ArrangementId == moved && s.State == Domain.TimeSheets.SheetState.Attested, Ct)).ShouldBeGreaterThan(0);
        }
        using var payroll = await ApiCalls.PostJsonAsync(admin, $"/api/v1/providers/{providerB}/payroll-exports", new { month = "2026-10-01", format = "generisk" }, "oktober", Ct);
        (await ApiCalls.ErrorsAsync(payroll, Ct)).GetProperty("sheets")[0].GetString()!.ShouldContain("Ingen attesterte timelister");

        // The new provider gives out what it took in; taken back in by the old provider, it gives out the same again.
        var first = Read(bundle);
        foreach (var section in new[] { "recipients", "decisions", "decisionDocuments", "shiftTemplates", "planShifts", "timeSheets", "timeEntries", "sheetTransitions",
                     "incidents", "riskAnalyses", "talks", "assistants", "employments", "assistantCompetences", "employmentContracts", "policeCertificates" })
            ((JsonArray)first.Document["sections"]![section]!).Count.ShouldBeGreaterThan(0, $"the demo arrangement has {section}, so the round trip compares them");
        var secondFile = await DownloadAsync(admin, moved);
        var second = Read(secondFile);
        Same(first, second, providerB, first.Sha256);
        var back = await TakeInAsync(oldAdmin, secondFile, DemoIds.For("office:ost"), "2027-01-01");
        var third = Read(await DownloadAsync(oldAdmin, back));
        Same(second, third, DemoSeeder.ProviderId, second.Sha256);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, Guid arrangement)
    {
        using var response = await client.GetAsync($"/api/v1/arrangements/{arrangement}/bundle", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<Guid> TakeInAsync(HttpClient client, byte[] file, Guid office, string firstDay)
    {
        using var response = await ApiCalls.UploadAsync(client, "/api/v1/arrangement-bundles", file, "ordningspakke.zip",
            new Dictionary<string, string> { ["officeId"] = office.ToString(), ["firstDay"] = firstDay }, ct: Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("arrangementId").GetGuid();
    }

    private static Web.Features.Transfers.ReadBundle Read(byte[] file)
    {
        var read = Web.Features.Transfers.BundleArchive.Read(file);
        read.Error.ShouldBeNull();
        return read.Value!;
    }

    /// <summary>
    /// Every section of <paramref name="after"/> (given out by the receiver) equals <paramref name="before"/>'s once its
    /// identifiers are read back: a row's new identifier is derived from the receiving provider, the file's SHA-256 and the
    /// old one; the provider is the receiver; a municipality is matched by number, a person by e-mail, a competence kind by
    /// name. The office is the one exception: the receiver chooses the office that follows the arrangement up and
    /// everything goes there (at the demo provider an assistant may belong to another office than the arrangement), so every
    /// office reads as the same placeholder.
    /// </summary>
    private static void Same(Web.Features.Transfers.ReadBundle before, Web.Features.Transfers.ReadBundle after, Guid receiver, string sha)
    {
        var back = new Dictionary<Guid, Guid>();
        var expected = (JsonObject)before.Document["sections"]!;
        foreach (var row in expected.SelectMany(s => ((JsonArray)s.Value!).OfType<JsonObject>()))
            foreach (var id in KeysOf(row)) back[Web.Features.Transfers.BundleImport.Derive(receiver, sha, id)] = id;
        var was = before.Document["references"]!;
        var now = after.Document["references"]!;
        back[Guid.Parse((string)now["providers"]![0]!["id"]!)] = Guid.Parse((string)was["providers"]![0]!["id"]!);
        Match(was, now, "municipalities", "number", back);
        Match(was, now, "people", "email", back);
        Match(was, now, "competenceKinds", "name", back);
        var offices = ((JsonArray)was["offices"]!).Concat((JsonArray)now["offices"]!).Select(o => Guid.Parse((string)o!["id"]!)).ToList();
        foreach (var office in offices) back[office] = Guid.Empty;
        var want = (JsonObject)Rewrite(expected.DeepClone(), offices.ToDictionary(o => o, _ => Guid.Empty))!;
        var got = (JsonObject)Rewrite(after.Document["sections"]!.DeepClone(), back)!;
        foreach (var (name, rows) in want)
        {
            var w = Sorted((JsonArray)rows!);
            var g = Sorted((JsonArray)got[name]!);
            g.Count.ShouldBe(w.Count, $"rows of {name}");
            for (var i = 0; i < w.Count; i++)
                g[i]!.ToJsonString().ShouldBe(w[i]!.ToJsonString(), $"row {i} of {name}");
        }
    }

    private static IEnumerable<Guid> KeysOf(JsonObject row)
    {
        if ((string?)row["id"] is { } text && Guid.TryParse(text, out var id)) yield return id;
        foreach (var list in row.Select(p => p.Value).OfType<JsonArray>())
            foreach (var inner in list.OfType<JsonObject>().SelectMany(KeysOf)) yield return inner;
    }

    /// <summary>The records of a kind in <c>references</c>, before and after, paired by <paramref name="by"/>.</summary>
    private static void Match(JsonNode was, JsonNode now, string kind, string by, Dictionary<Guid, Guid> back)
    {
        foreach (var item in (JsonArray)now[kind]!)
        {
            var key = (string)item![by]!;
            var old = ((JsonArray)was[kind]!).Single(o => string.Equals((string)o![by]!, key, StringComparison.OrdinalIgnoreCase));
            back[Guid.Parse((string)item["id"]!)] = Guid.Parse((string)old!["id"]!);
        }
    }

    private static List<JsonNode?> Sorted(JsonArray rows) => rows.OrderBy(r => (string?)r!["id"] ?? r!.ToJsonString(), StringComparer.Ordinal).ToList();

    private static readonly System.Text.RegularExpressions.Regex GuidText = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static JsonNode? Rewrite(JsonNode? node, Dictionary<Guid, Guid> back) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Rewrite(p.Value?.DeepClone(), back)))),
        // Owned rows (a risk analysis's hazards) come in the order of their identifiers, which are new at every provider.
        JsonArray list => new JsonArray(list.Select(i => Rewrite(i?.DeepClone(), back)).OrderBy(i => i is JsonObject o ? (string?)o["id"] : null, StringComparer.Ordinal).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(GuidText.Replace(text, m => back.TryGetValue(Guid.Parse(m.Value), out var to) ? to.ToString() : m.Value)),
        _ => node,
    };

    private static async Task<JsonElement> ErrorsOf(HttpClient client, byte[] file, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await ApiCalls.UploadAsync(client, "/api/v1/arrangement-bundles", file, "ordningspakke.zip", fields, ct: Ct);
        return await ApiCalls.ErrorsAsync(response, Ct);
    }

    /// <summary>The bundle with its <c>arrangement.json</c> changed by <paramref name="change"/>.</summary>
    private static byte[] Tampered(byte[] bundle, Action<JsonObject> change)
    {
        using var source = new ZipArchive(new MemoryStream(bundle));
        using var target = new MemoryStream();
        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                var bytes = copy.ToArray();
                if (entry.FullName == "arrangement.json")
                {
                    var document = JsonNode.Parse(bytes)!.AsObject();
                    change(document);
                    bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
                }
                using var write = zip.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }
        return target.ToArray();
    }

    /// <summary>How many rows the installation holds in the tables an import writes; the arrangements counted against <paramref name="arrangements"/>.</summary>
    private static async Task<int> CountsAsync(SelvstyrtFactory factory, int arrangements)
    {
        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        (await data.Arrangements.CountAsync(Ct)).ShouldBe(arrangements);
        return await data.Recipients.CountAsync(Ct) + await data.Assistants.CountAsync(Ct) + await data.Decisions.CountAsync(Ct) + await data.WorkPlans.CountAsync(Ct)
            + await data.TimeSheets.CountAsync(Ct) + await data.Incidents.CountAsync(Ct) + await data.Users.CountAsync(Ct) + await data.CompetenceKinds.CountAsync(Ct);
    }
}
