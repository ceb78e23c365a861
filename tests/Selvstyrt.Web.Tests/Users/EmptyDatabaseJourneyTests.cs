using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>
/// Issue 16's «done when», through the API on both engines: from an empty database (no demo data) to a published plan and
/// a month's payroll file, touching neither the database nor the seed. The provider and its administrator come from the
/// command line's setup, every password from a mail read off the SMTP server, the assistants from an imported file.
/// </summary>
public sealed class EmptyDatabaseJourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBeInRange(200, 299, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> CallAsync(HttpClient client, HttpMethod method, string path, object? body = null, int? revision = null, string? key = null)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery", Ct);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (revision is { } r) request.Headers.TryAddWithoutValidation("If-Match", $"\"{r}\"");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        using var response = await (client.SendAsync(request, Ct));
        return await OkAsync(response);
    }

    [Theory, DatabaseData]
    public async Task EmptyDatabase_ToAPublishedPlan_AndAMonthsPayrollFile(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        var settings = new Dictionary<string, string?>(smtp.Settings()) { ["Demo:Seed"] = "false" };
        await using var factory = Hosts.Fresh(db, settings);
        Guid providerId;
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Providers.CountAsync(Ct)).ShouldBe(0, "the database starts empty");
            var created = await ProviderSetup.CreateAsync(data, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), factory.Clock,
                new ProviderSetup.Request("Fjordassistanse AS", "912 345 688", "ada@fjord.test", "Ada Admin"), "https://localhost", mailConfigured: true, Ct);
            providerId = created.Value!.ProviderId;
        }
        var admin = await PasswordLinkMail.ChoosePasswordAsync(factory, smtp, "ada@fjord.test", "ada sitt passord");

        // The organisation, the first arrangement and its work leader.
        var office = (await CallAsync(admin, HttpMethod.Post, "/api/v1/offices", new { name = "Kontor Fjord", region = "Vestland" }, key: "kontor")).GetProperty("id").GetGuid();
        var municipality = (await CallAsync(admin, HttpMethod.Post, "/api/v1/municipalities",
            new { number = "4601", name = "Bergen", hourlyRate = 512.5m, validFrom = "2026-11-01" }, key: "bergen")).GetProperty("municipalityId").GetGuid();
        var arrangement = (await CallAsync(admin, HttpMethod.Post, "/api/v1/arrangements", new
        {
            officeId = office, municipalityId = municipality, recipientName = "Nora Nyberg", recipientBirthDate = "1990-05-01", employerModel = "Provider", startDate = "2026-11-30",
        }, key: "nora")).GetProperty("id").GetGuid();
        await CallAsync(admin, HttpMethod.Post, "/api/v1/invitations", new { email = "nora@fjord.test", name = "Nora Nyberg", role = "WorkLeader", scopeId = arrangement }, key: "leder");
        var leader = await PasswordLinkMail.ChoosePasswordAsync(factory, smtp, "nora@fjord.test", "nora sitt passord");

        // Two assistants from the payroll system's file, the first with a sign-in of her own.
        var csv = "Ansattnummer;Navn;E-post;Startdato;Stillingsprosent;Timelønn;Ordning\r\n"
            + "101;Siri Fjell;siri@fjord.test;30.11.2026;60;245,50;Ordningen til Nora\r\n102;Per Li;per@fjord.test;30.11.2026;40;240;Ordningen til Nora\r\n";
        using (var import = await ApiCalls.UploadAsync(admin, "/api/v1/assistant-imports", Encoding.UTF8.GetBytes(csv), "ansatte.csv", new Dictionary<string, string> { ["commit"] = "true" }, ct: Ct))
            (await OkAsync(import)).GetProperty("new").GetInt32().ShouldBe(2);
        Guid siri;
        using (var scope = factory.Services.CreateScope())
            siri = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Assistants.Where(a => a.EmployeeNumber == "101").Select(a => a.Id).SingleAsync(Ct);
        await CallAsync(admin, HttpMethod.Post, $"/api/v1/assistants/{siri}/login", new { });
        var siriClient = await PasswordLinkMail.ChoosePasswordAsync(factory, smtp, "siri@fjord.test", "siri sitt passord");

        // Before her first shift (issue 19): the police certificate shown, the contract signed by both and the confidentiality
        // declaration signed by Siri herself in the app.
        var employment = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assistants/{siri}/hiring", Ct)).GetProperty("employments")[0].GetProperty("employmentId").GetGuid();
        await CallAsync(admin, HttpMethod.Put, $"/api/v1/assistants/{siri}/employments/{employment}/police-certificate", new { shownOn = "2026-11-20" });
        var contract = (await CallAsync(admin, HttpMethod.Post, $"/api/v1/assistants/{siri}/contracts", new { employmentId = employment }, key: "kontrakt-siri")).GetProperty("id").GetGuid();
        await CallAsync(admin, HttpMethod.Post, $"/api/v1/assistants/{siri}/contracts/{contract}/sign-as-employer");
        await CallAsync(siriClient, HttpMethod.Post, $"/api/v1/assistants/{siri}/contracts/{contract}/sign-as-employee");
        await CallAsync(siriClient, HttpMethod.Post, $"/api/v1/assistants/{siri}/confidentiality-declaration", new { });

        // The work leader's first plan: Siri three days a week from 7 December, discussed today (AML-10-3-1), published.
        var plans = $"/api/v1/arrangements/{arrangement}/plans";
        var plan = (await CallAsync(leader, HttpMethod.Post, plans, new { name = "Turnus vinter", rotationWeeks = 1, startsOn = "2026-12-07" }, key: "turnus")).GetProperty("id").GetGuid();
        var revision = (await leader.GetFromJsonAsync<JsonElement>($"{plans}/{plan}", Ct)).GetProperty("revision").GetInt32();
        revision = (await CallAsync(leader, HttpMethod.Post, $"{plans}/{plan}/shifts",
            new { start = "08:00:00", lengthMinutes = 420, kind = "day", assistantId = siri, weeks = new[] { 1 }, days = new[] { "monday", "tuesday", "wednesday" } }, revision, "vakter"))
            .GetProperty("revision").GetInt32();
        await CallAsync(leader, HttpMethod.Post, $"{plans}/{plan}/publish", new { startsOn = "2026-12-07", discussedOn = "2026-11-23" }, revision);

        // January: December's sheet from the plan, confirmed and submitted by Siri, approved, attested and exported to payroll.
        factory.Clock.Reset(Instant.FromUtc(2027, 1, 4, 9, 0));
        var assistant = await factory.SignedInClientAsync("siri@fjord.test", "siri sitt passord");
        leader = await factory.SignedInClientAsync("nora@fjord.test", "nora sitt passord");
        admin = await factory.SignedInClientAsync("ada@fjord.test", "ada sitt passord");
        var sheetId = (await CallAsync(assistant, HttpMethod.Post, $"/api/v1/arrangements/{arrangement}/timesheets", new { month = "2026-12-01" })).GetProperty("id").GetGuid();
        var sheet = await assistant.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{sheetId}", Ct);
        sheet.GetProperty("entries").GetArrayLength().ShouldBe(12, "Monday to Wednesday for the four weeks from 7 December");
        (await SelvstyrtFactory.PostFormAsync(assistant, $"/timelister/{sheetId}", "steg", new Dictionary<string, string>
        {
            ["Step.Action"] = "confirm-all", ["Step.Revision"] = sheet.GetProperty("revision").GetInt32().ToString(CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var (who, step) in new[] { (assistant, "submit"), (leader, "approve"), (admin, "attest") })
        {
            sheet = await who.GetFromJsonAsync<JsonElement>($"/api/v1/timesheets/{sheetId}", Ct);
            await CallAsync(who, HttpMethod.Post, $"/api/v1/timesheets/{sheetId}/{step}", revision: sheet.GetProperty("revision").GetInt32());
        }
        var export = await CallAsync(admin, HttpMethod.Post, $"/api/v1/providers/{providerId}/payroll-exports", new { month = "2026-12-01", format = "generisk" }, key: "lonn-desember");
        var file = await admin.GetStringAsync($"/lonn/eksport/{export.GetProperty("id").GetGuid()}/fil", Ct);
        var rows = file.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.StartsWith("101;Siri Fjell;", StringComparison.Ordinal), "only Siri worked in December; Per has no shifts");
    }
}
