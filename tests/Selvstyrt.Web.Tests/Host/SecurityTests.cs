using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Data.Demo;
using Selvstyrt.Data.Identity;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>quality.md S4 and S5: hardened sign-in, server-side sessions, headers and cookies.</summary>
public sealed class SecurityTests(Hosts hosts)
{
    [Theory, DatabaseData]
    public async Task Headers_SignedIn_AreStrictAndNotCached(DatabaseKind db)
    {
        var client = await hosts.For(db).SignedInClientAsync(DemoLogins.ProviderAdmin);

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Theory, DatabaseData]
    public async Task Cookies_AfterSignIn_AreHostPrefixedSecureHttpOnlySameSite(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var response = await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoLogins.CaseWorkerBergen,
            ["Input.Password"] = DemoLogins.Password,
        });

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-selvstyrt=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("secure");
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
        session.ShouldContain("path=/");
        session.ShouldNotContain("domain=");
    }

    [Theory, DatabaseData]
    public async Task Password_StoredHash_UsesAtLeast210000Iterations(DatabaseKind db)
    {
        using var scope = hosts.For(db).Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = $"hash-{Guid.NewGuid():N}@eksempel.no", DisplayName = "Hash" };

        (await users.CreateAsync(user, "et langt passord")).Succeeded.ShouldBeTrue();
        var bytes = Convert.FromBase64String(user.PasswordHash!);

        bytes[0].ShouldBe((byte)0x01, "Identity V3 format");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)).ShouldBeGreaterThanOrEqualTo(210_000u);
    }

    [Theory, DatabaseData]
    public async Task Password_SevenCharacters_IsRefusedButEightPlainLettersAreFine(DatabaseKind db)
    {
        using var scope = hosts.For(db).Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        (await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = $"kort-{Guid.NewGuid():N}", DisplayName = "K" }, "abcdefg")).Succeeded.ShouldBeFalse();
        (await users.CreateAsync(new AppUser { Id = Guid.NewGuid(), UserName = $"lang-{Guid.NewGuid():N}", DisplayName = "L" }, "abcdefgh")).Succeeded.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var email = await factory.CreateUserAsync("laas", "riktig passord");
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
            await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "feil" });

        var last = await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "riktig passord" });

        (await Html.ReadAsync(last)).ShouldContain("Kontoen er låst i 15 minutter.");
    }

    [Theory, DatabaseData]
    public async Task SignOut_CopiedCookie_IsWorthlessAfterwards(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var client = factory.CreateBrowserLikeClient();
        var signIn = await SelvstyrtFactory.PostFormAsync(client, "/logg-inn", "logg-inn", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoLogins.CoordinatorWest,
            ["Input.Password"] = DemoLogins.Password,
        });
        var stolen = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-selvstyrt=", StringComparison.Ordinal)).Split(';')[0];
        var page = await Html.GetAsync(client, "/", TestContext.Current.CancellationToken);
        var replay = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using (var before = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            before.Headers.Add("Cookie", stolen);
            (await replay.SendAsync(before, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copied cookie works while the session lives");
        }

        using (var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SelvstyrtFactory.AntiforgeryToken(page) }))
            (await client.PostAsync("/logg-ut", signOut, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", stolen);
        var response = await replay.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/logg-inn");
    }

    [Theory, DatabaseData]
    public async Task Session_IdleFor16MinutesOrOlderThan8Hours_Ends(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var idle = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);
        (await idle.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(Duration.FromMinutes(16));
        (await idle.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "15 minutes idle ends the session");

        var busy = await factory.SignedInClientAsync(DemoLogins.CaseWorkerOslo);
        for (var hour = 0; hour < 8; hour++)
        {
            for (var step = 0; step < 6; step++)
            {
                factory.Clock.Advance(Duration.FromMinutes(10));
                (await busy.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(hour == 7 && step == 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, $"after {hour} h {step * 10 + 10} min");
            }
        }
    }

    [Theory, DatabaseData]
    public async Task TwoFactor_Enabled_SignInAsksForTheCode(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var email = await factory.CreateUserAsync("totp", "to trinn passord");
        var client = await factory.SignedInClientAsync(email, "to trinn passord");
        // Each read in a scope of its own, so that it sees the database and not a tracked copy.
        async Task<(string? Stamp, string? Key)> StoredAsync()
        {
            using var scope = factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(email))!;
            return (user.SecurityStamp, await users.GetAuthenticatorKeyAsync(user));
        }
        var before = await StoredAsync();
        await Html.GetAsync(client, "/konto", TestContext.Current.CancellationToken);
        await Html.GetAsync(client, "/konto", TestContext.Current.CancellationToken);
        var viewed = await StoredAsync();
        viewed.Key.ShouldBeNull("reading the account page changes nothing (S5)");
        viewed.Stamp.ShouldBe(before.Stamp, "a changed stamp would end the user's sessions within a minute");

        var setUp = await SelvstyrtFactory.PostFormAsync(client, "/konto", "tofaktor-nokkel", new Dictionary<string, string>());
        (await Html.ReadAsync(setUp)).ShouldContain("Legg inn denne nøkkelen");
        var key = (await StoredAsync()).Key!;
        key.ShouldNotBeNullOrEmpty();

        var enabled = await SelvstyrtFactory.PostFormAsync(client, "/konto", "tofaktor-pa", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        (await Html.ReadAsync(enabled)).ShouldContain("Totrinnsinnlogging er slått på.");

        var fresh = factory.CreateBrowserLikeClient();
        var first = await SelvstyrtFactory.PostFormAsync(fresh, "/logg-inn", "logg-inn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "to trinn passord", ["Input.ReturnUrl"] = "/" });
        first.Headers.Location!.ToString().ShouldContain("/logg-inn/tofaktor");
        (await fresh.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in before the code");

        var wrong = await SelvstyrtFactory.PostFormAsync(fresh, "/logg-inn/tofaktor?returnUrl=%2F", "tofaktor", new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp(key) ? "111111" : "000000", ["Input.ReturnUrl"] = "/" });
        (await Html.ReadAsync(wrong)).ShouldContain("Koden stemmer ikke.");
        var second = await SelvstyrtFactory.PostFormAsync(fresh, "/logg-inn/tofaktor?returnUrl=%2F", "tofaktor", new Dictionary<string, string> { ["Input.Code"] = Totp(key), ["Input.ReturnUrl"] = "/" });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fresh.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as authenticator apps compute it.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 TOTP is defined over HMAC-SHA1; authenticator apps use it.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(value >> (bits - 8)));
            bits -= 8;
        }
        return [.. output];
    }
}
