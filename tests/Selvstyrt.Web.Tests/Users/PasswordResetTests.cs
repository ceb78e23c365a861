using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>«Glemt passord?» on both engines: the same answer whether or not the address has an account, a link by mail
/// only to an account that can sign in, a new password that ends every earlier session, and no mail bombing.</summary>
public sealed class PasswordResetTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string email)
        => SelvstyrtFactory.PostFormAsync(client, "/glemt-passord", "glemt-passord", new Dictionary<string, string> { ["Input.Email"] = email });

    private static async Task<int> ResetMailsQueuedForAsync(SelvstyrtFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().OutboxMessages.CountAsync(m => m.ToAddress == email && m.Kind == "reset-password", Ct);
    }

    [Theory, DatabaseData]
    public async Task ForgotPassword_SameAnswerForAnyAddress_LinkOnlyToTheAccount_NewPasswordEndsOldSessions(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var email = await factory.CreateUserAsync("glemt", "gammelt-passord");
        var oldSession = await factory.SignedInClientAsync(email, "gammelt-passord");
        var anonymous = factory.CreateBrowserLikeClient();
        var unknown = $"ingen-{Guid.NewGuid():N}@eksempel.no";

        var unknownAnswer = await Html.ReadAsync(await AskAsync(anonymous, unknown));
        var knownAnswer = await Html.ReadAsync(await AskAsync(anonymous, email));
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(Ct);
        var mail = await hosts.Smtp.WaitForAsync(email);
        var link = PasswordLinkMail.LinkIn(mail);

        knownAnswer.ShouldContain("Hvis e-postadressen hører til en konto");
        unknownAnswer.ShouldContain("Hvis e-postadressen hører til en konto");
        (await ResetMailsQueuedForAsync(factory, unknown)).ShouldBe(0);
        mail.Subject.ShouldBe("Nytt passord i Selvstyrt");
        (await Html.GetAsync(anonymous, link, Ct)).ShouldContain("Velg nytt passord");

        var saved = await SelvstyrtFactory.PostFormAsync(anonymous, link, "passord", PasswordLinkMail.Form(link, "nytt-og-langt-passord", "nytt-og-langt-passord"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var stale = await oldSession.GetAsync("/", Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session from before the reset has ended");
        stale.Headers.Location!.OriginalString.ShouldContain("/logg-inn");
        await Should.ThrowAsync<InvalidOperationException>(() => factory.SignedInClientAsync(email, "gammelt-passord"));
        await factory.SignedInClientAsync(email, "nytt-og-langt-passord");
    }

    [Theory, DatabaseData]
    public async Task ForgotPassword_AskedTwiceWithinFiveMinutes_SendsOneLink_AndAClosedAccountGetsNone(DatabaseKind db)
    {
        var factory = hosts.For(db);
        var email = await factory.CreateUserAsync("to-ganger", "gammelt-passord");
        var closed = await factory.CreateUserAsync("stengt", "gammelt-passord");
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(closed))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }
        var client = factory.CreateBrowserLikeClient();

        await AskAsync(client, email);
        var again = await Html.ReadAsync(await AskAsync(client, email));
        await AskAsync(client, closed);

        again.ShouldContain("Hvis e-postadressen hører til en konto");
        (await ResetMailsQueuedForAsync(factory, email)).ShouldBe(1);
        (await ResetMailsQueuedForAsync(factory, closed)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task ForgotPassword_EmptyOrMalformedAddress_NamesTheField(DatabaseKind db)
    {
        var client = hosts.For(db).CreateBrowserLikeClient();

        var empty = await Html.ReadAsync(await AskAsync(client, ""));
        var malformed = await Html.ReadAsync(await AskAsync(client, "ikke en adresse"));

        empty.ShouldContain("<a class=\"ds-link\" href=\"#epost\">Skriv e-postadressen din.</a>");
        malformed.ShouldContain("Skriv en gyldig e-postadresse");
        malformed.ShouldContain("value=\"ikke en adresse\"");
    }
}
