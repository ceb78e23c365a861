using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Hms;

/// <summary>
/// The provider's HMS handbook (issue 20, part 2): documents in versions, and every assistant's confirmation that they have read the
/// version in force. The provider's administrator writes and publishes; everyone who works with the provider reads (assistants, work
/// leaders, deputies, recipients, coordinators, the union representative, an auditor with a purpose; not the municipality's case
/// workers); anyone who reads confirms. The provider's
/// administrator sees who has not confirmed among all its assistants, a coordinator among the office's.
/// </summary>
public sealed class HandbookRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, QualityTargets targets)
{
    public sealed record Row(Guid Id, string Section, string Title, int Version, LocalDate PublishedOn, bool Withdrawn, bool ReadByMe, int? Confirmed, int? Required);

    public sealed record Reader(Guid AssistantId, string Name, string? Office, bool SignIn, Instant? ConfirmedAt);

    public sealed record View(HandbookDocument Document, HandbookVersion Shown, bool ReadByMe, bool CanWrite, IReadOnlyList<Reader>? Readers);

    /// <summary>The documents of the providers the user works with, by section and title; with the coverage for those who follow it up.</summary>
    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var providers = Providers();
        var docs = await db.HandbookDocuments.AsNoTracking().Where(d => providers.Contains(d.ProviderId)).ToListAsync(ct);
        var uid = user.Id;
        var ids = docs.Select(d => d.Id).ToList();
        var mine = (await db.ReadConfirmations.AsNoTracking().Where(r => r.UserId == uid && ids.Contains(r.DocumentId)).Select(r => new { r.DocumentId, r.VersionNumber })
            .ToListAsync(ct)).Select(r => (r.DocumentId, r.VersionNumber)).ToHashSet();
        var followed = await FollowedAssistantsAsync(ct);
        var users = followed.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).ToList();
        var confirmations = (await db.ReadConfirmations.AsNoTracking().Where(r => ids.Contains(r.DocumentId) && users.Contains(r.UserId))
            .Select(r => new { r.DocumentId, r.VersionNumber, r.UserId }).ToListAsync(ct)).ToLookup(r => (r.DocumentId, r.VersionNumber));
        var writable = await targets.AdministeredProviders().ToListAsync(ct);
        var required = followed.GroupBy(a => a.ProviderId).ToDictionary(g => g.Key, g => g.Count());
        var signIns = followed.Where(a => a.UserId is not null).GroupBy(a => a.ProviderId).ToDictionary(g => g.Key, g => g.Select(a => a.UserId!.Value).ToHashSet());
        return [.. docs.Where(d => d.WithdrawnOn is null || writable.Contains(d.ProviderId))
            .OrderBy(d => d.Section, Names.Norwegian).ThenBy(d => d.Title, Names.Norwegian)
            .Select(d =>
            {
                var current = d.Current;
                var all = required.GetValueOrDefault(d.ProviderId);
                var readers = signIns.GetValueOrDefault(d.ProviderId) ?? [];
                int? confirmed = all == 0 ? null : confirmations[(d.Id, current.Number)].Select(c => c.UserId).Distinct().Count(readers.Contains);
                return new Row(d.Id, d.Section, d.Title, current.Number, current.PublishedOn, d.WithdrawnOn is not null, mine.Contains((d.Id, current.Number)), confirmed,
                    all == 0 ? null : all);
            })];
    }

    /// <summary>One document, at the version in force or an older one; the readers' status for those who follow it up.</summary>
    public async Task<Result<View>> GetAsync(Guid id, int? version, CancellationToken ct)
    {
        var providers = Providers();
        var doc = await db.HandbookDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && providers.Contains(d.ProviderId), ct);
        if (doc is null) return new NotFound();
        var shown = version is { } v ? doc.Versions.FirstOrDefault(x => x.Number == v) : doc.Current;
        if (shown is null) return new NotFound("Fant ikke den versjonen av dokumentet.");
        var uid = user.Id;
        var inForce = doc.Current.Number;
        var readByMe = await db.ReadConfirmations.AnyAsync(r => r.DocumentId == id && r.VersionNumber == inForce && r.UserId == uid, ct);
        var canWrite = await targets.AdministeredProviders().ContainsAsync(doc.ProviderId, ct);
        var followed = (await FollowedAssistantsAsync(ct)).Where(a => a.ProviderId == doc.ProviderId).ToList();
        List<Reader>? readers = null;
        if (followed.Count > 0)
        {
            var users = followed.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).ToList();
            var at = (await db.ReadConfirmations.AsNoTracking().Where(r => r.DocumentId == id && r.VersionNumber == inForce && users.Contains(r.UserId))
                .Select(r => new { r.UserId, r.ConfirmedAt }).ToListAsync(ct)).ToDictionary(r => r.UserId, r => r.ConfirmedAt);
            readers = [.. followed.OrderBy(a => a.ConfirmedOrder(at)).ThenBy(a => a.Name, Names.Norwegian)
                .Select(a => new Reader(a.Id, a.Name, a.Office, a.UserId is not null, a.UserId is { } u && at.TryGetValue(u, out var when) ? when : null))];
        }
        return new View(doc, shown, readByMe, canWrite, readers);
    }

    public async Task<Result<(Guid Id, bool Existed)>> WriteAsync(string? section, string? title, string? text, string? key, CancellationToken ct)
    {
        var id = Creates.IdFor($"handbook:{user.Id}", key);
        if (!id.IsSuccess) return id.Error!;
        if (await db.HandbookDocuments.AnyAsync(d => d.Id == id.Value, ct)) return (id.Value, true);
        var provider = await targets.AdministeredProviders().FirstOrDefaultAsync(ct);
        if (provider == Guid.Empty) return new Forbidden("Det er leverandørens administrator som skriver i HMS-håndboka.");
        var made = HandbookDocument.Write(id.Value, provider, section, title, text, user.DisplayName, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.HandbookDocuments.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id.Value, false);
    }

    public Task<Result<Guid>> PublishAsync(Guid id, string? section, string? title, string? text, string? changeNote, CancellationToken ct)
        => EditAsync(id, d => d.Publish(section, title, text, changeNote, user.DisplayName, user.Today) is { IsSuccess: false } r ? r.Error! : d, ct);

    public Task<Result<Guid>> WithdrawAsync(Guid id, CancellationToken ct) => EditAsync(id, d => d.Withdraw(user.Today), ct);

    /// <summary>Confirms that the user has read the version in force (once; confirming again changes nothing).</summary>
    public async Task<Result<Guid>> ConfirmAsync(Guid id, int? version, CancellationToken ct)
    {
        var providers = Providers();
        var doc = await db.HandbookDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && providers.Contains(d.ProviderId), ct);
        if (doc is null || user.Id == Guid.Empty) return new NotFound();
        if (doc.WithdrawnOn is not null) return new Conflict("Dokumentet er trukket tilbake.");
        if (version is { } v && v != doc.Current.Number)
            return new Conflict($"Det er kommet en ny versjon ({doc.Current.Number}) av dokumentet. Les den før du bekrefter.");
        var confirmation = ReadConfirmation.Confirm(id, doc.Current.Number, user.Id, user.Now);
        if (await db.ReadConfirmations.AnyAsync(r => r.Id == confirmation.Id, ct)) return confirmation.Id;
        db.ReadConfirmations.Add(confirmation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same confirmation sent twice at once: the unique index keeps one, which is what was asked for.
            db.ChangeTracker.Clear();
        }
        return confirmation.Id;
    }

    /// <summary>Whether the user writes in a handbook (a provider's administrator).</summary>
    public Task<bool> CanWriteAsync(CancellationToken ct) => targets.AdministeredProviders().AnyAsync(ct);

    /// <summary>The documents the user has not confirmed the version in force of (for the start page).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var uid = user.Id;
        if (uid == Guid.Empty || !await db.Assistants.AnyAsync(a => a.UserId == uid, ct)) return 0;
        return (await ListAsync(ct)).Count(r => !r.Withdrawn && !r.ReadByMe);
    }

    /// <summary>
    /// The providers whose handbook the user reads: through a grant at the provider (not a case worker's), as an assistant in
    /// employment, or through a role in one of its arrangements today (work leader, deputy, recipient).
    /// </summary>
    private IQueryable<Guid> Providers()
    {
        var uid = user.Id;
        var today = user.Today;
        var auditor = user.Purpose is not null;
        var grants = db.ProviderGrants.Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator
            || g.Role == ProviderRole.UnionRepresentative || (g.Role == ProviderRole.Auditor && auditor))).Select(g => g.ProviderId);
        var assists = db.Assistants.Where(a => a.UserId == uid && db.Employments.Any(e => e.AssistantId == a.Id && e.Start <= today && (e.End == null || e.End >= today)))
            .Select(a => a.ProviderId);
        var roles = db.ArrangementRoles.Where(r => r.UserId == uid && r.From <= today && (r.To == null || r.To >= today))
            .Join(db.Arrangements, r => r.ArrangementId, a => a.Id, (r, a) => a.ProviderId);
        return db.Providers.Where(p => uid != Guid.Empty && (grants.Contains(p.Id) || assists.Contains(p.Id) || roles.Contains(p.Id))).Select(p => p.Id);
    }

    private sealed record Followed(Guid Id, Guid ProviderId, Guid? UserId, string Name, string? Office)
    {
        public int ConfirmedOrder(Dictionary<Guid, Instant> at) => UserId is { } u && at.ContainsKey(u) ? 1 : 0;
    }

    /// <summary>The assistants in employment today whose reading the user follows up: all the provider's for its administrator, the office's for a coordinator.</summary>
    private async Task<List<Followed>> FollowedAssistantsAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var admins = targets.AdministeredProviders();
        var offices = access.ManagedOffices().Select(o => o.Id);
        return await db.Assistants.AsNoTracking()
            .Where(a => (admins.Contains(a.ProviderId) || (a.OfficeId != null && offices.Contains(a.OfficeId.Value)))
                && db.Employments.Any(e => e.AssistantId == a.Id && e.Start <= today && (e.End == null || e.End >= today)))
            .Select(a => new Followed(a.Id, a.ProviderId, a.UserId, a.FullName, db.Offices.Where(o => o.Id == a.OfficeId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private async Task<Result<Guid>> EditAsync(Guid id, Func<HandbookDocument, Result<HandbookDocument>> edit, CancellationToken ct)
    {
        var admins = targets.AdministeredProviders();
        var doc = await db.HandbookDocuments.FirstOrDefaultAsync(d => d.Id == id && admins.Contains(d.ProviderId), ct);
        if (doc is null)
            return await Providers().AnyAsync(p => db.HandbookDocuments.Any(d => d.Id == id && d.ProviderId == p), ct)
                ? new Forbidden("Det er leverandørens administrator som endrer HMS-håndboka.") : new NotFound();
        var result = edit(doc);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(id, "Dokumentet ble endret av noen andre samtidig. Les det på nytt.", ct);
    }
}
