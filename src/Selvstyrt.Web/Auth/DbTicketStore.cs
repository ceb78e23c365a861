using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Sessions;

namespace Selvstyrt.Web.Auth;

/// <summary>
/// Server-side session store (quality.md S4): the cookie carries a random key; the ticket lives in
/// <see cref="UserSession"/>. Sign-out deletes the row, so a copied cookie is worthless afterwards,
/// and a session older than the absolute limit is refused whatever the cookie says.
/// </summary>
public sealed class DbTicketStore(IServiceScopeFactory scopes, IClock clock) : ITicketStore
{
    /// <summary>A session ends 8 hours after sign-in, however active (quality.md S4).</summary>
    public static readonly Duration AbsoluteLifetime = Duration.FromHours(8);

    /// <summary>A session unused for 15 minutes ends (quality.md S4); every use slides the window.</summary>
    public static readonly Duration IdleTimeout = Duration.FromMinutes(15);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var now = clock.GetCurrentInstant();
        db.UserSessions.Add(new UserSession
        {
            Key = key,
            UserId = UserIdOf(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            ExpiresAt = now + IdleTimeout,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Key == key);
        if (session is null) return;
        session.Ticket = TicketSerializer.Default.Serialize(ticket);
        session.ExpiresAt = clock.GetCurrentInstant() + IdleTimeout;
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key);
        if (session is null) return null;
        var now = clock.GetCurrentInstant();
        if (now >= session.CreatedAt + AbsoluteLifetime || now >= session.ExpiresAt)
        {
            await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
            return null;
        }
        // Slide the idle window, writing at most once per half window to keep reads cheap.
        if (session.ExpiresAt - now < IdleTimeout / 2)
        {
            var slid = now + IdleTimeout;
            await db.UserSessions.Where(s => s.Key == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, slid));
        }
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private static Guid UserIdOf(AuthenticationTicket ticket)
        => Guid.TryParse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty;
}

/// <summary>Hands the store to the Identity application cookie.</summary>
public sealed class ConfigureSessionStore(DbTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) options.SessionStore = store;
    }
}
