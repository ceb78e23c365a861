using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>What a talk between the work leader and an assistant is for (the handbook, 4.9 and 4.10).</summary>
public enum TalkKind
{
    /// <summary>The yearly appraisal talk (medarbeidersamtale), prepared by both on the forms of appendices 3 and 4.</summary>
    Appraisal = 1,

    /// <summary>The follow-up talk before the probation ends (prøvetidssamtale).</summary>
    Probation = 2,

    /// <summary>A follow-up talk about the work (oppfølgingssamtale).</summary>
    FollowUp = 3,

    /// <summary>A talk about a disagreement or a conflict; the assistant may bring a union representative.</summary>
    Conflict = 4,
}

/// <summary>Who wrote a preparation: the work leader's form (appendix 3) or the assistant's (appendix 4).</summary>
public enum TalkSide
{
    Leader = 1,
    Assistant = 2,
}

/// <summary>The topics of the preparation forms of appendices 3 and 4, each with notes and a goal.</summary>
public enum TalkTopic
{
    General = 1,
    WentWell = 2,
    Potential = 3,
    LongTermGoal = 4,
    Communication = 5,
    Training = 6,
    Development = 7,
    Comments = 8,
}

/// <summary>Where a talk stands.</summary>
public enum TalkStatus
{
    Planned = 1,

    /// <summary>Held, with minutes written; waiting for both sides to accept them.</summary>
    Held = 2,

    /// <summary>Both sides have accepted the minutes; they can no longer change.</summary>
    Accepted = 3,
    Cancelled = 4,
}

/// <summary>One topic of one side's preparation.</summary>
public sealed record TalkNote(Guid Id, TalkSide Side, TalkTopic Topic, string Notes, string Goal);

/// <summary>
/// A documented talk between the work leader and an assistant in one arrangement (issue 19, parts 4 and 5): planned for a day,
/// prepared by each side on the handbook's forms (a side's preparation is its own until it shares it), held with minutes that
/// say who was there (the assistant may bring a union representative) and what was agreed, and accepted by both sides with the
/// moment recorded; once both have accepted, the minutes are fixed. A change of the minutes before that asks both again.
/// </summary>
public sealed class Talk : AuditedAggregate
{
    public const int MaxText = 4000;
    public const int MaxNote = 2000;
    public const int MaxName = 200;

    private readonly List<TalkNote> _notes = [];

    private Talk(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public Guid AssistantId { get; private set; }
    public TalkKind Kind { get; private set; }
    public LocalDate PlannedOn { get; private set; }

    /// <summary>What the talk is about (required for a follow-up or a conflict talk).</summary>
    public string Subject { get; private set; } = "";

    public Instant? LeaderSharedAt { get; private set; }
    public Instant? AssistantSharedAt { get; private set; }

    public LocalDate? HeldOn { get; private set; }

    /// <summary>Who took part, as the minutes say it.</summary>
    public string Present { get; private set; } = "";

    /// <summary>The union representative the assistant brought, if any.</summary>
    public string? UnionRepresentative { get; private set; }

    public string Minutes { get; private set; } = "";

    /// <summary>The goals and measures agreed, with who does what by when.</summary>
    public string Agreed { get; private set; } = "";

    /// <summary>When the two will follow up (a next talk), if agreed.</summary>
    public LocalDate? FollowUpOn { get; private set; }

    public string? MinutesBy { get; private set; }
    public Instant? LeaderAcceptedAt { get; private set; }
    public string? LeaderAcceptedBy { get; private set; }
    public Instant? AssistantAcceptedAt { get; private set; }

    /// <summary>The assistant's own remark to the minutes, kept with their acceptance.</summary>
    public string? AssistantComment { get; private set; }

    public LocalDate? CancelledOn { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<TalkNote> Notes => _notes;

    public TalkStatus Status => CancelledOn is not null ? TalkStatus.Cancelled
        : LeaderAcceptedAt is not null && AssistantAcceptedAt is not null ? TalkStatus.Accepted
        : HeldOn is not null ? TalkStatus.Held
        : TalkStatus.Planned;

    /// <summary>The notes of one side, in the forms' order.</summary>
    public IReadOnlyList<TalkNote> NotesOf(TalkSide side) => [.. _notes.Where(n => n.Side == side).OrderBy(n => n.Topic)];

    public Instant? SharedAt(TalkSide side) => side == TalkSide.Leader ? LeaderSharedAt : AssistantSharedAt;

    public static Result<Talk> Plan(Guid id, Guid arrangementId, Guid assistantId, TalkKind? kind, LocalDate? plannedOn, string? subject, LocalDate today, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (kind is null || !Enum.IsDefined(kind.Value)) fields["kind"] = "Velg hva slags samtale det er.";
        CheckPlan(fields, kind, plannedOn, subject, today);
        if (fields.Count > 0) return new Invalid(fields);
        return new Talk(id)
        {
            ArrangementId = arrangementId, AssistantId = assistantId, Kind = kind!.Value, PlannedOn = plannedOn!.Value, Subject = subject?.Trim() ?? "",
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Moves the talk or changes its subject, while it is not yet held.</summary>
    public Result<Talk> Reschedule(LocalDate? plannedOn, string? subject, LocalDate today)
    {
        if (Status != TalkStatus.Planned) return new Conflict("Samtalen er holdt eller avlyst og kan ikke flyttes.");
        var fields = new Dictionary<string, string>();
        CheckPlan(fields, Kind, plannedOn, subject, today);
        if (fields.Count > 0) return new Invalid(fields);
        (PlannedOn, Subject) = (plannedOn!.Value, subject?.Trim() ?? "");
        return this;
    }

    /// <summary>
    /// Writes one side's preparation (a topic left empty on both fields is left out). <paramref name="share"/> lets the other side
    /// read it; once shared it stays shared.
    /// </summary>
    public Result<Talk> Prepare(TalkSide side, IReadOnlyDictionary<TalkTopic, (string? Notes, string? Goal)> topics, bool share, Instant at)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (Status is TalkStatus.Accepted or TalkStatus.Cancelled) return new Conflict("Samtalen er avsluttet; forberedelsen kan ikke endres.");
        var fields = new Dictionary<string, string>();
        foreach (var (topic, (notes, goal)) in topics)
        {
            if (!Enum.IsDefined(topic)) continue;
            if (notes?.Length > MaxNote) fields[$"{Field(topic)}.notes"] = $"Notatene kan være høyst {MaxNote} tegn.";
            if (goal?.Length > MaxNote) fields[$"{Field(topic)}.goal"] = $"Målet kan være høyst {MaxNote} tegn.";
        }
        if (fields.Count > 0) return new Invalid(fields);
        _notes.RemoveAll(n => n.Side == side);
        foreach (var (topic, (notes, goal)) in topics.Where(t => Enum.IsDefined(t.Key)).OrderBy(t => t.Key))
            if (!string.IsNullOrWhiteSpace(notes) || !string.IsNullOrWhiteSpace(goal))
                _notes.Add(new TalkNote(Guid.CreateVersion7(), side, topic, notes?.Trim() ?? "", goal?.Trim() ?? ""));
        if (share && SharedAt(side) is null)
        {
            if (side == TalkSide.Leader) LeaderSharedAt = at;
            else AssistantSharedAt = at;
        }
        return this;
    }

    /// <summary>
    /// Writes the minutes of the held talk. Once both sides have accepted them they are fixed; a change before that takes back an
    /// acceptance already given, so both accept the same text.
    /// </summary>
    public Result<Talk> WriteMinutes(LocalDate? heldOn, string? present, string? unionRepresentative, string? minutes, string? agreed, LocalDate? followUpOn, string byName,
        LocalDate today)
    {
        if (Status == TalkStatus.Accepted) return new Conflict("Begge har godtatt referatet; det kan ikke endres. Planlegg en ny samtale om noe skal følges opp.");
        if (Status == TalkStatus.Cancelled) return new Conflict("Samtalen er avlyst.");
        var fields = new Dictionary<string, string>();
        if (heldOn is null) fields["heldOn"] = "Fyll ut datoen samtalen ble holdt.";
        else if (heldOn > today) fields["heldOn"] = "Et referat skrives etter samtalen; datoen kan ikke være fram i tid.";
        if (string.IsNullOrWhiteSpace(present)) fields["present"] = "Skriv hvem som var til stede.";
        else if (present.Length > MaxName * 2) fields["present"] = $"Hvem som var til stede, kan være høyst {MaxName * 2} tegn.";
        if (unionRepresentative?.Length > MaxName) fields["unionRepresentative"] = $"Navnet kan være høyst {MaxName} tegn.";
        if (string.IsNullOrWhiteSpace(minutes)) fields["minutes"] = "Skriv referatet: hva dere snakket om.";
        else if (minutes.Length > MaxText) fields["minutes"] = $"Referatet kan være høyst {MaxText} tegn.";
        if (agreed?.Length > MaxText) fields["agreed"] = $"Det avtalte kan være høyst {MaxText} tegn.";
        if (followUpOn is { } f && heldOn is { } h && f <= h) fields["followUpOn"] = "Oppfølgingen må være etter samtalen.";
        if (fields.Count > 0) return new Invalid(fields);
        var changed = HeldOn != heldOn || Present != present!.Trim() || UnionRepresentative != Blank(unionRepresentative) || Minutes != minutes!.Trim()
                      || Agreed != (agreed?.Trim() ?? "") || FollowUpOn != followUpOn;
        (HeldOn, Present, UnionRepresentative, Minutes, Agreed, FollowUpOn, MinutesBy) =
            (heldOn, present!.Trim(), Blank(unionRepresentative), minutes!.Trim(), agreed?.Trim() ?? "", followUpOn, byName);
        if (changed)
        {
            (LeaderAcceptedAt, LeaderAcceptedBy) = (null, null);
            (AssistantAcceptedAt, AssistantComment) = (null, null);
        }
        return this;
    }

    /// <summary>One side accepts the minutes as written (the assistant may add a remark); a second acceptance changes nothing.</summary>
    public Result<Talk> Accept(TalkSide side, string byName, string? comment, Instant at)
    {
        if (Status == TalkStatus.Cancelled) return new Conflict("Samtalen er avlyst.");
        if (HeldOn is null) return new Conflict("Referatet er ikke skrevet ennå.");
        if (comment?.Length > MaxNote) return Invalid.Field("comment", $"Merknaden kan være høyst {MaxNote} tegn.");
        if (side == TalkSide.Leader)
        {
            if (LeaderAcceptedAt is null) (LeaderAcceptedAt, LeaderAcceptedBy) = (at, byName);
        }
        else if (AssistantAcceptedAt is null)
        {
            (AssistantAcceptedAt, AssistantComment) = (at, Blank(comment));
        }
        return this;
    }

    /// <summary>Cancels a talk not yet held.</summary>
    public Result<Talk> Cancel(LocalDate today)
    {
        if (Status == TalkStatus.Cancelled) return this;
        if (Status != TalkStatus.Planned) return new Conflict("En samtale som er holdt, kan ikke avlyses.");
        CancelledOn = today;
        return this;
    }

    /// <summary>The form field a topic's notes and goal are posted under (general, wentWell, …).</summary>
    public static string Field(TalkTopic topic) => char.ToLowerInvariant(topic.ToString()[0]) + topic.ToString()[1..];

    private static void CheckPlan(Dictionary<string, string> fields, TalkKind? kind, LocalDate? plannedOn, string? subject, LocalDate today)
    {
        if (plannedOn is null) fields["plannedOn"] = "Fyll ut datoen for samtalen.";
        else if (plannedOn < today.PlusYears(-1) || plannedOn > today.PlusYears(1)) fields["plannedOn"] = "Datoen må være innen ett år fra i dag.";
        if (kind is TalkKind.FollowUp or TalkKind.Conflict && string.IsNullOrWhiteSpace(subject)) fields["subject"] = "Skriv hva samtalen skal handle om.";
        else if (subject?.Length > MaxName) fields["subject"] = $"Temaet kan være høyst {MaxName} tegn.";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// When the yearly appraisal talk and the probation talk are due (the handbook 4.9: as a rule once a year; the probation's
/// follow-up before it ends).
/// </summary>
public static class TalkSchedule
{
    /// <summary>How many days before a due day it is told.</summary>
    public const int DaysAhead = 30;

    /// <summary>The probation talk is due this many days before the probation's last day, so there is time to act on it.</summary>
    public const int ProbationLead = 14;

    /// <summary>
    /// The day the next appraisal talk is due: a year after the last one held (accepted or waiting for acceptance), or a year after
    /// the assistant began in the arrangement.
    /// </summary>
    public static LocalDate AppraisalDue(LocalDate placeFrom, LocalDate? lastHeld) => (lastHeld is { } h && h >= placeFrom ? h : placeFrom).PlusYears(1);

    /// <summary>The day the probation talk is due, or null when there is no probation or it was held.</summary>
    public static LocalDate? ProbationDue(LocalDate? probationEnd, bool held) => probationEnd is { } p && !held ? p.PlusDays(-ProbationLead) : null;
}

/// <summary>What the work leader asks the employer for.</summary>
public enum RequestKind
{
    /// <summary>Advice or help with a talk, a disagreement or a conflict (the handbook 4.9, 4.10: the employer assists).</summary>
    Help = 1,

    /// <summary>To end an assistant's employment: only the employer can (the handbook 4.11, AML § 15-7).</summary>
    EndEmployment = 2,
    Other = 3,
}

/// <summary>
/// A work leader's request to the employer from the arrangement's page (issue 19, parts 5 and 6): for help with a talk or a
/// conflict, to end an employment, or about something else; the employer's side answers. Only the arrangement's leaders and
/// the employer's side read it.
/// </summary>
public sealed class EmployerRequest : AuditedAggregate
{
    public const int MaxText = 4000;

    private EmployerRequest(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }

    /// <summary>The assistant it concerns, if any.</summary>
    public Guid? AssistantId { get; private set; }

    public RequestKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AskedByUserId { get; private set; }
    public string AskedBy { get; private set; } = "";
    public Instant AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public Instant? AnsweredAt { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static Result<EmployerRequest> Ask(Guid id, Guid arrangementId, Guid? assistantId, RequestKind? kind, string? text, Guid by, string byName, Instant at,
        string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (kind is null || !Enum.IsDefined(kind.Value)) fields["kind"] = "Velg hva du ber arbeidsgiveren om.";
        else if (kind == RequestKind.EndEmployment && assistantId is null) fields["assistantId"] = "Velg assistenten arbeidsforholdet gjelder.";
        if (string.IsNullOrWhiteSpace(text)) fields["text"] = "Skriv hva du trenger hjelp til.";
        else if (text.Length > MaxText) fields["text"] = $"Teksten kan være høyst {MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new EmployerRequest(id)
        {
            ArrangementId = arrangementId, AssistantId = assistantId, Kind = kind!.Value, Text = text!.Trim(), AskedByUserId = by, AskedBy = byName, AskedAt = at,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>The employer's answer; a later answer replaces it (the moment shows when).</summary>
    public Result<EmployerRequest> Reply(string? answer, string byName, Instant at)
    {
        if (string.IsNullOrWhiteSpace(answer)) return Invalid.Field("answer", "Skriv svaret.");
        if (answer.Length > MaxText) return Invalid.Field("answer", $"Svaret kan være høyst {MaxText} tegn.");
        (Answer, AnsweredBy, AnsweredAt) = (answer.Trim(), byName, at);
        return this;
    }
}
