using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Quality;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Audits;

/// <summary>
/// Internal control and audits (issue 20, part 5): the year's audit plan, each audit held, its findings and their measures, and
/// closing. The provider's administrator plans and runs audits anywhere in the provider, an office's coordinator in the office and
/// its arrangements. Those who lead an audited arrangement read its audits (they carry out the measures); an auditor with a stated
/// purpose reads every one; nobody else sees them.
/// </summary>
public sealed class AuditRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, QualityTargets targets)
{
    public sealed record Row(Guid Id, string Title, string Area, QualityScope Scope, string Name, LocalDate PlannedOn, AuditStatus Status, int Deviations, int Observations,
        int OpenMeasures);

    public sealed record View(Audit Audit, string Name, bool CanEdit);

    public Task<List<QualityTargets.Target>> TargetsAsync(CancellationToken ct) => targets.WritableAsync(QualityTargets.Reach.Managed, ct);

    /// <summary>The year's audit plan: every audit the user may read that is planned or held in the year, by day.</summary>
    public async Task<List<Row>> PlanAsync(int year, CancellationToken ct)
    {
        var from = new LocalDate(year, 1, 1);
        var to = new LocalDate(year, 12, 31);
        var audits = await Readable().AsNoTracking().Where(a => (a.PlannedOn >= from && a.PlannedOn <= to) || (a.ConductedOn >= from && a.ConductedOn <= to))
            .OrderBy(a => a.PlannedOn).ToListAsync(ct);
        var names = await targets.NamesAsync(audits.Select(a => a.ScopeId), ct);
        return [.. audits.Select(a => new Row(a.Id, a.Title, a.Area, a.Scope, names.GetValueOrDefault(a.ScopeId, ""), a.PlannedOn, a.Status,
            a.Findings.Count(f => f.Kind == FindingKind.Deviation), a.Findings.Count(f => f.Kind == FindingKind.Observation),
            a.Findings.SelectMany(f => f.Measures).Count(m => m.DoneOn is null)))];
    }

    /// <summary>Plans an audit of a target the user may audit. Idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> PlanAuditAsync(QualityScope? scope, Guid? scopeId, AuditPlanInput input, string? key, CancellationToken ct)
    {
        var id = Creates.IdFor($"audit:{user.Id}", key);
        if (!id.IsSuccess) return id.Error!;
        if (await db.Audits.AnyAsync(a => a.Id == id.Value, ct)) return (id.Value, true);
        var target = (await TargetsAsync(ct)).FirstOrDefault(t => t.Scope == scope && t.ScopeId == scopeId);
        if (target is null) return Invalid.Field("target", "Velg administrasjonen, et kontor eller en ordning du kan revidere.");
        var made = Audit.Plan(id.Value, target.ProviderId, target.Scope, target.ScopeId, target.OfficeId, input, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.Audits.Add(made.Value!);
        return await db.SaveCreatedAsync<Audit>(id.Value, ct);
    }

    public async Task<Result<View>> GetAsync(Guid id, CancellationToken ct)
    {
        var audit = await Readable().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null) return new NotFound();
        var names = await targets.NamesAsync([audit.ScopeId], ct);
        return new View(audit, names.GetValueOrDefault(audit.ScopeId, ""), await Writable().AnyAsync(a => a.Id == id, ct));
    }

    public Task<Result<Guid>> ReplanAsync(Guid id, AuditPlanInput input, CancellationToken ct) => EditAsync(id, a => a.Replan(input, user.Today), ct);

    public Task<Result<Guid>> ConductAsync(Guid id, LocalDate? on, string? summary, CancellationToken ct) => EditAsync(id, a => a.Conduct(on, summary, user.Today), ct);

    public async Task<Result<(Guid Id, bool Existed)>> AddFindingAsync(Guid id, FindingKind? kind, string? description, string? requirement, string? key, CancellationToken ct)
    {
        var findingId = Creates.IdFor($"finding:{id}", key);
        if (!findingId.IsSuccess) return findingId.Error!;
        var existed = false;
        var saved = await EditAsync(id, a =>
        {
            existed = a.Findings.Any(f => f.Id == findingId.Value);
            var added = a.AddFinding(findingId.Value, kind, description, requirement);
            return added.IsSuccess ? a : added.Error!;
        }, ct);
        return saved.IsSuccess ? (findingId.Value, existed) : saved.Error!;
    }

    public async Task<Result<(Guid Id, bool Existed)>> AddMeasureAsync(Guid id, Guid findingId, string? text, string? owner, LocalDate? dueOn, string? key, CancellationToken ct)
    {
        var measureId = Creates.IdFor($"finding-measure:{findingId}", key);
        if (!measureId.IsSuccess) return measureId.Error!;
        var existed = false;
        var saved = await EditAsync(id, a =>
        {
            existed = a.Findings.Any(f => f.Measures.Any(m => m.Id == measureId.Value));
            var added = a.AddMeasure(findingId, measureId.Value, text, owner, dueOn, user.Today);
            return added.IsSuccess ? a : added.Error!;
        }, ct);
        return saved.IsSuccess ? (measureId.Value, existed) : saved.Error!;
    }

    public Task<Result<Guid>> CompleteMeasureAsync(Guid id, Guid findingId, Guid measureId, CancellationToken ct)
        => EditAsync(id, a => a.CompleteMeasure(findingId, measureId, user.Today), ct);

    public Task<Result<Guid>> CloseAsync(Guid id, string? conclusion, CancellationToken ct) => EditAsync(id, a => a.Close(user.DisplayName, user.Today, conclusion), ct);

    /// <summary>The audits the user may change: the provider's administrator all, a coordinator the office's and its arrangements'.</summary>
    public IQueryable<Audit> Writable()
    {
        var admins = targets.AdministeredProviders();
        var offices = access.ManagedOffices().Select(o => o.Id);
        return db.Audits.Where(a => admins.Contains(a.ProviderId) || (a.Scope != QualityScope.Provider && offices.Contains(a.OfficeId!.Value)));
    }

    /// <summary>The audits the user may read: those they may change, those of an arrangement they lead, and all for an auditor with a purpose.</summary>
    public IQueryable<Audit> Readable()
    {
        var writable = Writable().Select(a => a.Id);
        var led = access.EditableArrangements().Select(a => a.Id);
        var auditors = targets.AuditedProviders();
        return db.Audits.Where(a => writable.Contains(a.Id) || (a.Scope == QualityScope.Arrangement && led.Contains(a.ArrangementId!.Value)) || auditors.Contains(a.ProviderId));
    }

    private async Task<Result<Guid>> EditAsync(Guid id, Func<Audit, Result<Audit>> edit, CancellationToken ct)
    {
        var audit = await Writable().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null)
            return await Readable().AnyAsync(a => a.Id == id, ct) ? new Forbidden("Du kan lese revisjonen, men ikke endre den.") : new NotFound();
        var result = edit(audit);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(id, "Revisjonen ble endret av noen andre samtidig. Les den på nytt.", ct);
    }
}
