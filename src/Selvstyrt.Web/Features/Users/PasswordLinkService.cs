using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Mail;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Web.Features.Users;

/// <summary>
/// The one-time password links: what a link is worth when opened, choosing a password with it (once, before it
/// expires, never for a closed account), and «Glemt passord?», which mails a reset link without telling the asker
/// whether the address has an account.
/// </summary>
public sealed class PasswordLinkService(SelvstyrtDb db, UserManager<AppUser> users, IClock clock, IConfiguration configuration)
{
    /// <summary>A reset link is not sent again to the same account within this time (no mail bombing).</summary>
    public static readonly Duration ResetCooldown = Duration.FromMinutes(5);

    public sealed record Opened(LinkState State, LinkPurpose Purpose, string? Email);

    /// <summary>The link behind <paramref name="token"/>, or null when there is none.</summary>
    public async Task<Opened?> OpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        var hash = OneTimeLink.Hash(token.Trim());
        var link = await db.OneTimeLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == link.UserId).Select(u => new { u.Email, u.IsDisabled }).SingleAsync(ct);
        var state = user.IsDisabled ? LinkState.Revoked : link.StateAt(clock.GetCurrentInstant());
        return new Opened(state, link.Purpose, user.Email);
    }

    /// <summary>
    /// Sets the password with a valid link and uses the link up, in one transaction: the link is taken with a
    /// conditional update, so of two tabs only one succeeds. Every earlier session of the user ends.
    /// </summary>
    public async Task<Result<string>> SetPasswordAsync(string? token, string? password, string? repeat, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(password)) fields["password"] = "Skriv et passord.";
        else if (password != repeat) fields["repeat"] = "Passordene er ikke like. Skriv det samme passordet to ganger.";
        if (fields.Count > 0) return new Invalid(fields);

        var hash = OneTimeLink.Hash((token ?? "").Trim());
        var link = await db.OneTimeLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null) return new NotFound();
        var user = await users.FindByIdAsync(link.UserId.ToString());
        if (user is null || user.IsDisabled || user.IsServiceAccount) return new Forbidden("Kontoen er stengt. Kontakt leverandøren din.");
        var now = clock.GetCurrentInstant();
        if (link.StateAt(now) is not LinkState.Valid and var state) return new Conflict(StateMessage(state));

        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password!);
            if (!checkedPassword.Succeeded) return Invalid.Field("password", PasswordMessage(checkedPassword));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.OneTimeLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (taken == 0) return new Conflict(StateMessage(LinkState.Used));
        if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, password!);
        if (!added.Succeeded) return Invalid.Field("password", PasswordMessage(added));
        user.EmailConfirmed = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Email ?? "";
    }

    /// <summary>
    /// Mails a reset link when <paramref name="email"/> belongs to an account that can sign in; does nothing
    /// otherwise, and the page says the same either way.
    /// </summary>
    public async Task<Result<bool>> RequestResetAsync(string? email, CancellationToken ct)
    {
        var address = (email ?? "").Trim();
        if (address.Length == 0) return Invalid.Field("email", "Skriv e-postadressen din.");
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(address)) return Invalid.Field("email", "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.");
        var user = await users.FindByEmailAsync(address);
        if (user is null || user.IsDisabled || user.IsServiceAccount) return false;
        var now = clock.GetCurrentInstant();
        var since = now - ResetCooldown;
        if (await db.OneTimeLinks.AnyAsync(l => l.UserId == user.Id && l.Purpose == LinkPurpose.ResetPassword && l.CreatedAt > since, ct)) return false;
        var name = user.DisplayName;
        await PasswordLinks.IssueAsync(db, user, LinkPurpose.ResetPassword, now, PasswordLinks.PublicUrl(configuration),
            (url, expires) => MailTemplates.ResetPassword(name, url, expires), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string StateMessage(LinkState state) => state switch
    {
        LinkState.Used => "Lenken er allerede brukt. Har du glemt passordet, kan du be om en ny lenke.",
        LinkState.Expired => "Lenken har gått ut. Be om en ny lenke.",
        LinkState.Revoked => "Lenken virker ikke lenger: en nyere lenke er sendt, eller kontoen er stengt.",
        _ => "",
    };

    private static string PasswordMessage(IdentityResult result)
        => result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort))
            ? "Passordet må ha minst 8 tegn."
            : string.Join(' ', result.Errors.Select(e => e.Description));
}
