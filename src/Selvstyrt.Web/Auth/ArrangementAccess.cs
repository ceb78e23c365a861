using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Web.Auth;

/// <summary>Why a user may see an arrangement; one user can hold several relations to one arrangement.</summary>
[Flags]
public enum Relation
{
    None = 0,
    ProviderAdmin = 1,
    OfficeCoordinator = 2,
    Auditor = 4,
    CaseWorker = 8,
    WorkLeader = 16,
    CoWorkLeader = 32,
    Deputy = 64,
    Assistant = 128,
}

/// <summary>What a set of relations allows (architecture principle 11: resource-based authorisation).</summary>
public static class RelationExtensions
{
    public static bool CanEdit(this Relation r) => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.WorkLeader | Relation.CoWorkLeader)) != 0;

    /// <summary>The decision's hours and needs: everyone but an assistant.</summary>
    public static bool CanSeeDecision(this Relation r) => (r & ~Relation.Assistant) != 0;

    /// <summary>Assistants' phone and e-mail: those who lead or employ, and the auditor.</summary>
    public static bool CanSeeContacts(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.WorkLeader | Relation.CoWorkLeader | Relation.Deputy)) != 0;

    /// <summary>The arrangement's work plan with everyone's shifts and its findings: those who lead, employ or audit (assistants see their own in «Min plan»).</summary>
    public static bool CanSeePlan(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.WorkLeader | Relation.CoWorkLeader | Relation.Deputy)) != 0;

    /// <summary>Accepting a rule breach in a plan, with a reason: the employer's roles only.</summary>
    public static bool CanOverrideBreach(this Relation r) => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;

    public static bool CanManageAssistants(this Relation r) => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;

    /// <summary>The hour account: as the decision (work leaders, deputy, provider, case worker), never an assistant only.</summary>
    public static bool CanSeeHourAccount(this Relation r) => r.CanSeeDecision();

    /// <summary>Registering decisions, their letters and opening balances: the provider's administrator and the office's coordinator.</summary>
    public static bool CanManageDecisions(this Relation r) => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;
}

/// <summary>
/// The one place that decides which arrangements and assistants a user may see and change. Lists
/// filter with <see cref="ReadableArrangements"/>; single objects ask <see cref="RelationTo"/> and
/// answer 404 when it is <see cref="Relation.None"/>, exactly as for a missing object (quality.md S1).
/// An auditor's grant counts only once a purpose is stated for the session.
/// </summary>
public sealed class ArrangementAccess(SelvstyrtDb db, CurrentUser user)
{
    public IQueryable<Arrangement> ReadableArrangements() => db.Arrangements.Where(LeadsOrOversees().Or(Assists()));

    /// <summary>
    /// The arrangements the user reaches through a grant or a leading role (not merely as an assistant).
    /// With <see cref="ReadableArrangements"/> this tells in one query where the user only assists.
    /// </summary>
    public IQueryable<Arrangement> LeadOrOverseenArrangements() => db.Arrangements.Where(LeadsOrOversees());

    private System.Linq.Expressions.Expression<Func<Arrangement, bool>> LeadsOrOversees()
    {
        var uid = user.Id;
        var today = user.Today;
        var auditorAllowed = user.Purpose is not null;
        return a =>
            db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId && (
                g.Role == ProviderRole.ProviderAdmin
                || (g.Role == ProviderRole.Auditor && auditorAllowed)
                || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId)
                || (g.Role == ProviderRole.CaseWorker && g.MunicipalityId == a.MunicipalityId)))
            || a.Roles.Any(r => r.UserId == uid && r.From <= today && (r.To == null || r.To >= today));
    }

    private System.Linq.Expressions.Expression<Func<Arrangement, bool>> Assists()
    {
        var uid = user.Id;
        var today = user.Today;
        return a => a.Assignments.Any(s => s.From <= today && (s.To == null || s.To >= today)
            && db.Assistants.Any(x => x.Id == s.AssistantId && x.UserId == uid));
    }

    /// <summary>The user's relations to one arrangement; <see cref="Relation.None"/> for a foreign or missing one.</summary>
    public async Task<Relation> RelationTo(Guid arrangementId, CancellationToken ct = default)
    {
        var uid = user.Id;
        var today = user.Today;
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId)
            .Select(x => new { x.ProviderId, x.OfficeId, x.MunicipalityId }).SingleOrDefaultAsync(ct);
        if (a is null || uid == Guid.Empty) return Relation.None;
        var relation = Relation.None;
        var grants = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && g.ProviderId == a.ProviderId).ToListAsync(ct);
        foreach (var g in grants)
        {
            relation |= g.Role switch
            {
                ProviderRole.ProviderAdmin => Relation.ProviderAdmin,
                ProviderRole.Auditor when user.Purpose is not null => Relation.Auditor,
                ProviderRole.OfficeCoordinator when g.OfficeId == a.OfficeId => Relation.OfficeCoordinator,
                ProviderRole.CaseWorker when g.MunicipalityId == a.MunicipalityId => Relation.CaseWorker,
                _ => Relation.None,
            };
        }
        var roles = await db.ArrangementRoles.AsNoTracking()
            .Where(r => r.ArrangementId == arrangementId && r.UserId == uid && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.Kind).ToListAsync(ct);
        foreach (var kind in roles)
        {
            relation |= kind switch
            {
                ArrangementRoleKind.WorkLeader => Relation.WorkLeader,
                ArrangementRoleKind.CoWorkLeader => Relation.CoWorkLeader,
                _ => Relation.Deputy,
            };
        }
        var assisting = await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.From <= today && (s.To == null || s.To >= today)
            && db.Assistants.Any(x => x.Id == s.AssistantId && x.UserId == uid), ct);
        if (assisting) relation |= Relation.Assistant;
        return relation;
    }

    /// <summary>
    /// Assistants the user may see: the whole provider for its administrator and (with a purpose) its
    /// auditor; the office's for a coordinator; those assigned now or later to an arrangement the user
    /// leads; and the user's own record. Case workers see no assistant records.
    /// </summary>
    public IQueryable<Assistant> ReadableAssistants()
    {
        var uid = user.Id;
        var today = user.Today;
        var auditorAllowed = user.Purpose is not null;
        return db.Assistants.Where(x =>
            x.UserId == uid
            || db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == x.ProviderId && (
                g.Role == ProviderRole.ProviderAdmin
                || (g.Role == ProviderRole.Auditor && auditorAllowed)
                || (g.Role == ProviderRole.OfficeCoordinator && (g.OfficeId == x.OfficeId
                    || db.Assignments.Any(s => s.AssistantId == x.Id && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.OfficeId == g.OfficeId))))))
            || db.Assignments.Any(s => s.AssistantId == x.Id && (s.To == null || s.To >= today)
                && db.ArrangementRoles.Any(r => r.ArrangementId == s.ArrangementId && r.UserId == uid && r.From <= today && (r.To == null || r.To >= today))));
    }

    /// <summary>
    /// The arrangements of one municipality that the user may report on: the provider's administrator and (with a
    /// purpose) auditor see all, a coordinator their office's, a case worker (when <paramref name="caseWorkers"/>)
    /// their own municipality's. Work leaders and assistants report nothing.
    /// </summary>
    public IQueryable<Arrangement> ReportableArrangements(Guid municipalityId, bool caseWorkers)
    {
        var uid = user.Id;
        var auditorAllowed = user.Purpose is not null;
        return db.Arrangements.Where(a => a.MunicipalityId == municipalityId && db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId && (
            g.Role == ProviderRole.ProviderAdmin
            || (g.Role == ProviderRole.Auditor && auditorAllowed)
            || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId)
            || (caseWorkers && g.Role == ProviderRole.CaseWorker && g.MunicipalityId == a.MunicipalityId))));
    }

    /// <summary>
    /// The offices the user manages: every office of a provider they administer, and the offices they coordinate. Where
    /// they may register assistants, create arrangements and give the roles in them.
    /// </summary>
    public IQueryable<Office> ManagedOffices()
    {
        var uid = user.Id;
        return db.Offices.Where(o => db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == o.ProviderId
            && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == o.Id))));
    }

    /// <summary>The providers where the user may create and change assistants (administrator or coordinator).</summary>
    public Task<List<ProviderGrant>> ManagingGrants(CancellationToken ct = default)
    {
        var uid = user.Id;
        return db.ProviderGrants.AsNoTracking()
            .Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator))
            .ToListAsync(ct);
    }

    /// <summary>Writes the access-log row (quality.md S3) before the data is returned.</summary>
    public async Task LogReadAsync(Guid arrangementId, Relation relation, string what, CancellationToken ct = default)
    {
        db.AccessLog.Add(new AccessLogEntry
        {
            UserId = user.Id,
            ArrangementId = arrangementId,
            Purpose = user.Purpose ?? relation.ToString(),
            What = what,
            At = user.Now,
            RequestId = user.RequestId,
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Combines two predicates into one EF Core can translate (same parameter, OR-ed bodies).</summary>
internal static class PredicateExtensions
{
    public static System.Linq.Expressions.Expression<Func<T, bool>> Or<T>(
        this System.Linq.Expressions.Expression<Func<T, bool>> left, System.Linq.Expressions.Expression<Func<T, bool>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(System.Linq.Expressions.Expression.OrElse(left.Body, rightBody), parameter);
    }

    private sealed class Rebind(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to)
        : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : node;
    }
}
