using System.Text.RegularExpressions;
using MimeKit;

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

    [GeneratedRegex(@"https://localhost(/passord\?lenke=\S+)")]
    private static partial Regex LinkPattern();
}
