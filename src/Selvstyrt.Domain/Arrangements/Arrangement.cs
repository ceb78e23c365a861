using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Arrangements;

/// <summary>Who holds the employer responsibility for the assistants (domain.md: the roles).</summary>
public enum EmployerModel
{
    /// <summary>A provider (company or non-profit) employs the assistants: the usual model; AML applies.</summary>
    Provider = 1,

    /// <summary>The municipality employs the assistants; AML and the KS agreement apply.</summary>
    Municipality = 2,

    /// <summary>The recipient is the employer; the household regulation applies (rules.md § 0: regime).</summary>
    Recipient = 3,
}

/// <summary>
/// A BPA arrangement (BPA-ordning): one recipient, their decisions, a work leader (and maybe a
/// co-work leader and a deputy), a group of assistants, one employer and one municipality. The unit
/// of every plan, time sheet and report, and of access control.
/// </summary>
public sealed class Arrangement : AuditedAggregate
{
    private readonly List<Assignment> _assignments = [];
    private readonly List<ArrangementRole> _roles = [];

    private Arrangement(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid RecipientId { get; private set; }

    /// <summary>A short name people use («Ordningen til Kari»); no health details.</summary>
    public string Name { get; private set; } = "";
    public EmployerModel EmployerModel { get; private set; }
    public LocalDate StartDate { get; private set; }
    public LocalDate? EndDate { get; private set; }

    public const string RestrictedMessage = "Ordningen er begrenset etter mottakerens sletteforespørsel og kan ikke brukes eller endres.";

    /// <summary>
    /// Set when the recipient's erasure request was carried out after the arrangement ended (GDPR art. 18, ADR 0036): what a
    /// law keeps (plans, time sheets, decisions, the hour account) is read by the provider's administrator and an auditor
    /// with a purpose only, and nothing changes it.
    /// </summary>
    public LocalDate? RestrictedOn { get; private set; }

    /// <summary>
    /// Whether a shift swap both assistants agree on takes effect without the work leader's approval when the rules engine finds
    /// nothing new for either (a clean swap). Off by default: the work leader approves every swap.
    /// </summary>
    public bool CleanSwapsWithoutApproval { get; private set; }

    /// <summary>
    /// The competences everyone who works in the arrangement must hold (its own routines, lifting), by the competence kind's
    /// name; a shift template can require more. Checked in the plan editor, publishing, the generator and «Finn vikar».
    /// </summary>
    public IReadOnlyList<string> RequiredCompetences { get; private set; } = [];

    public IReadOnlyList<Assignment> Assignments => _assignments;
    public IReadOnlyList<ArrangementRole> Roles => _roles;

    public static Result<Arrangement> Create(Guid id, Guid providerId, Guid officeId, Guid municipalityId, Guid recipientId, string name, EmployerModel employerModel, LocalDate startDate)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Navn på ordningen må fylles ut.";
        if (!Enum.IsDefined(employerModel)) fields["employerModel"] = "Velg hvem som er arbeidsgiver.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Arrangement(id)
        {
            ProviderId = providerId, OfficeId = officeId, MunicipalityId = municipalityId, RecipientId = recipientId,
            Name = name.Trim(), EmployerModel = employerModel, StartDate = startDate,
        };
    }

    /// <summary>
    /// Restricts the ended arrangement on the recipient's erasure request: its name, which people make from the recipient's
    /// first name, becomes «Ordning» and the initials. Returns the fields cleared.
    /// </summary>
    public int Restrict(string initials, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(initials);
        Name = $"Ordning {initials}";
        RestrictedOn ??= today;
        return 1;
    }

    /// <summary>The work leader's choice for swaps (see <see cref="CleanSwapsWithoutApproval"/>).</summary>
    public void AllowCleanSwapsWithoutApproval(bool allowed) => CleanSwapsWithoutApproval = allowed;

    /// <summary>Gives the arrangement another name («Ordningen til Kari»; no health details).</summary>
    public Result<Arrangement> Rename(string? name)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (string.IsNullOrWhiteSpace(name)) return Invalid.Field("name", "Navn på ordningen må fylles ut.");
        if (name.Trim().Length > 200) return Invalid.Field("name", "Navnet kan ikke være lengre enn 200 tegn.");
        Name = name.Trim();
        return this;
    }

    /// <summary>
    /// Moves the arrangement to another local office of the same provider (the caller checks the provider): its coordinator
    /// follows from then on. Plans, time sheets and the hour account stay with the arrangement.
    /// </summary>
    /// <summary>Sets what everyone working here must hold (names of the provider's competence kinds, checked by the caller).</summary>
    public Result<Arrangement> RequireCompetences(IEnumerable<string> names)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (string.Join('\n', list).Length > 1000) return Invalid.Field("competences", "For mange kompetanser; velg de som gjelder alle i ordningen.");
        RequiredCompetences = list;
        return this;
    }

    public Result<Arrangement> MoveToOffice(Guid officeId)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (officeId == Guid.Empty) return Invalid.Field("officeId", "Velg kontoret.");
        OfficeId = officeId;
        return this;
    }

    /// <summary>Adds an assistant to the arrangement for a period (inclusive dates) within the arrangement's own.</summary>
    public Result<Assignment> Assign(Guid id, Guid assistantId, LocalDate from, LocalDate? to)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (to is { } end && end < from) return Invalid.Field("to", "Sluttdato kan ikke være før startdato.");
        if (EndDate is { } last && from > last) return Invalid.Field("from", "Ordningen er avsluttet før denne datoen.");
        if (EndDate is { } stop && (to is null || to > stop)) to = stop;
        var candidate = new Assignment(id, Id, assistantId, from, to);
        if (_assignments.Any(a => a.AssistantId == assistantId && a.Overlaps(candidate)))
            return Invalid.Field("from", "Assistenten er allerede knyttet til ordningen i denne perioden.");
        _assignments.Add(candidate);
        return candidate;
    }

    /// <summary>Gives a person a role in the arrangement (work leader, co-work leader, deputy or the recipient's own reading role).</summary>
    public Result<ArrangementRole> GrantRole(Guid id, Guid userId, ArrangementRoleKind kind, LocalDate from, LocalDate? to)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (!Enum.IsDefined(kind)) return Invalid.Field("kind", "Ukjent rolle.");
        if (to is { } end && end < from) return Invalid.Field("to", "Sluttdato kan ikke være før startdato.");
        var role = new ArrangementRole(id, Id, userId, kind, from, to);
        _roles.Add(role);
        return role;
    }

    /// <summary>
    /// Ends the arrangement on <paramref name="lastDay"/> (inclusive): the roles and assignments that run past it end that
    /// day too, so nobody leads or works in it afterwards. Nothing is deleted: plans, time sheets, decisions and the hour
    /// account stay readable for the provider and the municipality. The date can be set again (an earlier one ends the
    /// people earlier), as long as it is not before the start.
    /// </summary>
    public Result<Arrangement> End(LocalDate lastDay)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (lastDay < StartDate) return Invalid.Field("endDate", "Ordningen kan ikke slutte før den begynte.");
        EndDate = lastDay;
        // A role or assignment that would only begin after the last day never begins.
        _roles.RemoveAll(r => r.From > lastDay);
        _assignments.RemoveAll(a => a.From > lastDay);
        foreach (var role in _roles) role.EndOn(lastDay);
        foreach (var assignment in _assignments) assignment.EndOn(lastDay);
        return this;
    }

    /// <summary>Ends one assistant's assignment on <paramref name="lastDay"/>; one that would only begin after it is removed.</summary>
    public Result<Assignment> EndAssignment(Guid assignmentId, LocalDate lastDay)
    {
        var assignment = _assignments.SingleOrDefault(s => s.Id == assignmentId);
        if (assignment is null) return new NotFound("Fant ikke assistenten i ordningen.");
        if (assignment.From > lastDay) _assignments.Remove(assignment);
        else assignment.EndOn(lastDay);
        return assignment;
    }

    /// <summary>Ends every assignment of one assistant that runs past <paramref name="lastDay"/> (their employment ends).</summary>
    public void EndAssignmentsOf(Guid assistantId, LocalDate lastDay)
    {
        foreach (var assignment in _assignments.Where(s => s.AssistantId == assistantId).ToList()) EndAssignment(assignment.Id, lastDay);
    }

    public bool HasEnded(LocalDate today) => EndDate is { } end && end < today;

    /// <summary>Ends one role on <paramref name="lastDay"/>; a role that would only begin after it is removed.</summary>
    public Result<ArrangementRole> EndRole(Guid roleId, LocalDate lastDay)
    {
        var role = _roles.SingleOrDefault(r => r.Id == roleId);
        if (role is null) return new NotFound("Fant ikke rollen i ordningen.");
        if (role.From > lastDay) _roles.Remove(role);
        else role.EndOn(lastDay);
        return role;
    }

    /// <summary>The co-work leader model needs a reachable deputy at all times (domain.md: the roles).</summary>
    public bool NeedsDeputy(LocalDate on)
        => _roles.Any(r => r.Kind == ArrangementRoleKind.CoWorkLeader && r.IsActiveOn(on))
           && !_roles.Any(r => r.Kind == ArrangementRoleKind.Deputy && r.IsActiveOn(on));
}

/// <summary>An assistant's membership of an arrangement for a period (inclusive dates).</summary>
public sealed class Assignment : Entity
{
    internal Assignment(Guid id, Guid arrangementId, Guid assistantId, LocalDate from, LocalDate? to) : base(id)
    {
        ArrangementId = arrangementId;
        AssistantId = assistantId;
        From = from;
        To = to;
    }

    public Guid ArrangementId { get; private set; }
    public Guid AssistantId { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate? To { get; private set; }

    public bool IsActiveOn(LocalDate date) => From <= date && (To is null || date <= To);

    /// <summary>Ends the assignment on <paramref name="lastDay"/> when it ran past it.</summary>
    internal void EndOn(LocalDate lastDay)
    {
        if (To is null || To > lastDay) To = lastDay;
    }

    public bool Overlaps(Assignment other)
        => From <= (other.To ?? LocalDate.MaxIsoValue) && other.From <= (To ?? LocalDate.MaxIsoValue);

    /// <summary>How the assistant is related to the recipient when a close relative (BPA-NAER); null when not related.</summary>
    public People.CloseRelation? Relation { get; private set; }

    /// <summary>The day the municipality approved the close relative as assistant, in writing (BPA-NAER).</summary>
    public LocalDate? RelativeApprovedOn { get; private set; }

    /// <summary>The municipality's reference for the approval (its case or letter number).</summary>
    public string? RelativeApprovalReference { get; private set; }

    /// <summary>
    /// Records that the assistant is a close relative of the recipient, and the municipality's approval when it has come
    /// (BPA-NAER). No relation clears the approval too.
    /// </summary>
    public Result<Assignment> SetRelation(People.CloseRelation? relation, LocalDate? approvedOn, string? reference, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (relation is { } r && !Enum.IsDefined(r)) fields["relation"] = "Velg hvordan assistenten er i nær familie med brukeren.";
        if (relation is null && (approvedOn is not null || !string.IsNullOrWhiteSpace(reference)))
            fields["relation"] = "Velg slektskapet før du registrerer kommunens godkjenning.";
        if (approvedOn > today) fields["relativeApprovedOn"] = "Godkjenningsdatoen kan ikke være fram i tid.";
        if (reference?.Trim() is { Length: > 100 }) fields["relativeApprovalReference"] = "Kommunens referanse kan være høyst 100 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        Relation = relation;
        RelativeApprovedOn = relation is null ? null : approvedOn;
        RelativeApprovalReference = relation is null || string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        return this;
    }
}

/// <summary>The leading roles a person can hold in one arrangement.</summary>
public enum ArrangementRoleKind
{
    /// <summary>Arbeidsleder: leads the daily work, plans, approves hours. Usually the recipient.</summary>
    WorkLeader = 1,

    /// <summary>Medarbeidsleder: leads with or on behalf of a recipient who cannot (a child, for example).</summary>
    CoWorkLeader = 2,

    /// <summary>
    /// Stedfortreder: the reachable stand-in when the (co-)work leader is away; reads the arrangement, and leads it in the
    /// periods the work leader or the provider sets (<see cref="ActingPeriod"/>).
    /// </summary>
    Deputy = 3,

    /// <summary>
    /// Vedtakseier who is not the work leader (an adult whose parent leads, for example): reads their own arrangement,
    /// its plan and the hour account, changes nothing.
    /// </summary>
    Recipient = 4,
}

/// <summary>A person's role in one arrangement for a period (inclusive dates).</summary>
public sealed class ArrangementRole : Entity
{
    internal ArrangementRole(Guid id, Guid arrangementId, Guid userId, ArrangementRoleKind kind, LocalDate from, LocalDate? to) : base(id)
    {
        ArrangementId = arrangementId;
        UserId = userId;
        Kind = kind;
        From = from;
        To = to;
    }

    public Guid ArrangementId { get; private set; }
    public Guid UserId { get; private set; }
    public ArrangementRoleKind Kind { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate? To { get; private set; }

    public bool IsActiveOn(LocalDate date) => From <= date && (To is null || date <= To);

    /// <summary>Ends the role on <paramref name="lastDay"/> when it ran past it.</summary>
    internal void EndOn(LocalDate lastDay)
    {
        if (To is null || To > lastDay) To = lastDay;
    }
}
