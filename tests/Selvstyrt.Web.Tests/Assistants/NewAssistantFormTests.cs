using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Assistants;

/// <summary>The new-assistant form as a user meets it: Norwegian messages naming the field, nothing lost, no duplicates on retry.</summary>
public sealed class NewAssistantFormTests(Hosts hosts)
{
    private static Dictionary<string, string> NewAssistantForm(string name, string key) => new()
    {
        ["Input.FullName"] = name,
        ["Input.Email"] = "",
        ["Input.Phone"] = "",
        ["Input.BirthDate"] = "",
        ["Input.OfficeId"] = DemoIds.For("office:ost").ToString(),
        ["Input.Kind"] = "Permanent",
        ["Input.PositionPercent"] = "62,5",
        ["Input.Start"] = "2026-12-01",
        ["Input.SeniorityFrom"] = "",
        ["Input.IdempotencyKey"] = key,
    };

    [Theory, DatabaseData]
    public async Task NewAssistant_MissingNameAndBadDate_ShowsNorwegianErrorsAndKeepsInput(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.CoordinatorEast);
        var form = NewAssistantForm("", Guid.NewGuid().ToString("N"));
        form["Input.Phone"] = "90 00 00 01";
        form["Input.Start"] = "1. desember";

        var response = await SelvstyrtFactory.PostFormAsync(client, "/assistenter/ny", "ny-assistent", form);
        var html = await Html.ReadAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Skriv datoen som åååå-mm-dd");
        html.ShouldContain("href=\"#start\"");
        html.ShouldContain("value=\"90 00 00 01\"", customMessage: "what the user typed is kept");
    }

    [Theory, DatabaseData]
    public async Task NewAssistant_MissingName_NamesTheNameField(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.CoordinatorEast);

        var response = await SelvstyrtFactory.PostFormAsync(client, "/assistenter/ny", "ny-assistent", NewAssistantForm("", Guid.NewGuid().ToString("N")));
        var html = await Html.ReadAsync(response);

        html.ShouldContain("<a class=\"ds-link\" href=\"#navn\">Navn må fylles ut.</a>");
    }

    [Theory, DatabaseData]
    public async Task NewAssistant_PostedTwiceWithSameKey_CreatesOneAssistant(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        var name = $"Gjentatt Innsending {Guid.NewGuid():N}"[..30];
        var key = Guid.NewGuid().ToString("N");

        var first = await SelvstyrtFactory.PostFormAsync(client, "/assistenter/ny", "ny-assistent", NewAssistantForm(name, key));
        var second = await SelvstyrtFactory.PostFormAsync(client, "/assistenter/ny", "ny-assistent", NewAssistantForm(name, key));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        using var scope = factory.Services.CreateScope();
        var count = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Assistants.CountAsync(a => a.FullName == name, TestContext.Current.CancellationToken);
        count.ShouldBe(1);
        var profile = await Html.GetAsync(client, first.Headers.Location, TestContext.Current.CancellationToken);
        profile.ShouldContain(name);
        profile.ShouldContain("Fast ansatt, 62,5 %");
    }

    [Theory, DatabaseData]
    public async Task NewAssistant_CoordinatorForOtherOffice_IsRefusedAndNothingIsSaved(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var name = $"Feil Kontor {Guid.NewGuid():N}"[..24];

        var response = await SelvstyrtFactory.PostFormAsync(client, "/assistenter/ny", "ny-assistent", NewAssistantForm(name, Guid.NewGuid().ToString("N")));

        (await Html.ReadAsync(response)).ShouldContain("Velg et kontor du kan registrere assistenter for.");
        using var scope = factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Assistants.AnyAsync(a => a.FullName == name, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }
}
