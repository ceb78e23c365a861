using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Host;

/// <summary>
/// Issue 21, part 4 (in part): two web instances on one database, each with a data folder of its own, share the data-protection
/// key ring through the database. A form fetched from one is accepted by the other, and a sign-in made on one is valid on the
/// other; no key is written to either folder.
/// </summary>
public sealed class InstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ASignInOnOneInstance_IsValidOnTheOther_BecauseTheKeysAreInTheDatabase(DatabaseKind db)
    {
        await using var first = Hosts.Fresh(db);
        first.KeepDatabase = true;
        var folder = Directory.CreateTempSubdirectory("selvstyrt-andre-").FullName;
        await using var second = Hosts.Fresh(db, new Dictionary<string, string?> { ["Data:Folder"] = folder }, reuse: first);
        var cookies = new CookieContainer();
        var onFirst = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        // The sign-in form from the first instance, sent to the second.
        var page = await onFirst.GetStringAsync("/logg-inn", Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "logg-inn", ["__RequestVerificationToken"] = SelvstyrtFactory.AntiforgeryToken(page),
            ["Input.Email"] = DemoLogins.WorkLeader, ["Input.Password"] = "demo-passord", ["Input.ReturnUrl"] = "/",
        });
        var signedIn = await onSecond.PostAsync("/logg-inn", form, Ct);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync(Ct));

        // The session cookie the second instance issued is read by the first.
        var onFirstAgain = await onFirst.GetAsync("/api/v1/arrangements", Ct);
        onFirstAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onFirstAgain.Content.ReadAsStringAsync(Ct)).ShouldContain("Ordningen til Even");

        (await Stored.ReadAsync(first, d => d.DataProtectionKeys.CountAsync(Ct))).ShouldBeGreaterThanOrEqualTo(1);
        Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.Delete(folder, recursive: true);
    }
}
