using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Selvstyrt.Testing;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Tests.Users;

/// <summary>Reads a one-time link out of a delivered mail and fills the set-password form as a browser would.</summary>
internal static partial class PasswordLinkMail
{
    /// <summary>The link in the mail, as a path the test client opens (the shared hosts' public address is https://localhost).</summary>
    public static string LinkIn(MimeMessage message) => LinkPattern().Match(message.TextBody ?? "").Groups[1].Value;

    public static Dictionary<string, string> Form(string link, string password, string repeat) => new()
    {
        ["Input.Token"] = Uri.UnescapeDataString(link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..]),
        ["Input.Password"] = password,
        ["Input.Repeat"] = repeat,
    };

    /// <summary>Delivers the outbox, reads the person's mail, chooses the password from its link and signs in.</summary>
    public static async Task<HttpClient> ChoosePasswordAsync(SelvstyrtFactory factory, TestSmtpServer smtp, string email, string password)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await factory.Services.GetRequiredService<MailSender>().DeliverDueAsync(ct);
        var link = LinkIn(await smtp.WaitForAsync(email));
        Shouldly.ShouldBeTestExtensions.ShouldBe((await SelvstyrtFactory.PostFormAsync(factory.CreateBrowserLikeClient(), link, "passord", Form(link, password, password))).StatusCode,
            System.Net.HttpStatusCode.Redirect);
        return await factory.SignedInClientAsync(email, password);
    }

    [GeneratedRegex(@"https://localhost(/passord\?lenke=\S+)")]
    private static partial Regex LinkPattern();
}
