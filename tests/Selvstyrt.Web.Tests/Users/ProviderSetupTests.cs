using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Selvstyrt.Cli;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>
/// Issue 16's first step on both engines: from an empty database (<c>Demo:Seed=false</c>), the command line's
/// <c>create-provider</c> makes the provider and its first administrator, whose one-time link arrives over SMTP,
/// sets a password once and then signs in.
/// </summary>
public sealed class ProviderSetupTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> EmptyWithMail(TestSmtpServer smtp)
    {
        var settings = smtp.Settings();
        settings["Demo:Seed"] = "false";
        return settings;
    }

    private static async Task<Result<ProviderSetup.Created>> CreateAsync(SelvstyrtFactory factory, ProviderSetup.Request request, bool mail = true)
    {
        using var scope = factory.Services.CreateScope();
        return await ProviderSetup.CreateAsync(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
            factory.Clock, request, "https://localhost", mail, Ct);
    }

    private static async Task DeliverAsync(SelvstyrtFactory factory) => await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);

    [Theory, DatabaseData]
    public async Task CreateProvider_OnAnEmptyDatabase_AdministratorSetsAPasswordFromTheMailOnceAndSignsIn(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, EmptyWithMail(smtp));
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Providers.CountAsync(Ct)).ShouldBe(0);
            (await data.Users.CountAsync(Ct)).ShouldBe(0);
        }
        var request = new ProviderSetup.Request("Fjordassistanse AS", "912 345 688", "ada@fjord.test", "Ada Admin");

        var first = await CreateAsync(factory, request);
        await DeliverAsync(factory);
        var firstLink = PasswordLinkMail.LinkIn(await smtp.WaitForAsync("ada@fjord.test"));
        var retried = await CreateAsync(factory, request);
        await DeliverAsync(factory);
        var mails = smtp.For("ada@fjord.test");

        first.IsSuccess.ShouldBeTrue();
        retried.Value!.ProviderId.ShouldBe(first.Value!.ProviderId);
        retried.Value.ProviderExisted.ShouldBeTrue();
        mails.Count.ShouldBe(2, "a retry sends a fresh link");
        mails[0].Subject.ShouldBe("Velg passord for Selvstyrt – Fjordassistanse AS");
        var link = PasswordLinkMail.LinkIn(mails[1]);
        using (var scope = factory.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
            (await data.Providers.CountAsync(Ct)).ShouldBe(1, "a retry never makes a second provider");
            (await data.ProviderGrants.CountAsync(g => g.UserId == first.Value.AdminUserId && g.Role == ProviderRole.ProviderAdmin, Ct)).ShouldBe(1);
        }

        var client = factory.CreateBrowserLikeClient();
        (await Html.GetAsync(client, firstLink, Ct)).ShouldContain("Lenken virker ikke lenger");
        var page = await Html.GetAsync(client, link, Ct);
        page.ShouldContain("Velg passord");
        page.ShouldContain("ada@fjord.test");

        var mismatch = await SelvstyrtFactory.PostFormAsync(client, link, "passord", PasswordLinkMail.Form(link, "langt-og-godt-passord", "annet-passord"));
        var tooShort = await SelvstyrtFactory.PostFormAsync(client, link, "passord", PasswordLinkMail.Form(link, "kort", "kort"));
        (await Html.ReadAsync(mismatch)).ShouldContain("Passordene er ikke like");
        (await Html.ReadAsync(tooShort)).ShouldContain("Passordet må ha minst 8 tegn.");

        var saved = await SelvstyrtFactory.PostFormAsync(client, link, "passord", PasswordLinkMail.Form(link, "langt-og-godt-passord", "langt-og-godt-passord"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.PathAndQuery.ShouldStartWith("/logg-inn?passord=lagret");
        (await Html.GetAsync(client, link, Ct)).ShouldContain("Lenken er allerede brukt");

        var admin = await factory.SignedInClientAsync("ada@fjord.test", "langt-og-godt-passord");
        (await Html.GetAsync(admin, "/", Ct)).ShouldContain("Ada Admin");
    }

    [Theory, DatabaseData]
    public async Task CreateProvider_BadInput_NamesEveryOptionAndSavesNothing(DatabaseKind db)
    {
        var factory = hosts.For(db);
        int before;
        using (var scope = factory.Services.CreateScope()) before = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Providers.CountAsync(Ct);

        var badCheckDigit = await CreateAsync(factory, new("Feil AS", "912345678", "feil@fjord.test", "Fie"));
        var empty = await CreateAsync(factory, new("", "12345", "ikke-en-adresse", " "));

        ((Invalid)badCheckDigit.Error!).Fields["--org-number"].ShouldContain("kontrollsifferet");
        var fields = ((Invalid)empty.Error!).Fields;
        fields.Keys.ShouldBe(["--admin-email", "--admin-name", "--org-number", "--name"], ignoreOrder: true);
        fields["--org-number"].ShouldContain("ni sifre");
        using (var scope = factory.Services.CreateScope()) (await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Providers.CountAsync(Ct)).ShouldBe(before);
    }

    [Theory, DatabaseData]
    public async Task SetPasswordLink_AfterSeventyTwoHours_HasExpiredAndSetsNothing(DatabaseKind db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var factory = Hosts.Fresh(db, EmptyWithMail(smtp));
        await CreateAsync(factory, new("Seint AS", "987654325", "sein@fjord.test", "Sein Sigrid"));
        await DeliverAsync(factory);
        var link = PasswordLinkMail.LinkIn(await smtp.WaitForAsync("sein@fjord.test"));
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetStringAsync(link, Ct);

        factory.Clock.Advance(Duration.FromHours(72));
        var late = await SelvstyrtFactory.PostFormAsync(client, link, "passord", PasswordLinkMail.Form(link, "langt-og-godt-passord", "langt-og-godt-passord"));

        page.ShouldContain("Velg passord");
        (await Html.ReadAsync(late)).ShouldContain("Lenken har gått ut");
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        (await users.HasPasswordAsync((await users.FindByEmailAsync("sein@fjord.test"))!)).ShouldBeFalse();
    }
}
