using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Agreements;

/// <summary>
/// The daily reminder of agreements that run out, like the decisions': within the provider's reminder days (default 60)
/// before an agreement's last day, its administrators and coordinators are told once per agreement and last day, so a
/// døgnvakt rota is not left without its basis (the plan editor turns its long shifts into breaches the day after).
/// </summary>
public sealed class AgreementReminders(SelvstyrtDb db, NotificationStore store)
{
    public sealed record Expiring(Guid Id, Guid ProviderId, string Name, LegalBasisKind Kind, LocalDate ValidTo, int DaysLeft);

    /// <summary>Agreements whose last day comes within their provider's reminder days (all providers, or the given ones).</summary>
    public async Task<List<Expiring>> ExpiringAsync(LocalDate today, IReadOnlyCollection<Guid>? providers, CancellationToken ct)
    {
        var query = db.Agreements.AsNoTracking().Where(a => a.ValidTo != null && a.ValidTo >= today);
        if (providers is not null) query = query.Where(a => providers.Contains(a.ProviderId));
        var candidates = await query
            .Select(a => new { a.Id, a.ProviderId, a.Name, a.Kind, ValidTo = a.ValidTo!.Value, Days = db.Providers.Where(p => p.Id == a.ProviderId).Select(p => p.DecisionReminderDays).First() })
            .ToListAsync(ct);
        return candidates.Where(a => a.ValidTo <= today.PlusDays(a.Days)).OrderBy(a => a.ValidTo)
            .Select(a => new Expiring(a.Id, a.ProviderId, a.Name, a.Kind, a.ValidTo, Period.Between(today, a.ValidTo, PeriodUnits.Days).Days)).ToList();
    }

    /// <summary>The expiring agreements of the providers the user administers or coordinates for (the start page).</summary>
    public async Task<List<Expiring>> ForUserAsync(CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var uid = user.Id;
        var providers = await db.ProviderGrants.AsNoTracking()
            .Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator)).Select(g => g.ProviderId).Distinct().ToListAsync(ct);
        return providers.Count == 0 ? [] : await ExpiringAsync(user.Today, providers, ct);
    }

    public async Task<int> RecordAsync(Instant now, CancellationToken ct)
    {
        var today = now.InZone(CurrentUser.Zone).Date;
        var expiring = await ExpiringAsync(today, null, ct);
        if (expiring.Count == 0) return 0;
        var providers = expiring.Select(e => e.ProviderId).Distinct().ToList();
        var people = (await db.ProviderGrants.AsNoTracking()
            .Where(g => providers.Contains(g.ProviderId) && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator))
            .Select(g => new { g.ProviderId, g.UserId }).ToListAsync(ct)).ToLookup(g => g.ProviderId, g => g.UserId);
        var wanted = new List<Notification>();
        foreach (var e in expiring)
        {
            var last = Dates.Format(e.ValidTo);
            var key = $"agreement-expiry:{e.Id:N}:{e.ValidTo:yyyyMMdd}";
            foreach (var userId in people[e.ProviderId].Distinct())
                wanted.Add(Notification.Create(Guid.CreateVersion7(), userId, "avtale-utlop", $"Avtalen «{e.Name}» går ut {last}",
                    $"«{e.Name}» ({LegalBasis.Code(e.Kind)}) gjelder til og med {last}. Etter det vurderes vaktene den dekker, etter lovens grenser. Forny eller avslutt avtalen i tide.",
                    $"/organisasjon/avtaler/{e.Id}", key, now));
        }
        return await store.StoreNewAsync(wanted, ct);
    }
}
