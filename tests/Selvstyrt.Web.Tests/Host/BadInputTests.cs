using System.Net;
using System.Text.Json;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// Bad input (quality.md S6), generated with CsCheck (<c>Shared/BadInput.cs</c>): to every write operation of the API,
/// from the OpenAPI document's own examples, and to every form of the pages the administrator, the work leader and the
/// assistant open. Nothing answers 5xx; every API 4xx is problem+json and a 400 names the field; a page never answers with
/// a framework's English message. The bench's <c>bad-input</c> sends 2,000 per operation; these send a few on every run.
/// </summary>
public sealed class BadInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Bad bodies per operation on every run (about 3,400 requests per engine).</summary>
    private const int PerOperation = 20;

    /// <summary>Spoiled posts per form on every run.</summary>
    private const int PerForm = 3;

    [Theory, DatabaseData]
    public async Task EveryWriteOperation_RefusesGeneratedBadInput_WithoutA5xx_AndNamesTheField(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", name: "Feil inndata", ct: Ct);
        using var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));
        var operations = BadInput.Operations(document.RootElement, path => ApiPaths.WithNewIds(ApiPaths.WithDemoIds(path))).ToList();
        operations.Count.ShouldBeGreaterThan(100);

        var (sent, faults) = await BadInput.RunApiAsync(client, operations, PerOperation, Ct);

        sent.ShouldBeGreaterThan(operations.Count * PerOperation / 2);
        faults.ShouldBeEmpty($"{faults.Count} of {operations.Count} operations ({sent} requests):\n" + string.Join("\n", faults.Take(40)));
    }

    [Theory, DatabaseData]
    public async Task EveryFormOfThePages_RefusesGeneratedBadInput_WithoutA5xx_InNorwegian(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);

        var (forms, sent, faults) = await BadInput.RunPagesAsync(factory, PerForm, Ct);

        forms.ShouldBeGreaterThan(150, "the pages' forms were found");
        faults.ShouldBeEmpty($"{faults.Count} of {forms} forms ({sent} posts):\n" + string.Join("\n", faults.Take(40)));
        sent.ShouldBeGreaterThanOrEqualTo(forms * PerForm);
    }
}

/// <summary>The NUL character (U+0000), which PostgreSQL cannot store: a form drops it, the API refuses it and names the field (quality.md S6).</summary>
public sealed class NulCharacterTests(Hosts hosts)
{
    [Fact]
    public void AForm_ArrivesWithoutItsNuls_AndOtherwiseAsSent()
    {
        static string Clean(string body) => System.Text.Encoding.ASCII.GetString(Selvstyrt.Web.Setup.FormText.WithoutNul(System.Text.Encoding.ASCII.GetBytes(body)));

        Clean("Input.Note=a%00b%00&Input.Hours=7%2C5").ShouldBe("Input.Note=ab&Input.Hours=7%2C5");
        Clean("a=%000%00").ShouldBe("a=0");
        Clean("a=50%25+%C3%A6%0A").ShouldBe("a=50%25+%C3%A6%0A");
        Clean("a=%0").ShouldBe("a=%0");
        Clean("a=x\0y").ShouldBe("a=xy");
    }

    [Theory, DatabaseData]
    public async Task TheApi_RefusesANulInAText_NamingTheField(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = hosts.For(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", name: "Nulltegn", ct: ct);
        using var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await ApiCalls.PostAsync(client, "/api/v1/assistants",
            $"{{\"fullName\":\"Nils\\u0000 Nullsen\",\"officeId\":\"{DemoIds.For("office:ost")}\",\"kind\":\"permanent\",\"positionPercent\":40,\"start\":\"2026-12-01\"}}",
            $"nul-{Guid.NewGuid():N}", ct);

        var errors = await ApiCalls.ErrorsAsync(response, ct);
        errors.GetProperty("fullName")[0].GetString().ShouldBe("Teksten inneholder et nulltegn (U+0000), som ikke kan lagres.");
    }
}

/// <summary>A form sent again after the page changed (a double click, a stale tab) is answered in Norwegian, never with a blank 400 (quality.md S6).</summary>
public sealed class StaleFormTests
{
    [Theory, DatabaseData]
    public async Task AFormSentTwice_TheSecondTimeSaysTheFormIsGone_InNorwegian(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = Hosts.Fresh(db);
        using var admin = await factory.SignedInClientAsync(DemoLogins.ProviderAdmin);
        var path = DemoPaths.Fill("/avvik/{Id:guid}", 10, 42, out _)!;
        var form = await BadInput.FormAsync(admin, path, "videre", ct);
        var fields = new Dictionary<string, string>(form.Fields) { ["Escalation.Note"] = "Sendt videre til kontoret." };

        using var first = await admin.PostAsync(form.Action, new FormUrlEncodedContent(fields), ct);
        using var second = await admin.PostAsync(form.Action, new FormUrlEncodedContent(fields), ct);

        ((int)first.StatusCode).ShouldBeLessThan(400);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await second.Content.ReadAsStringAsync(ct);
        page.ShouldContain("<h1>Skjemaet kunne ikke sendes</h1>");
        page.ShouldContain("Skjemaet finnes ikke lenger på siden");
        page.ShouldContain($"href=\"{path}\"");
        BadInput.Forms(path, await admin.GetStringAsync(path, ct)).ShouldNotContain(f => f.Fields.GetValueOrDefault("_handler") == "videre");
    }
}

/// <summary>A form with every box left unticked (which sends no value at all) is answered with the field's message, not a 500 (quality.md S6).</summary>
public sealed class UntickedBoxesTests
{
    [Theory, DatabaseData]
    public async Task ACoverageNeedWithNoDayTicked_SaysChooseADay(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = Hosts.Fresh(db);
        using var leader = await factory.SignedInClientAsync(DemoLogins.WorkLeader);
        var path = DemoPaths.Fill("/ordninger/{Id:guid}/arbeidsplan/{PlanId:guid}/dekning", 10, 42, out _)!;
        var fields = new Dictionary<string, string>((await BadInput.FormAsync(leader, path, "behov", ct)).Fields);
        fields.Remove("Input.Days");

        using var response = await leader.PostAsync(path, new FormUrlEncodedContent(fields), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
        page.ShouldContain("Velg minst én ukedag.");
        page.ShouldContain("ds-error-summary");
    }
}

/// <summary>
/// Two changes of the same record at once (found by the long bad-input run on two threads): the one that loses the race
/// gets 409 problem+json «Noen andre endret dette samtidig», never a 5xx or an empty 405 from the error page re-executed
/// as a PUT.
/// </summary>
public sealed class ConcurrentChangeTests
{
    [Theory, DatabaseData]
    public async Task TheSameSettingChangedTwoAtATime_AnswersOkOr409_Only(DatabaseKind db)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = Hosts.Fresh(db);
        var key = await ApiCalls.KeyAsync(factory, "provider-admin", name: "Samtidig", ct: ct);
        using var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var path = $"/api/v1/arrangements/{DemoIds.For("arrangement:10")}/swap-policy";
        var answers = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (i, _) =>
        {
            using var response = await client.PutAsync(path, new StringContent($"{{\"cleanSwapsWithoutApproval\":{(i % 2 == 0 ? "true" : "false")}}}", System.Text.Encoding.UTF8, "application/json"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return;
            answers.Add(status == 409 && response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.Contains("concurrent_change", StringComparison.Ordinal) || text.Contains("stale", StringComparison.Ordinal)
                ? "409" : $"{status} {response.Content.Headers.ContentType?.MediaType}: {text[..Math.Min(200, text.Length)]}");
        });

        answers.Where(a => a != "409").ShouldBeEmpty();
    }
}
