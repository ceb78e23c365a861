using Microsoft.AspNetCore.Identity;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Data.Identity;

/// <summary>The person behind an e-mail address: the command line's first administrator and every invitation find or create them here.</summary>
public static class Accounts
{
    public sealed record Found(AppUser User, bool Created);

    /// <summary>
    /// The account with <paramref name="email"/>, or a new one without a password (a one-time link lets its owner choose
    /// one). A closed account or an integration's service account is refused, named under <paramref name="field"/>.
    /// </summary>
    public static async Task<Result<Found>> FindOrCreateAsync(UserManager<AppUser> users, string email, string name, string field)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user.IsServiceAccount || user.IsDisabled
                ? Invalid.Field(field, "Kontoen med denne e-postadressen er stengt eller hører til en API-nøkkel. Kontakt leverandørens administrator.")
                : new Found(user, false);
        }
        user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(user);
        return created.Succeeded ? new Found(user, true) : Invalid.Field(field, string.Join(' ', created.Errors.Select(e => e.Description)));
    }
}
