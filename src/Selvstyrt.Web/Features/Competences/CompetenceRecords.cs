using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Features.Assistants;
using Selvstyrt.Web.Features.Organisation;

namespace Selvstyrt.Web.Features.Competences;

/// <summary>
/// The provider's competence kinds (its administrator keeps the list) and each assistant's competences (recorded by the
/// employer's side, or by a work leader where the assistant works: the one who trained them in the arrangement's routines).
/// </summary>
public sealed class CompetenceRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, AdministeredProvider administered)
{
    public sealed record KindView(Guid Id, Guid ProviderId, string Name, int? ValidMonths, LocalDate? RetiredOn, int Held);

    public sealed record HeldView(Guid Id, Guid KindId, string Name, LocalDate GainedOn, string By, LocalDate? ValidTo, LocalDate? RevokedOn, bool Holds);

    public sealed record Assistant(Guid AssistantId, string Name, bool CanRecord, IReadOnlyList<HeldView> Held, IReadOnlyList<KindView> Kinds);

    /// <summary>The kinds of the providers the user works with (administers, coordinates for, or leads an arrangement of).</summary>
    public async Task<List<KindView>> KindsAsync(CancellationToken ct)
    {
        var providers = await ProvidersAsync(ct);
        return await KindsOfAsync(providers, ct);
    }

    /// <summary>Whether the user administers one of the providers (and so may change the list).</summary>
    public async Task<bool> AdministersAsync(CancellationToken ct) => (await administered.AllAsync(ct)).Count > 0;

    /// <summary>A new kind; idempotent on the key (a retry answers with the first one, <c>Existed</c>).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> CreateKindAsync(Guid? providerId, string? name, int? validMonths, string? key, CancellationToken ct)
    {
        var provider = await administered.ResolveAsync(providerId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"competence-kind:{provider.Value}", key);
        if (await db.CompetenceKinds.AnyAsync(k => k.Id == id, ct)) return (id, true);
        var made = CompetenceKind.Create(id, provider.Value, name, validMonths);
        if (!made.IsSuccess) return made.Error!;
        if (await NameTakenAsync(provider.Value, made.Value!.Name, null, ct)) return Invalid.Field("name", $"Kompetansen «{made.Value.Name}» finnes allerede.");
        db.CompetenceKinds.Add(made.Value);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>Renames a kind or changes its validity; the templates that require it follow the new name.</summary>
    public async Task<Result<Guid>> ChangeKindAsync(Guid id, string? name, int? validMonths, CancellationToken ct)
    {
        var kind = await AdministeredKindAsync(id, ct);
        if (kind is null) return new NotFound();
        var before = kind.Name;
        var changed = kind.Change(name, validMonths);
        if (!changed.IsSuccess) return changed.Error!;
        if (await NameTakenAsync(kind.ProviderId, kind.Name, kind.Id, ct)) return Invalid.Field("name", $"Kompetansen «{kind.Name}» finnes allerede.");
        if (!string.Equals(before, kind.Name, StringComparison.Ordinal))
        {
            var arrangements = db.Arrangements.Where(a => a.ProviderId == kind.ProviderId).Select(a => a.Id);
            foreach (var template in await db.ShiftTemplates.Where(t => arrangements.Contains(t.ArrangementId)).ToListAsync(ct)) template.RenameCompetence(before, kind.Name);
        }
        await db.SaveChangesAsync(ct);
        return kind.Id;
    }

    public async Task<Result<Guid>> RetireKindAsync(Guid id, CancellationToken ct)
    {
        var kind = await AdministeredKindAsync(id, ct);
        if (kind is null) return new NotFound();
        var retired = kind.Retire(user.Today);
        if (!retired.IsSuccess) return retired.Error!;
        await db.SaveChangesAsync(ct);
        return kind.Id;
    }

    /// <summary>An assistant's competences, for those who may see the assistant; the kinds they may record from.</summary>
    public async Task<Result<Assistant>> ForAssistantAsync(Guid assistantId, CancellationToken ct)
    {
        var a = await access.ReadableAssistants().AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null) return new NotFound();
        var held = await HeldViewsAsync([a.Id], ct);
        var canRecord = await MayRecordAsync(a, ct);
        var kinds = canRecord ? (await KindsOfAsync([a.ProviderId], ct)).Where(k => k.RetiredOn is null || k.RetiredOn > user.Today).ToList() : [];
        return new Assistant(a.Id, a.FullName, canRecord, held.GetValueOrDefault(a.Id) ?? [], kinds);
    }

    /// <summary>Records a competence; idempotent on the key (a retry answers with the first one, <c>Existed</c>).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> RecordAsync(Guid assistantId, Guid? kindId, LocalDate? gainedOn, string? by, LocalDate? validTo, string? key, CancellationToken ct)
    {
        var a = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null || !await access.ReadableAssistants().AnyAsync(x => x.Id == assistantId, ct)) return new NotFound();
        if (!await MayRecordAsync(a, ct)) return new Forbidden("Bare arbeidsgiveren og arbeidslederen der assistenten jobber kan registrere kompetanse.");
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"competence:{assistantId}", key);
        if (await db.AssistantCompetences.AnyAsync(c => c.Id == id, ct)) return (id, true);
        var kind = kindId is { } k ? await db.CompetenceKinds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == k && x.ProviderId == a.ProviderId, ct) : null;
        if (kind is null) return Invalid.Field("kindId", "Velg kompetansen.");
        var made = AssistantCompetence.Record(id, assistantId, kind, gainedOn, by, validTo, user.Today);
        if (!made.IsSuccess) return made.Error!;
        db.AssistantCompetences.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    public async Task<Result<Guid>> RevokeAsync(Guid assistantId, Guid competenceId, CancellationToken ct)
    {
        var held = await db.AssistantCompetences.FirstOrDefaultAsync(c => c.Id == competenceId && c.AssistantId == assistantId, ct);
        var a = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (held is null || a is null || !await access.ReadableAssistants().AnyAsync(x => x.Id == assistantId, ct)) return new NotFound();
        if (!await MayRecordAsync(a, ct)) return new Forbidden("Bare arbeidsgiveren og arbeidslederen der assistenten jobber kan trekke tilbake kompetanse.");
        var revoked = held.Revoke(user.Today);
        if (!revoked.IsSuccess) return revoked.Error!;
        await db.SaveChangesAsync(ct);
        return held.Id;
    }

    /// <summary>What the assistants hold, by the kinds' names (for matching what shifts require).</summary>
    internal static async Task<Dictionary<Guid, List<HeldCompetence>>> HeldAsync(SelvstyrtDb db, IReadOnlyCollection<Guid> assistants, CancellationToken ct)
    {
        var rows = await db.AssistantCompetences.AsNoTracking().Where(c => assistants.Contains(c.AssistantId))
            .Join(db.CompetenceKinds, c => c.KindId, k => k.Id, (c, k) => new { c.AssistantId, k.Name, c.GainedOn, c.ValidTo, c.RevokedOn }).ToListAsync(ct);
        return rows.GroupBy(r => r.AssistantId).ToDictionary(g => g.Key, g => g.Select(r => new HeldCompetence(r.Name, r.GainedOn, r.ValidTo, r.RevokedOn)).ToList());
    }

    /// <summary>The required names matched to the provider's live kinds (as the kinds spell them); an unknown name is a field error.</summary>
    internal static async Task<Result<IReadOnlyList<string>>> KnownNamesAsync(SelvstyrtDb db, Guid providerId, IReadOnlyList<string> names, LocalDate today, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0) return Array.Empty<string>();
        var kinds = await db.CompetenceKinds.AsNoTracking().Where(k => k.ProviderId == providerId && (k.RetiredOn == null || k.RetiredOn > today)).Select(k => k.Name).ToListAsync(ct);
        var byName = kinds.ToDictionary(k => k, StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(n => !byName.ContainsKey(n)).ToList();
        if (unknown.Count > 0)
            return Invalid.Field("competences", $"Ukjent kompetanse: {string.Join(", ", unknown)}. Leverandørens administrator legger den til under «Kompetanser» først.");
        return wanted.Select(n => byName[n]).ToList();
    }

    /// <summary>What everyone working in an arrangement must hold, with the provider's kinds to choose from (those who may read the plan).</summary>
    public async Task<Result<(IReadOnlyList<string> Required, IReadOnlyList<KindView> Kinds, bool CanEdit)>> ArrangementAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.ProviderId, x.RequiredCompetences }).FirstAsync(ct);
        return (a.RequiredCompetences, (await KindsOfAsync([a.ProviderId], ct)).Where(k => k.RetiredOn is null).ToList(), relation.CanEdit());
    }

    /// <summary>
    /// Sets what everyone working in the arrangement must hold (the work leader or the employer), by the names of the provider's
    /// competence kinds in use. Plans already made keep their shifts; the editor lists who now lacks something, and publishing waits.
    /// </summary>
    public async Task<Result<Guid>> RequireForArrangementAsync(Guid arrangementId, IReadOnlyList<string>? names, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (!relation.CanEdit()) return new Forbidden("Bare arbeidslederen og arbeidsgiveren kan bestemme hva alle i ordningen må kunne.");
        var arrangement = await db.Arrangements.FirstAsync(x => x.Id == arrangementId, ct);
        var known = await KnownNamesAsync(db, arrangement.ProviderId, names ?? [], user.Today, ct);
        if (!known.IsSuccess) return known.Error!;
        var set = arrangement.RequireCompetences(known.Value!);
        if (!set.IsSuccess) return set.Error!;
        return await db.SaveOrConflictAsync(arrangementId, "Ordningen ble endret av noen andre samtidig. Prøv igjen.", ct);
    }

    private async Task<Dictionary<Guid, List<HeldView>>> HeldViewsAsync(IReadOnlyCollection<Guid> assistants, CancellationToken ct)
    {
        var today = user.Today;
        var rows = await db.AssistantCompetences.AsNoTracking().Where(c => assistants.Contains(c.AssistantId))
            .Join(db.CompetenceKinds, c => c.KindId, k => k.Id, (c, k) => new { c, k.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.c.AssistantId).ToDictionary(g => g.Key, g => g
            .Select(r => new HeldView(r.c.Id, r.c.KindId, r.Name, r.c.GainedOn, r.c.By, r.c.ValidTo, r.c.RevokedOn, r.c.As(r.Name).HoldsOn(today)))
            .OrderByDescending(h => h.Holds).ThenBy(h => h.Name, StringComparer.CurrentCulture).ToList());
    }

    /// <summary>The employer's side (administrator, the office's coordinator), or one who leads an arrangement the assistant works in now or will.</summary>
    private async Task<bool> MayRecordAsync(Domain.People.Assistant a, CancellationToken ct)
    {
        if (await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct)) return true;
        var today = user.Today;
        // A place that has not begun counts too: the work leader trains a new assistant before the first shift.
        var theirs = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == a.Id && (s.To == null || s.To >= today))
            .Select(s => s.ArrangementId).Distinct().ToListAsync(ct);
        foreach (var arrangement in theirs)
            if ((await access.RelationTo(arrangement, ct)).CanEdit()) return true;
        return false;
    }

    private async Task<List<Guid>> ProvidersAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var granted = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator))
            .Select(g => g.ProviderId).ToListAsync(ct);
        var today = user.Today;
        var leading = await db.ArrangementRoles.AsNoTracking().Where(r => r.UserId == uid && r.Kind != ArrangementRoleKind.Recipient && r.From <= today && (r.To == null || r.To >= today))
            .Join(db.Arrangements, r => r.ArrangementId, x => x.Id, (r, x) => x.ProviderId).ToListAsync(ct);
        return granted.Concat(leading).Distinct().ToList();
    }

    private async Task<List<KindView>> KindsOfAsync(IReadOnlyCollection<Guid> providers, CancellationToken ct)
    {
        var kinds = await db.CompetenceKinds.AsNoTracking().Where(k => providers.Contains(k.ProviderId)).ToListAsync(ct);
        var ids = kinds.Select(k => k.Id).ToList();
        var counts = await db.AssistantCompetences.AsNoTracking().Where(c => ids.Contains(c.KindId) && c.RevokedOn == null)
            .GroupBy(c => c.KindId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return kinds.OrderBy(k => k.RetiredOn is not null).ThenBy(k => k.Name, StringComparer.CurrentCulture)
            .Select(k => new KindView(k.Id, k.ProviderId, k.Name, k.ValidMonths, k.RetiredOn, counts.GetValueOrDefault(k.Id))).ToList();
    }

    private async Task<CompetenceKind?> AdministeredKindAsync(Guid id, CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        return await db.CompetenceKinds.FirstOrDefaultAsync(k => k.Id == id && providers.Contains(k.ProviderId), ct);
    }

    /// <summary>Whether another kind of the provider has the name, ignoring case (a provider has a short list, read whole).</summary>
    private async Task<bool> NameTakenAsync(Guid providerId, string name, Guid? except, CancellationToken ct)
        => (await db.CompetenceKinds.AsNoTracking().Where(k => k.ProviderId == providerId && k.Id != except).Select(k => k.Name).ToListAsync(ct))
            .Contains(name, StringComparer.OrdinalIgnoreCase);
}
