using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>Where an audit stands.</summary>
public enum AuditStatus
{
    Planned = 1,
    Conducted = 2,
    Closed = 3,
}

/// <summary>What a finding is: a breach of a requirement (must be corrected) or an observation (may be improved).</summary>
public enum FindingKind
{
    /// <summary>Avvik: a requirement is not met; it needs a measure before the audit closes.</summary>
    Deviation = 1,

    /// <summary>Merknad: met, but could be better; a measure is optional.</summary>
    Observation = 2,
}

/// <summary>A measure that corrects a finding: what, who, by when, and when it was done.</summary>
public sealed record FindingMeasure(Guid Id, string Text, string Owner, LocalDate DueOn, LocalDate? DoneOn);

/// <summary>A finding of an audit: its kind, what was found, the requirement it is measured against, and its measures.</summary>
public sealed class AuditFinding
{
    public const int MaxMeasures = 20;

    private readonly List<FindingMeasure> _measures = [];

    private AuditFinding() { }

    public AuditFinding(Guid id, FindingKind kind, string description, string requirement)
        => (Id, Kind, Description, Requirement) = (id, kind, description, requirement);

    public Guid Id { get; private set; }
    public FindingKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public string Requirement { get; private set; } = "";

    /// <summary>The measures (a table owned by the finding, as the finding is by the audit).</summary>
    public IReadOnlyList<FindingMeasure> Measures => _measures;

    /// <summary>A deviation without a measure, or with one not done yet: the audit cannot be closed.</summary>
    public bool Open => Kind == FindingKind.Deviation && (_measures.Count == 0 || _measures.Any(m => m.DoneOn is null));

    internal void Add(FindingMeasure measure) => _measures.Add(measure);

    internal bool Complete(Guid measureId, LocalDate on)
    {
        var index = _measures.FindIndex(m => m.Id == measureId);
        if (index < 0) return false;
        if (_measures[index].DoneOn is null) _measures[index] = _measures[index] with { DoneOn = on };
        return true;
    }
}

/// <summary>What an audit is planned with (from a form or the API).</summary>
public sealed record AuditPlanInput(string? Title, string? Area, string? Criteria, LocalDate? PlannedOn, string? Lead);

/// <summary>
/// An internal audit (issue 20, part 5; internkontrollforskriften § 5 nr. 7, «systematisk overvåking og gjennomgang»): planned for
/// a day at the provider's administration, an office or an arrangement, with an area and the requirements it checks against;
/// conducted with a summary; findings (deviations and observations) with measures that have owners and deadlines; closed with a
/// conclusion once every deviation's measures are done. The year's audits are the audit plan.
/// </summary>
public sealed class Audit : AuditedAggregate
{
    public const int MaxText = 4000;
    public const int MaxShort = 200;
    public const int MaxFindings = 100;

    private readonly List<AuditFinding> _findings = [];

    private Audit(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public QualityScope Scope { get; private set; }
    public Guid ScopeId { get; private set; }
    public Guid? OfficeId { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public string Title { get; private set; } = "";
    public string Area { get; private set; } = "";
    public string Criteria { get; private set; } = "";
    public LocalDate PlannedOn { get; private set; }
    public string Lead { get; private set; } = "";
    public LocalDate? ConductedOn { get; private set; }
    public string Summary { get; private set; } = "";
    public LocalDate? ClosedOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public string Conclusion { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<AuditFinding> Findings => _findings;

    public AuditStatus Status => ClosedOn is not null ? AuditStatus.Closed : ConductedOn is not null ? AuditStatus.Conducted : AuditStatus.Planned;

    public static Result<Audit> Plan(Guid id, Guid providerId, QualityScope scope, Guid scopeId, Guid? officeId, AuditPlanInput input, LocalDate today, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(input);
        var audit = new Audit(id)
        {
            ProviderId = providerId, Scope = scope, ScopeId = scopeId, OfficeId = officeId, ArrangementId = scope == QualityScope.Arrangement ? scopeId : null,
            IdempotencyKey = idempotencyKey,
        };
        var changed = audit.Replan(input, today);
        return changed.IsSuccess ? audit : changed.Error!;
    }

    /// <summary>Changes what is planned (title, area, criteria, day, lead) while the audit is not closed.</summary>
    public Result<Audit> Replan(AuditPlanInput input, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Status == AuditStatus.Closed) return new Conflict("Revisjonen er lukket og kan ikke endres.");
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title)) fields["title"] = "Gi revisjonen en tittel.";
        else if (input.Title.Length > MaxShort) fields["title"] = $"Tittelen kan være høyst {MaxShort} tegn.";
        if (string.IsNullOrWhiteSpace(input.Area)) fields["area"] = "Skriv hvilket område revisjonen gjelder, for eksempel arbeidstid eller personvern.";
        else if (input.Area.Length > MaxShort) fields["area"] = $"Området kan være høyst {MaxShort} tegn.";
        if (input.Criteria?.Length > MaxText) fields["criteria"] = $"Kravene kan være høyst {MaxText} tegn.";
        if (input.PlannedOn is null) fields["plannedOn"] = "Fyll ut når revisjonen skal holdes.";
        else if (input.PlannedOn.Value.Year < today.Year - 1 || input.PlannedOn.Value.Year > today.Year + 1)
            fields["plannedOn"] = $"Datoen må være mellom {today.Year - 1} og {today.Year + 1}.";
        if (string.IsNullOrWhiteSpace(input.Lead)) fields["lead"] = "Skriv hvem som leder revisjonen.";
        else if (input.Lead.Length > MaxShort) fields["lead"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        (Title, Area, Criteria, PlannedOn, Lead) = (input.Title!.Trim(), input.Area!.Trim(), input.Criteria?.Trim() ?? "", input.PlannedOn!.Value, input.Lead!.Trim());
        return this;
    }

    /// <summary>Records that the audit was held: the day (not in the future) and what was looked at.</summary>
    public Result<Audit> Conduct(LocalDate? on, string? summary, LocalDate today)
    {
        if (Status == AuditStatus.Closed) return new Conflict("Revisjonen er lukket og kan ikke endres.");
        var fields = new Dictionary<string, string>();
        if (on is null) fields["conductedOn"] = "Fyll ut når revisjonen ble holdt.";
        else if (on > today) fields["conductedOn"] = "Revisjonen kan ikke registreres som holdt fram i tid.";
        if (string.IsNullOrWhiteSpace(summary)) fields["summary"] = "Oppsummer hva som ble gjennomgått.";
        else if (summary.Length > MaxText) fields["summary"] = $"Oppsummeringen kan være høyst {MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        (ConductedOn, Summary) = (on, summary!.Trim());
        return this;
    }

    /// <summary>Adds a finding once the audit is held. Idempotent on the id.</summary>
    public Result<AuditFinding> AddFinding(Guid id, FindingKind? kind, string? description, string? requirement)
    {
        if (_findings.FirstOrDefault(f => f.Id == id) is { } existing) return existing;
        if (Status == AuditStatus.Closed) return new Conflict("Revisjonen er lukket og kan ikke endres.");
        if (Status == AuditStatus.Planned) return Invalid.Field("conductedOn", "Registrer at revisjonen er holdt før du legger inn funn.");
        if (_findings.Count >= MaxFindings) return Invalid.Field("description", $"En revisjon kan ha høyst {MaxFindings} funn.");
        var fields = new Dictionary<string, string>();
        if (kind is null || !Enum.IsDefined(kind.Value)) fields["kind"] = "Velg om funnet er et avvik eller en merknad.";
        if (string.IsNullOrWhiteSpace(description)) fields["description"] = "Beskriv funnet.";
        else if (description.Length > MaxText) fields["description"] = $"Beskrivelsen kan være høyst {MaxText} tegn.";
        if (requirement?.Length > MaxShort) fields["requirement"] = $"Kravet kan være høyst {MaxShort} tegn.";
        if (kind == FindingKind.Deviation && string.IsNullOrWhiteSpace(requirement)) fields["requirement"] = "Et avvik må vise til kravet som ikke er oppfylt.";
        if (fields.Count > 0) return new Invalid(fields);
        var finding = new AuditFinding(id, kind!.Value, description!.Trim(), requirement?.Trim() ?? "");
        _findings.Add(finding);
        return finding;
    }

    /// <summary>A measure for a finding: what, who, by when (not before today). Idempotent on the id.</summary>
    public Result<FindingMeasure> AddMeasure(Guid findingId, Guid id, string? text, string? owner, LocalDate? dueOn, LocalDate today)
    {
        var finding = _findings.FirstOrDefault(f => f.Id == findingId);
        if (finding is null) return new NotFound();
        if (finding.Measures.FirstOrDefault(m => m.Id == id) is { } existing) return existing;
        if (Status == AuditStatus.Closed) return new Conflict("Revisjonen er lukket og kan ikke endres.");
        if (finding.Measures.Count >= AuditFinding.MaxMeasures) return Invalid.Field("text", $"Et funn kan ha høyst {AuditFinding.MaxMeasures} tiltak.");
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text)) fields["text"] = "Beskriv tiltaket.";
        else if (text.Length > MaxText) fields["text"] = $"Tiltaket kan være høyst {MaxText} tegn.";
        if (string.IsNullOrWhiteSpace(owner)) fields["owner"] = "Skriv hvem som har ansvaret for tiltaket.";
        else if (owner.Length > MaxShort) fields["owner"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (dueOn is null) fields["dueOn"] = "Fyll ut fristen for tiltaket.";
        else if (dueOn < today) fields["dueOn"] = "Fristen kan ikke være tilbake i tid.";
        if (fields.Count > 0) return new Invalid(fields);
        var measure = new FindingMeasure(id, text!.Trim(), owner!.Trim(), dueOn!.Value, null);
        finding.Add(measure);
        return measure;
    }

    public Result<Audit> CompleteMeasure(Guid findingId, Guid measureId, LocalDate on)
    {
        if (Status == AuditStatus.Closed) return new Conflict("Revisjonen er lukket og kan ikke endres.");
        var finding = _findings.FirstOrDefault(f => f.Id == findingId);
        return finding is not null && finding.Complete(measureId, on) ? this : new NotFound();
    }

    /// <summary>Closes the audit with a conclusion; refused while it is not held or a deviation has a measure left.</summary>
    public Result<Audit> Close(string by, LocalDate on, string? conclusion)
    {
        if (Status == AuditStatus.Closed) return this;
        if (Status == AuditStatus.Planned) return Invalid.Field("conductedOn", "Registrer at revisjonen er holdt før den lukkes.");
        if (string.IsNullOrWhiteSpace(conclusion)) return Invalid.Field("conclusion", "Skriv konklusjonen før revisjonen lukkes.");
        if (conclusion.Length > MaxText) return Invalid.Field("conclusion", $"Konklusjonen kan være høyst {MaxText} tegn.");
        var open = _findings.Where(f => f.Open).ToList();
        if (open.Count > 0)
            return Invalid.Field("findings", $"Hvert avvik må ha et tiltak som er gjennomført før revisjonen lukkes. Åpne avvik: {string.Join("; ", open.Select(f => f.Description))}.");
        (ClosedOn, ClosedBy, Conclusion) = (on, by, conclusion.Trim());
        return this;
    }
}
