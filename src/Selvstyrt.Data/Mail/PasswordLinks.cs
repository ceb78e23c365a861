using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Data.Mail;

/// <summary>
/// Issues one-time password links and queues the e-mail that carries them, in the caller's unit of work (the caller
/// saves). Shared by the command line (the first administrator) and the web app (reset, invitations).
/// </summary>
public static class PasswordLinks
{
    /// <summary>The address people reach the app on, for links in e-mails (<c>App:PublicUrl</c>).</summary>
    public static string PublicUrl(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration["App:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');
    }

    /// <summary>The page that opens a link.</summary>
    public static string Url(string publicUrl, string token) => $"{publicUrl}/passord?lenke={Uri.EscapeDataString(token)}";

    public sealed record Issued(OneTimeLink Link, string Url);

    /// <summary>
    /// A new link for <paramref name="user"/> (earlier unused links of the same purpose are revoked) and, when
    /// <paramref name="mail"/> is given, its e-mail in the outbox. Returns the link's address for the console.
    /// </summary>
    public static async Task<Issued> IssueAsync(SelvstyrtDb db, AppUser user, LinkPurpose purpose, Instant now, string publicUrl,
        Func<string, Instant, MailTemplates.Mail>? mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        foreach (var earlier in await db.OneTimeLinks.Where(l => l.UserId == user.Id && l.Purpose == purpose && l.UsedAt == null && l.RevokedAt == null).ToListAsync(ct))
            earlier.Revoke(now);
        var (link, token) = OneTimeLink.Create(Guid.CreateVersion7(), user.Id, purpose, now);
        db.OneTimeLinks.Add(link);
        var url = Url(publicUrl, token);
        if (mail is not null && user.Email is { Length: > 0 } email)
        {
            var content = mail(url, link.ExpiresAt);
            var message = OutboxMessage.Create(Guid.CreateVersion7(), email, user.DisplayName, content.Subject, content.Body,
                purpose == LinkPurpose.ResetPassword ? "reset-password" : "set-password", user.Id, null, "link:" + link.Id, now);
            db.OutboxMessages.Add(message.Value ?? throw new InvalidOperationException(message.Error!.Message));
        }
        return new Issued(link, url);
    }
}
