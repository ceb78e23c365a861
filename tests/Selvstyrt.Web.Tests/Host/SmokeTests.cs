using System.Net;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>A new user's first minute: the app answers, in Norwegian, and every demo login reaches its start page.</summary>
public sealed class SmokeTests(Hosts hosts)
{
    [Theory, DatabaseData]
    public async Task Health_Anonymous_IsHealthyWithoutData(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ReadAsync(response)).ShouldBe("Healthy");
    }

    [Theory, DatabaseData]
    public async Task SignInPage_Anonymous_IsNorwegianWithLabelledFields(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var html = await Html.GetAsync(client, "/logg-inn", TestContext.Current.CancellationToken);

        html.ShouldContain("<html lang=\"nb\"");
        html.ShouldContain("Logg inn i Selvstyrt");
        html.ShouldContain("<label class=\"ds-label\" for=\"epost\">E-post</label>");
        html.ShouldContain("Hopp til hovedinnhold");
    }

    [Theory, DatabaseData]
    public async Task StartPage_Anonymous_RedirectsToSignIn(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/logg-inn");
    }

    public static TheoryData<DatabaseKind, string> EveryLogin()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in Enum.GetValues<DatabaseKind>())
            foreach (var (_, email) in DemoLogins.All) data.Add(kind, email);
        return data;
    }

    [Theory, MemberData(nameof(EveryLogin))]
    public async Task SignIn_EveryDemoLogin_ReachesMyArrangements(DatabaseKind db, string email)
    {
        var client = await hosts.For(db).SignedInClientAsync(email);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await Html.ReadAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1 class=\"ds-heading\" data-size=\"lg\">Mine ordninger</h1>");
        html.ShouldContain("Logg ut");
    }

    [Theory, DatabaseData]
    public async Task StartPage_WorkLeaderOfOneArrangement_CountsInTheSingular(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.WorkLeader);

        var html = await Html.GetAsync(client, "/", TestContext.Current.CancellationToken);

        html.ShouldContain("1 ordning du har tilgang til");
        html.ShouldContain("Ordningen til Even");
        html.ShouldNotContain("Ordningen til Tor", customMessage: "a work leader sees only the arrangement they lead");
    }

    [Theory, DatabaseData]
    public async Task SignIn_WrongPassword_SaysSoInNorwegianAndStaysSignedOut(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = factory.CreateBrowserLikeClient();
        var email = await factory.CreateUserAsync("feil", "riktig passord");

        var response = await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "feil-passord",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ReadAsync(response)).ShouldContain("Feil e-post eller passord.");
        (await client.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory, DatabaseData]
    public async Task SignIn_EmptyFields_NamesBothFieldsInTheErrorSummary(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var response = await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string>());
        var html = await Html.ReadAsync(response);

        html.ShouldContain("<a class=\"ds-link\" href=\"#epost\">Skriv e-postadressen din.</a>");
        html.ShouldContain("<a class=\"ds-link\" href=\"#passord\">Skriv passordet ditt.</a>");
        html.ShouldContain("aria-invalid=\"true\"");
    }

    [Theory, DatabaseData]
    public async Task UnknownPage_SignedIn_Is404InNorwegian(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.ProviderAdmin);

        var response = await client.GetAsync("/finnes-ikke", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html.ReadAsync(response)).ShouldContain("Fant ikke siden");
    }

    [Theory, DatabaseData]
    public async Task EnglishCulture_ChosenByCookie_TranslatesTheShell(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/logg-inn",
            ["__RequestVerificationToken"] = SelvstyrtFactory.AntiforgeryToken(await Html.GetAsync(client, "/logg-inn", TestContext.Current.CancellationToken)),
        });
        (await client.PostAsync("/sprak", content, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await Html.GetAsync(client, "/logg-inn", TestContext.Current.CancellationToken);
        html.ShouldContain("<html lang=\"en\"");
        html.ShouldContain("Sign in to Selvstyrt");
    }
}
