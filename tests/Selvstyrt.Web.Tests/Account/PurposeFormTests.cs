using System.Net;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Account;

/// <summary>The auditor's purpose form: nothing of the provider's is shown until a purpose is stated, and a short one is refused with the rule.</summary>
public sealed class PurposeFormTests(Hosts hosts)
{
    [Theory, DatabaseData]
    public async Task Purpose_StatedByAuditor_OpensTheProvidersArrangements(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.Auditor);
        (await Html.GetAsync(client, "/", TestContext.Current.CancellationToken)).ShouldNotContain("<table");

        var response = await SelvstyrtFactory.PostFormAsync(client, "/formaal", "formaal", new Dictionary<string, string> { ["Input.Purpose"] = "Internrevisjon av arbeidstid, sak 2026/14" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await Html.GetAsync(client, "/", TestContext.Current.CancellationToken);
        html.ShouldContain("10 ordninger du har tilgang til");
    }

    [Theory, DatabaseData]
    public async Task Purpose_TooShort_IsRefusedWithTheRule(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.Auditor);

        var response = await SelvstyrtFactory.PostFormAsync(client, "/formaal", "formaal", new Dictionary<string, string> { ["Input.Purpose"] = "revisjon" });

        (await Html.ReadAsync(response)).ShouldContain("Formålet må være minst 10 tegn.");
    }
}
