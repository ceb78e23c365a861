using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Data.Identity;

/// <summary>The person behind an e-mail address: the command line's first administrator and every invitation find or create them here.</summary>
public static class Accounts
{
    public sealed record Found(AppUser User, bool Created);

    /// <summary>
    /// The account with <paramref name="email"/>, or a new one without a password (a one-time link lets its owner choose
    /// one). A closed account or an integration's service account is refused, named under <paramref name="field"/>.
    /// Two requests creating the same address at once (two invitations sent together) both get the one account: the
    /// loser of the unique index finds the winner's (on PostgreSQL the failed insert rolls back to EF Core's savepoint,
    /// so a surrounding transaction goes on).
    /// </summary>
    public static async Task<Result<Found>> FindOrCreateAsync(UserManager<AppUser> users, SelvstyrtDb db, string email, string name, string field)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return Existing(user, field);
        user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name.Trim(), LockoutEnabled = true };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // The other request inserted between our check and our insert.
            db.Entry(user).State = EntityState.Detached;
            var winner = await users.FindByEmailAsync(email);
            if (winner is null) throw;
            return Existing(winner, field);
        }
        if (created.Succeeded) return new Found(user, true);
        // The other request committed before our own check of the name ran (Identity's validator says it is taken).
        if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail") && await users.FindByEmailAsync(email) is { } other) return Existing(other, field);
        return Invalid.Field(field, string.Join(' ', created.Errors.Select(e => e.Description)));
    }

    private static Result<Found> Existing(AppUser user, string field)
        => user.IsServiceAccount || user.IsDisabled
            ? Invalid.Field(field, "Kontoen med denne e-postadressen er stengt eller hører til en API-nøkkel. Kontakt leverandørens administrator.")
            : new Found(user, false);
}
