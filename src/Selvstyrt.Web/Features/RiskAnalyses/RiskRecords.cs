using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.RiskAnalyses;

/// <summary>
/// The yearly risk and vulnerability analyses (ROS; issue 20, part 3) at three levels. The provider's administrator writes the
/// administration's and every office's and arrangement's; an office's coordinator the office's and its arrangements'; the work
/// leaders their arrangement's. The provider's coordinators read the administration's, and an auditor with a stated purpose
/// reads them all. Nobody else sees them.
/// </summary>
public sealed class RiskRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, QualityTargets targets)
{
    public sealed record Row(Guid Id, QualityScope Scope, string Name, int Year, int High, int Medium, int Low, LocalDate ReviewOn, LocalDate? ApprovedOn);

    public sealed record View(RiskAnalysis Analysis, string Name, bool CanEdit);

    /// <summary>What the user may start an analysis of, in the order administration, offices, arrangements.</summary>
    public Task<List<QualityTargets.Target>> TargetsAsync(CancellationToken ct) => targets.WritableAsync(QualityTargets.Reach.Led, ct);

    /// <summary>The analyses the user may read, newest year first.</summary>
    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var rows = await Readable().AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        var names = await NamesAsync(rows, ct);
        return [.. rows.OrderByDescending(r => r.Year).ThenBy(r => r.Scope).ThenBy(r => names[r.ScopeId], Names.Norwegian)
            .Select(r => new Row(r.Id, r.Scope, names[r.ScopeId], r.Year, r.Hazards.Count(h => h.Class == RiskClass.High), r.Hazards.Count(h => h.Class == RiskClass.Medium),
                r.Hazards.Count(h => h.Class == RiskClass.Low), r.ReviewOn, r.ApprovedOn))];
    }

    /// <summary>Starts the year's analysis of a target, from the latest earlier one when <paramref name="copyPrevious"/>. Idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> StartAsync(QualityScope? scope, Guid? scopeId, int? year, bool copyPrevious, string? key, CancellationToken ct)
    {
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"ros:{user.Id}", key);
        if (await db.RiskAnalyses.AnyAsync(r => r.Id == id, ct)) return (id, true);
        var target = (await TargetsAsync(ct)).FirstOrDefault(t => t.Scope == scope && t.ScopeId == scopeId);
        if (target is null) return Invalid.Field("target", "Velg administrasjonen, et kontor eller en ordning du kan lage risikoanalyse for.");
        if (year is { } y && await db.RiskAnalyses.AnyAsync(r => r.ScopeId == target.ScopeId && r.Year == y, ct))
            return Invalid.Field("year", $"{target.Name} har allerede en risikoanalyse for {y}. Åpne den i lista.");
        var previous = copyPrevious && year is { } yr
            ? await db.RiskAnalyses.Where(r => r.ScopeId == target.ScopeId && r.Year < yr).OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct)
            : null;
        var made = previous is not null
            ? RiskAnalysis.CopyOf(id, previous, year, user.Today, key)
            : RiskAnalysis.Start(id, target.ProviderId, target.Scope, target.OfficeId, target.Scope == QualityScope.Arrangement ? target.ScopeId : null, year, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.RiskAnalyses.Add(made.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two starts of the same year at once: the unique index lets one win; the other is told, as above.
            db.ChangeTracker.Clear();
            if (!await db.RiskAnalyses.AsNoTracking().AnyAsync(r => r.ScopeId == target.ScopeId && r.Year == year, ct)) throw;
            return Invalid.Field("year", $"{target.Name} har allerede en risikoanalyse for {year}. Åpne den i lista.");
        }
        return (id, false);
    }

    public async Task<Result<View>> GetAsync(Guid id, CancellationToken ct)
    {
        var analysis = await Readable().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (analysis is null) return new NotFound();
        var names = await NamesAsync([analysis], ct);
        return new View(analysis, names[analysis.ScopeId], await Writable().AnyAsync(r => r.Id == id, ct));
    }

    public async Task<Result<(Guid Id, bool Existed)>> AddHazardAsync(Guid id, HazardInput input, string? key, CancellationToken ct)
    {
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var hazardId = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"hazard:{id}", key);
        var existed = false;
        var saved = await EditAsync(id, a =>
        {
            existed = a.Hazards.Any(h => h.Id == hazardId);
            var added = a.AddHazard(hazardId, input);
            return added.IsSuccess ? a : added.Error!;
        }, ct);
        return saved.IsSuccess ? (hazardId, existed) : saved.Error!;
    }

    public Task<Result<Guid>> ChangeHazardAsync(Guid id, Guid hazardId, HazardInput input, CancellationToken ct)
        => EditAsync(id, a => a.ChangeHazard(hazardId, input) is { IsSuccess: false } r ? r.Error! : a, ct);

    public Task<Result<Guid>> RemoveHazardAsync(Guid id, Guid hazardId, CancellationToken ct) => EditAsync(id, a => a.RemoveHazard(hazardId), ct);

    public Task<Result<Guid>> RescheduleAsync(Guid id, LocalDate? reviewOn, CancellationToken ct) => EditAsync(id, a => a.Reschedule(reviewOn), ct);

    public Task<Result<Guid>> ApproveAsync(Guid id, CancellationToken ct) => EditAsync(id, a => a.Approve(user.DisplayName, user.Today), ct);


    /// <summary>Those the user may change: the provider's administrator all of the provider's, a coordinator their office's and its arrangements', leaders their arrangement's.</summary>
    private IQueryable<RiskAnalysis> Writable()
    {
        var uid = user.Id;
        var admins = targets.AdministeredProviders();
        var offices = access.ManagedOffices().Select(o => o.Id);
        var arrangements = access.EditableArrangements().Select(a => a.Id);
        return db.RiskAnalyses.Where(r => uid != Guid.Empty && (admins.Contains(r.ProviderId)
            || (r.Scope == QualityScope.Office && offices.Contains(r.OfficeId!.Value))
            || (r.Scope == QualityScope.Arrangement && arrangements.Contains(r.ArrangementId!.Value))));
    }

    /// <summary>Those the user may read: what they may change, the administration's for the provider's coordinators, and all for an auditor with a purpose.</summary>
    private IQueryable<RiskAnalysis> Readable()
    {
        var uid = user.Id;
        var writable = Writable().Select(r => r.Id);
        var coordinators = targets.CoordinatedProviders();
        var auditors = targets.AuditedProviders();
        return db.RiskAnalyses.Where(r => uid != Guid.Empty && (writable.Contains(r.Id)
            || (r.Scope == QualityScope.Provider && coordinators.Contains(r.ProviderId))
            || auditors.Contains(r.ProviderId)));
    }

    private Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<RiskAnalysis> rows, CancellationToken ct) => targets.NamesAsync(rows.Select(r => r.ScopeId), ct);

    private async Task<Result<Guid>> EditAsync(Guid id, Func<RiskAnalysis, Result<RiskAnalysis>> edit, CancellationToken ct)
    {
        var analysis = await Writable().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (analysis is null)
            return await Readable().AnyAsync(r => r.Id == id, ct) ? new Forbidden("Du kan lese analysen, men ikke endre den.") : new NotFound();
        var result = edit(analysis);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(id, "Analysen ble endret av noen andre samtidig. Les den på nytt.", ct);
    }
}
