using Microsoft.EntityFrameworkCore;
using NodaTime;
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

    /// <summary>Tillitsvalgt: plans and their AML § 10-3 discussion in arrangements where the provider employs.</summary>
    UnionRepresentative = 256,

    /// <summary>The recipient who reads their own arrangement without leading it.</summary>
    Recipient = 512,

    /// <summary>The deputy today, in a period they act as work leader (and still hold the deputy role).</summary>
    ActingWorkLeader = 1024,

    /// <summary>
    /// Beside the administrator's or auditor's relation: the arrangement is restricted after the recipient's erasure request
    /// (ADR 0036), so it is read, never changed.
    /// </summary>
    Restricted = 2048,
}

/// <summary>What a set of relations allows (architecture principle 11: resource-based authorisation).</summary>
public static class RelationExtensions
{
    /// <summary>Those who lead the daily work: work leader, co-work leader, and the deputy in a period they act as work leader.</summary>
    public const Relation Leaders = Relation.WorkLeader | Relation.CoWorkLeader | Relation.ActingWorkLeader;

    public static bool CanEdit(this Relation r) => Open(r) && (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Leaders)) != 0;

    /// <summary>Not restricted: a restricted arrangement (GDPR art. 18) is kept and read, not changed.</summary>
    private static bool Open(Relation r) => (r & Relation.Restricted) == 0;

    /// <summary>Approving time sheets and corrections as the work leader does.</summary>
    public static bool Leads(this Relation r) => (r & Leaders) != 0;

    /// <summary>The decision's hours and needs: everyone but an assistant and the union representative.</summary>
    public static bool CanSeeDecision(this Relation r) => (r & ~(Relation.Assistant | Relation.UnionRepresentative)) != 0;

    /// <summary>Assistants' phone and e-mail: those who lead or employ, and the auditor.</summary>
    public static bool CanSeeContacts(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.Deputy | Leaders)) != 0;

    /// <summary>
    /// The arrangement's work plan with everyone's shifts and its findings: those who lead, employ or audit, the union
    /// representative and the recipient (assistants see their own in «Min plan»).
    /// </summary>
    public static bool CanSeePlan(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.Deputy | Leaders | Relation.UnionRepresentative | Relation.Recipient)) != 0;

    /// <summary>
    /// The assistants' time sheets: those who lead, stand in, employ or audit. Not the recipient (who reads the plan and the
    /// hour account) or the union representative (who reads the AML § 10-7 working-time record instead).
    /// </summary>
    public static bool CanSeeSheets(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.Deputy | Leaders)) != 0;

    /// <summary>Recording the plan's AML § 10-3 discussion: those who make the plan, and the union representative.</summary>
    public static bool CanRecordDiscussion(this Relation r) => r.CanEdit() || (Open(r) && (r & Relation.UnionRepresentative) != 0);

    /// <summary>Setting a period in which the deputy acts as work leader: the work leader, the co-work leader and the provider.</summary>
    public static bool CanSetActing(this Relation r)
        => Open(r) && (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.WorkLeader | Relation.CoWorkLeader)) != 0;

    /// <summary>The periods a deputy acts as work leader: those who lead, stand in, employ or audit, and the recipient.</summary>
    public static bool CanSeeActing(this Relation r)
        => (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.Deputy | Relation.Recipient | Leaders)) != 0;

    /// <summary>Opening the assistants' own pages from the arrangement: everyone but a case worker and the recipient.</summary>
    public static bool CanOpenAssistants(this Relation r) => (r & ~(Relation.CaseWorker | Relation.Recipient)) != 0;

    /// <summary>Accepting a rule breach in a plan, with a reason: the employer's roles only.</summary>
    public static bool CanOverrideBreach(this Relation r) => Open(r) && (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;

    public static bool CanManageAssistants(this Relation r) => Open(r) && (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;

    /// <summary>The hour account: as the decision (work leaders, deputy, provider, case worker), never an assistant only.</summary>
    public static bool CanSeeHourAccount(this Relation r) => r.CanSeeDecision();

    /// <summary>Registering decisions, their letters and opening balances: the provider's administrator and the office's coordinator.</summary>
    public static bool CanManageDecisions(this Relation r) => Open(r) && (r & (Relation.ProviderAdmin | Relation.OfficeCoordinator)) != 0;
}

/// <summary>
/// The one place that decides which arrangements and assistants a user may see and change. Lists
/// filter with <see cref="ReadableArrangements"/>; single objects ask <see cref="RelationTo"/> and
/// answer 404 when it is <see cref="Relation.None"/>, exactly as for a missing object (quality.md S1).
/// An auditor's grant counts only once a purpose is stated for the session.
/// </summary>
public sealed class ArrangementAccess(SelvstyrtDb db, CurrentUser user)
{
    public IQueryable<Arrangement> ReadableArrangements() => db.Arrangements.Where(LeadsOrOversees(union: true).Or(Assists()));

    /// <summary>
    /// The arrangements whose decision and hour account the user may read: through a grant or a role in the arrangement
    /// (not merely as an assistant or as the union representative). With <see cref="ReadableArrangements"/> this tells in
    /// one query where the user sees the arrangement without its decision.
    /// </summary>
    public IQueryable<Arrangement> LeadOrOverseenArrangements() => db.Arrangements.Where(LeadsOrOversees(union: false));

    /// <summary>
    /// The arrangements whose plans the user may change today (<see cref="RelationExtensions.CanEdit"/>): the provider's
    /// administrator, the office's coordinator, the work leader and co-work leader, and a deputy in an acting period.
    /// </summary>
    public IQueryable<Arrangement> EditableArrangements()
    {
        var uid = user.Id;
        var today = user.Today;
        var leads = Leading.On(db, today).Where(l => l.UserId == uid).Select(l => l.ArrangementId);
        return db.Arrangements.Where(a => a.RestrictedOn == null && (
            db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId
                                       && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId)))
            || leads.Contains(a.Id)));
    }

    /// <summary>The arrangements where the user works as an assistant today.</summary>
    public IQueryable<Arrangement> AssistedArrangements() => db.Arrangements.Where(Assists());

    private System.Linq.Expressions.Expression<Func<Arrangement, bool>> LeadsOrOversees(bool union)
    {
        var uid = user.Id;
        var today = user.Today;
        var auditorAllowed = user.Purpose is not null;
        // A restricted arrangement (ADR 0036) is read by the provider's administrator and an auditor with a purpose only.
        return a =>
            db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == a.ProviderId && (
                g.Role == ProviderRole.ProviderAdmin
                || (g.Role == ProviderRole.Auditor && auditorAllowed)
                || (a.RestrictedOn == null && (
                    (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId)
                    || (g.Role == ProviderRole.CaseWorker && g.MunicipalityId == a.MunicipalityId)
                    || (union && g.Role == ProviderRole.UnionRepresentative && a.EmployerModel == EmployerModel.Provider)))))
            || (a.RestrictedOn == null && a.Roles.Any(r => r.UserId == uid && r.From <= today && (r.To == null || r.To >= today)));
    }

    private System.Linq.Expressions.Expression<Func<Arrangement, bool>> Assists()
    {
        var uid = user.Id;
        var today = user.Today;
        return a => a.RestrictedOn == null && a.Assignments.Any(s => s.From <= today && (s.To == null || s.To >= today)
            && db.Assistants.Any(x => x.Id == s.AssistantId && x.UserId == uid));
    }

    /// <summary>The user's relations to one arrangement; <see cref="Relation.None"/> for a foreign or missing one.</summary>
    public async Task<Relation> RelationTo(Guid arrangementId, CancellationToken ct = default)
    {
        var uid = user.Id;
        var today = user.Today;
        var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId)
            .Select(x => new { x.ProviderId, x.OfficeId, x.MunicipalityId, x.EmployerModel, x.RestrictedOn }).SingleOrDefaultAsync(ct);
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
                ProviderRole.UnionRepresentative when a.EmployerModel == EmployerModel.Provider => Relation.UnionRepresentative,
                _ => Relation.None,
            };
        }
        if (a.RestrictedOn is not null)
        {
            // Restricted (ADR 0036): the administrator and an auditor with a purpose read it; no one changes it.
            relation &= Relation.ProviderAdmin | Relation.Auditor;
            return relation == Relation.None ? Relation.None : relation | Relation.Restricted;
        }
        var roles = await db.ArrangementRoles.AsNoTracking()
            .Where(r => r.ArrangementId == arrangementId && r.UserId == uid && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => new { r.Id, r.Kind }).ToListAsync(ct);
        foreach (var role in roles)
        {
            relation |= role.Kind switch
            {
                ArrangementRoleKind.WorkLeader => Relation.WorkLeader,
                ArrangementRoleKind.CoWorkLeader => Relation.CoWorkLeader,
                ArrangementRoleKind.Deputy => Relation.Deputy,
                ArrangementRoleKind.Recipient => Relation.Recipient,
                _ => Relation.None,
            };
        }
        var deputyRoles = roles.Where(r => r.Kind == ArrangementRoleKind.Deputy).Select(r => r.Id).ToList();
        if (deputyRoles.Count > 0 && await db.ActingPeriods.AnyAsync(p => deputyRoles.Contains(p.RoleId) && p.From <= today && p.To >= today, ct))
            relation |= Relation.ActingWorkLeader;
        var assisting = await db.Assignments.AnyAsync(s => s.ArrangementId == arrangementId && s.From <= today && (s.To == null || s.To >= today)
            && db.Assistants.Any(x => x.Id == s.AssistantId && x.UserId == uid), ct);
        if (assisting) relation |= Relation.Assistant;
        return relation;
    }

    /// <summary>
    /// Assistants the user may see: the whole provider for its administrator, its union representative and (with a
    /// purpose) its auditor; the office's for a coordinator; those assigned now or later to an arrangement the user
    /// leads or stands in for; and the user's own record. Case workers and recipients see no assistant records.
    /// </summary>
    public IQueryable<Assistant> ReadableAssistants()
    {
        var uid = user.Id;
        var today = user.Today;
        var auditorAllowed = user.Purpose is not null;
        // A record restricted after an erasure request (GDPR art. 18) is read only by the provider's administrator, and by an
        // auditor with a stated purpose; not by the person's former colleagues, coordinator or union representative.
        return db.Assistants.Where(x => x.RestrictedOn != null
            ? db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == x.ProviderId
                && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.Auditor && auditorAllowed)))
            : x.UserId == uid
            || db.ProviderGrants.Any(g => g.UserId == uid && g.ProviderId == x.ProviderId && (
                g.Role == ProviderRole.ProviderAdmin
                || g.Role == ProviderRole.UnionRepresentative
                || (g.Role == ProviderRole.Auditor && auditorAllowed)
                || (g.Role == ProviderRole.OfficeCoordinator && (g.OfficeId == x.OfficeId
                    || db.Assignments.Any(s => s.AssistantId == x.Id && db.Arrangements.Any(a => a.Id == s.ArrangementId && a.OfficeId == g.OfficeId))))))
            || db.Assignments.Any(s => s.AssistantId == x.Id && (s.To == null || s.To >= today)
                && db.ArrangementRoles.Any(r => r.ArrangementId == s.ArrangementId && r.UserId == uid && r.Kind != ArrangementRoleKind.Recipient
                    && r.From <= today && (r.To == null || r.To >= today))));
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
            || (a.RestrictedOn == null && g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == a.OfficeId)
            || (a.RestrictedOn == null && caseWorkers && g.Role == ProviderRole.CaseWorker && g.MunicipalityId == a.MunicipalityId))));
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

    /// <summary>Writes the access-log row (quality.md S3) at the end of the arrangement's hash chain, before the data is returned.</summary>
    public Task LogReadAsync(Guid arrangementId, Relation relation, string what, CancellationToken ct = default)
        => AccessLogChain.AppendAsync(db, new AccessLogEntry
        {
            UserId = user.Id,
            ArrangementId = arrangementId,
            Purpose = user.Purpose ?? relation.ToString(),
            What = what,
            At = user.Now,
            RequestId = user.RequestId,
        }, ct);
}

/// <summary>A person who leads an arrangement on a day (for notices and queues).</summary>
public sealed class LeaderRow
{
    public Guid ArrangementId { get; init; }
    public Guid UserId { get; init; }
}

/// <summary>Who leads the daily work of arrangements on a day: work leaders, co-work leaders, and deputies in a period they act as work leader.</summary>
public static class Leading
{
    public static IQueryable<LeaderRow> On(SelvstyrtDb db, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ArrangementRoles
            .Where(r => (r.Kind == ArrangementRoleKind.WorkLeader || r.Kind == ArrangementRoleKind.CoWorkLeader) && r.From <= day && (r.To == null || r.To >= day))
            .Select(r => new LeaderRow { ArrangementId = r.ArrangementId, UserId = r.UserId })
            .Concat(db.ActingPeriods
                .Where(p => p.From <= day && p.To >= day && db.ArrangementRoles.Any(r => r.Id == p.RoleId && r.From <= day && (r.To == null || r.To >= day)))
                .Select(p => new LeaderRow { ArrangementId = p.ArrangementId, UserId = p.UserId }));
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
