using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>What happened, as the incident form's kinds (Prima's incident system; the handbook's HMS chapter).</summary>
public enum IncidentKind
{
    /// <summary>An assistant was hurt at work: an occupational injury (NAV), and a serious one is notified at once (AML § 5-2).</summary>
    AssistantInjury = 1,
    RecipientInjury = 2,
    ViolenceOrThreats = 3,
    MedicationError = 4,
    Equipment = 5,
    NearMiss = 6,
    WorkingTimeBreach = 7,

    /// <summary>A breach of personal-data security: Datatilsynet within 72 hours (GDPR art. 33).</summary>
    PersonalDataBreach = 8,
    Other = 9,
}

/// <summary>How bad it was or could have been.</summary>
public enum IncidentSeverity
{
    Minor = 1,
    Moderate = 2,

    /// <summary>A serious injury or harm: for an assistant's injury, the notice to Arbeidstilsynet and the police (AML § 5-2).</summary>
    Serious = 3,

    /// <summary>Death or lasting harm.</summary>
    Critical = 4,
}

public enum IncidentStatus
{
    /// <summary>Reported; nobody has taken the follow-up yet.</summary>
    Reported = 1,

    /// <summary>Someone is responsible for the follow-up.</summary>
    InProgress = 2,
    Closed = 3,
}

/// <summary>Who outside the provider an incident may have to be reported to.</summary>
public enum Authority
{
    /// <summary>Datatilsynet, for a personal-data breach (GDPR art. 33).</summary>
    Datatilsynet = 1,

    /// <summary>Arbeidstilsynet, for a work accident with death or serious injury (AML § 5-2).</summary>
    Arbeidstilsynet = 2,

    /// <summary>The nearest police, for the same accidents (AML § 5-2).</summary>
    Police = 3,

    /// <summary>NAV, the employer's report of an occupational injury (folketrygdloven § 13-14).</summary>
    Nav = 4,
}

/// <summary>A measure decided in the follow-up: what, who does it, by when, and when it was done.</summary>
public sealed record IncidentMeasure(Guid Id, string Text, string Owner, LocalDate DueOn, LocalDate? DoneOn);

/// <summary>
/// What was done about a duty to tell an authority: when it was told (and its reference), or, for Datatilsynet only, why the
/// breach was judged unlikely to harm anyone (GDPR art. 33 (1) and (5): the reason is documented).
/// </summary>
public sealed record AuthorityNotice(Guid Id, Authority Authority, Instant? NotifiedAt, string Reference, string? NotRequiredReason, string By, Instant RecordedAt);

/// <summary>Where a duty to tell an authority stands at a moment.</summary>
public enum DutyState
{
    /// <summary>Told, or documented as not required.</summary>
    Done = 1,

    /// <summary>Not yet told; the deadline has not passed.</summary>
    Open = 2,

    /// <summary>Not told, and the deadline has passed.</summary>
    Overdue = 3,

    /// <summary>To be told at once («straks»): there is no grace period to count down.</summary>
    AtOnce = 4,
}

/// <summary>
/// A legal duty that follows from an incident: whom to tell, by which law, by when (<see cref="Due"/>; null for «straks»), and
/// what has been done.
/// </summary>
public sealed record LegalDuty(Authority Authority, string Law, Instant? Due, AuthorityNotice? Notice)
{
    public DutyState StateAt(Instant now) => Notice is not null ? DutyState.Done
        : Due is null ? DutyState.AtOnce
        : now > Due ? DutyState.Overdue : DutyState.Open;
}

/// <summary>
/// An incident (avvik) in an arrangement or at an office (issue 20, part 1): reported by anyone in the arrangement or by the
/// office's staff, with what happened, when and where, its kind and severity and what was done at once; anonymous to the
/// arrangement when the reporter asks (the employer's side still knows, to follow up). The follow-up has a responsible person,
/// the cause, measures with owners and deadlines, an escalation to the office, the notices to the authorities the kind and
/// severity call for, and a closing with an evaluation once every measure and duty is done.
/// </summary>
public sealed class Incident : AuditedAggregate
{
    public const int MaxText = 4000;
    public const int MaxShort = 200;

    /// <summary>GDPR art. 33 (1): the supervisory authority within 72 hours of becoming aware of the breach.</summary>
    public static readonly Duration DataBreachDeadline = Duration.FromHours(72);

    private readonly List<IncidentMeasure> _measures = [];
    private readonly List<AuthorityNotice> _notices = [];

    private Incident(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid OfficeId { get; private set; }

    /// <summary>The arrangement it happened in; null for an incident of the office itself.</summary>
    public Guid? ArrangementId { get; private set; }

    public IncidentKind Kind { get; private set; }
    public IncidentSeverity Severity { get; private set; }
    public Instant OccurredAt { get; private set; }
    public string Place { get; private set; } = "";
    public string WhatHappened { get; private set; } = "";
    public string ImmediateAction { get; private set; } = "";

    /// <summary>The reporter asked not to be named to the arrangement (its leaders and the recipient).</summary>
    public bool Anonymous { get; private set; }

    public Guid ReporterUserId { get; private set; }
    public string ReporterName { get; private set; } = "";

    /// <summary>When the provider learnt of it: the report. GDPR's 72 hours run from here.</summary>
    public Instant ReportedAt { get; private set; }

    public string? ResponsibleName { get; private set; }
    public Guid? ResponsibleUserId { get; private set; }
    public string Cause { get; private set; } = "";

    public Instant? EscalatedAt { get; private set; }
    public string? EscalatedBy { get; private set; }
    public string? EscalationNote { get; private set; }

    public Instant? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string Evaluation { get; private set; } = "";

    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<IncidentMeasure> Measures => _measures;
    public IReadOnlyList<AuthorityNotice> Notices => _notices;

    public IncidentStatus Status => ClosedAt is not null ? IncidentStatus.Closed
        : ResponsibleName is not null ? IncidentStatus.InProgress
        : IncidentStatus.Reported;

    /// <summary>Whether the kind is about the recipient's health: reading it writes the access log (quality.md S3).</summary>
    public bool HealthRelated => Kind is IncidentKind.RecipientInjury or IncidentKind.MedicationError;

    /// <summary>The duties to tell an authority that this incident's kind and severity call for, each with what was done.</summary>
    public IReadOnlyList<LegalDuty> Duties
    {
        get
        {
            var duties = new List<LegalDuty>();
            void Add(Authority a, string law, Instant? due) => duties.Add(new LegalDuty(a, law, due, _notices.LastOrDefault(n => n.Authority == a)));
            if (Kind == IncidentKind.PersonalDataBreach) Add(Authority.Datatilsynet, "personvernforordningen artikkel 33", ReportedAt + DataBreachDeadline);
            if (Kind == IncidentKind.AssistantInjury)
            {
                if (Severity >= IncidentSeverity.Serious)
                {
                    Add(Authority.Arbeidstilsynet, "arbeidsmiljøloven § 5-2", null);
                    Add(Authority.Police, "arbeidsmiljøloven § 5-2", null);
                }
                Add(Authority.Nav, "folketrygdloven § 13-14", null);
            }
            return duties;
        }
    }

    public static Result<Incident> Report(Guid id, Guid providerId, Guid officeId, Guid? arrangementId, IncidentKind? kind, IncidentSeverity? severity, Instant? occurredAt,
        string? place, string? whatHappened, string? immediateAction, bool anonymous, Guid reporterUserId, string reporterName, Instant now, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (kind is null || !Enum.IsDefined(kind.Value)) fields["kind"] = "Velg hva slags avvik det er.";
        if (severity is null || !Enum.IsDefined(severity.Value)) fields["severity"] = "Velg hvor alvorlig det er.";
        if (occurredAt is null) fields["occurredAt"] = "Fyll ut når det skjedde.";
        else if (occurredAt > now + Duration.FromMinutes(5)) fields["occurredAt"] = "Tidspunktet kan ikke være fram i tid.";
        else if (occurredAt < now - Duration.FromDays(3 * 366)) fields["occurredAt"] = "Tidspunktet kan være høyst tre år tilbake.";
        if (string.IsNullOrWhiteSpace(whatHappened)) fields["whatHappened"] = "Skriv kort hva som skjedde.";
        else if (whatHappened.Length > MaxText) fields["whatHappened"] = $"Beskrivelsen kan være høyst {MaxText} tegn.";
        if (place?.Length > MaxShort) fields["place"] = $"Stedet kan være høyst {MaxShort} tegn.";
        if (immediateAction?.Length > MaxText) fields["immediateAction"] = $"Det som ble gjort, kan være høyst {MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Incident(id)
        {
            ProviderId = providerId, OfficeId = officeId, ArrangementId = arrangementId, Kind = kind!.Value, Severity = severity!.Value, OccurredAt = occurredAt!.Value,
            Place = place?.Trim() ?? "", WhatHappened = whatHappened!.Trim(), ImmediateAction = immediateAction?.Trim() ?? "", Anonymous = anonymous,
            ReporterUserId = reporterUserId, ReporterName = reporterName, ReportedAt = now, IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Names who follows the case up and what caused it; the kind and severity may be corrected as the case is understood.</summary>
    public Result<Incident> FollowUp(string? responsibleName, Guid? responsibleUserId, string? cause, IncidentKind? kind, IncidentSeverity? severity)
    {
        if (Status == IncidentStatus.Closed) return new Conflict("Avviket er lukket og kan ikke endres.");
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(responsibleName)) fields["responsible"] = "Velg hvem som har ansvaret for oppfølgingen.";
        else if (responsibleName.Length > MaxShort) fields["responsible"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (cause?.Length > MaxText) fields["cause"] = $"Årsaken kan være høyst {MaxText} tegn.";
        if (kind is { } k && !Enum.IsDefined(k)) fields["kind"] = "Velg hva slags avvik det er.";
        if (severity is { } s && !Enum.IsDefined(s)) fields["severity"] = "Velg hvor alvorlig det er.";
        if (fields.Count > 0) return new Invalid(fields);
        (ResponsibleName, ResponsibleUserId, Cause) = (responsibleName!.Trim(), responsibleUserId, cause?.Trim() ?? "");
        Kind = kind ?? Kind;
        Severity = severity ?? Severity;
        return this;
    }

    public Result<IncidentMeasure> AddMeasure(Guid id, string? text, string? owner, LocalDate? dueOn, LocalDate today)
    {
        if (Status == IncidentStatus.Closed) return new Conflict("Avviket er lukket; nye tiltak hører hjemme i handlingsplanen.");
        if (_measures.FirstOrDefault(m => m.Id == id) is { } existing) return existing;
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(text)) fields["text"] = "Skriv hva tiltaket er.";
        else if (text.Length > MaxText) fields["text"] = $"Tiltaket kan være høyst {MaxText} tegn.";
        if (string.IsNullOrWhiteSpace(owner)) fields["owner"] = "Skriv hvem som skal gjøre det.";
        else if (owner.Length > MaxShort) fields["owner"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (dueOn is null) fields["dueOn"] = "Fyll ut fristen for tiltaket.";
        else if (dueOn < today) fields["dueOn"] = "Fristen kan ikke være passert når tiltaket legges inn.";
        if (fields.Count > 0) return new Invalid(fields);
        var measure = new IncidentMeasure(id, text!.Trim(), owner!.Trim(), dueOn!.Value, null);
        _measures.Add(measure);
        return measure;
    }

    /// <summary>Marks a measure done on a day (again: the same answer).</summary>
    public Result<IncidentMeasure> CompleteMeasure(Guid measureId, LocalDate on)
    {
        var index = _measures.FindIndex(m => m.Id == measureId);
        if (index < 0) return new NotFound();
        if (_measures[index].DoneOn is not null) return _measures[index];
        if (Status == IncidentStatus.Closed) return new Conflict("Avviket er lukket og kan ikke endres.");
        _measures[index] = _measures[index] with { DoneOn = on };
        return _measures[index];
    }

    /// <summary>Sends the case to the office (the coordinators), with what the office is asked for.</summary>
    public Result<Incident> Escalate(string? note, string by, Instant at)
    {
        if (Status == IncidentStatus.Closed) return new Conflict("Avviket er lukket og kan ikke endres.");
        if (EscalatedAt is not null) return new Conflict("Avviket er allerede meldt videre til kontoret.");
        if (string.IsNullOrWhiteSpace(note)) return Invalid.Field("note", "Skriv hva du ber kontoret om.");
        if (note.Length > MaxText) return Invalid.Field("note", $"Meldingen kan være høyst {MaxText} tegn.");
        (EscalatedAt, EscalatedBy, EscalationNote) = (at, by, note.Trim());
        return this;
    }

    /// <summary>
    /// Records that an authority was told (when, and its reference), or, for Datatilsynet, why telling it is not required. Only for
    /// a duty this incident has; a later record replaces the earlier.
    /// </summary>
    public Result<AuthorityNotice> RecordNotice(Guid id, Authority? authority, Instant? notifiedAt, string? reference, string? notRequiredReason, string by, Instant now)
    {
        if (Status == IncidentStatus.Closed) return new Conflict("Avviket er lukket og kan ikke endres.");
        var fields = new Dictionary<string, string>();
        if (authority is null || Duties.All(d => d.Authority != authority)) fields["authority"] = "Dette avviket gir ingen plikt til å varsle den myndigheten.";
        var notRequired = !string.IsNullOrWhiteSpace(notRequiredReason);
        if (notRequired && authority != Authority.Datatilsynet) fields["notRequiredReason"] = "Bare meldingen til Datatilsynet kan unnlates, og bare når bruddet neppe fører til risiko for noen.";
        else if (notRequiredReason?.Length > MaxText) fields["notRequiredReason"] = $"Begrunnelsen kan være høyst {MaxText} tegn.";
        if (!notRequired && notifiedAt is null) fields["notifiedAt"] = "Fyll ut når myndigheten ble varslet.";
        else if (notifiedAt > now + Duration.FromMinutes(5)) fields["notifiedAt"] = "Tidspunktet kan ikke være fram i tid.";
        else if (notifiedAt < OccurredAt) fields["notifiedAt"] = "Varselet kan ikke være sendt før det som skjedde.";
        if (reference?.Length > MaxShort) fields["reference"] = $"Referansen kan være høyst {MaxShort} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var notice = new AuthorityNotice(id, authority!.Value, notRequired ? null : notifiedAt, reference?.Trim() ?? "", notRequired ? notRequiredReason!.Trim() : null, by, now);
        _notices.Add(notice);
        return notice;
    }

    /// <summary>Closes the case with the evaluation, once every measure is done and every duty to tell an authority is met.</summary>
    public Result<Incident> Close(string? evaluation, string by, Instant at)
    {
        if (Status == IncidentStatus.Closed) return this;
        var fields = new Dictionary<string, string>();
        if (ResponsibleName is null) fields["responsible"] = "Noen må ha ansvaret for oppfølgingen før avviket lukkes.";
        if (string.IsNullOrWhiteSpace(evaluation)) fields["evaluation"] = "Skriv evalueringen: virket tiltakene, og hva lærte dere?";
        else if (evaluation.Length > MaxText) fields["evaluation"] = $"Evalueringen kan være høyst {MaxText} tegn.";
        var open = _measures.Where(m => m.DoneOn is null).ToList();
        if (open.Count > 0) fields["measures"] = $"Tiltak som ikke er gjennomført: {string.Join("; ", open.Select(m => m.Text))}.";
        var untold = Duties.Where(d => d.Notice is null).ToList();
        if (untold.Count > 0) fields["notices"] = $"Varsel som ikke er registrert: {string.Join(", ", untold.Select(d => AuthorityName(d.Authority)))}.";
        if (fields.Count > 0) return new Invalid(fields);
        (ClosedAt, ClosedBy, Evaluation) = (at, by, evaluation!.Trim());
        return this;
    }

    /// <summary>The authority's name as users know it.</summary>
    public static string AuthorityName(Authority authority) => authority switch
    {
        Authority.Datatilsynet => "Datatilsynet",
        Authority.Arbeidstilsynet => "Arbeidstilsynet",
        Authority.Police => "politiet",
        _ => "NAV",
    };
}
