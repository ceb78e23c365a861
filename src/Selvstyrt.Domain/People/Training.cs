using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// One item of a new assistant's training plan in an arrangement (issue 19, part 3): what is to be learned, by when, who trains;
/// done on a day (an item for a competence kind then records the competence), or cancelled. The plan is the assistant's items
/// there, drafted from what the arrangement and its shift types require and the handbook's first topics, and followed up in the
/// probation talk.
/// </summary>
public sealed class TrainingItem : AuditedAggregate
{
    public const int MaxTopic = 200;

    private TrainingItem(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public Guid AssistantId { get; private set; }
    public string Topic { get; private set; } = "";

    /// <summary>The competence the item gives, when it is one of the provider's kinds (recorded on the assistant when done).</summary>
    public Guid? CompetenceKindId { get; private set; }

    public LocalDate? DueOn { get; private set; }

    /// <summary>Who trains (the work leader, an experienced colleague, a course).</summary>
    public string? Trainer { get; private set; }

    public LocalDate? DoneOn { get; private set; }
    public string? DoneBy { get; private set; }
    public LocalDate? CancelledOn { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public bool IsOpen => DoneOn is null && CancelledOn is null;

    public bool IsLate(LocalDate today) => IsOpen && DueOn is { } due && due < today;

    public static Result<TrainingItem> Plan(Guid id, Guid arrangementId, Guid assistantId, string? topic, Guid? competenceKindId, LocalDate? dueOn, string? trainer,
        LocalDate today, string? idempotencyKey)
    {
        var fields = Check(topic, dueOn, trainer, today);
        if (fields.Count > 0) return new Invalid(fields);
        return new TrainingItem(id)
        {
            ArrangementId = arrangementId, AssistantId = assistantId, Topic = topic!.Trim(), CompetenceKindId = competenceKindId, DueOn = dueOn, Trainer = Blank(trainer),
            IdempotencyKey = idempotencyKey,
        };
    }

    public Result<TrainingItem> Change(string? topic, LocalDate? dueOn, string? trainer, LocalDate today)
    {
        if (!IsOpen) return new Conflict("Opplæringen er gjennomført eller avlyst og kan ikke endres.");
        var fields = Check(topic, dueOn, trainer, today);
        if (fields.Count > 0) return new Invalid(fields);
        (Topic, DueOn, Trainer) = (topic!.Trim(), dueOn, Blank(trainer));
        return this;
    }

    /// <summary>Marks the item done on a day (not in the future); done again on the same day changes nothing.</summary>
    public Result<TrainingItem> Complete(LocalDate? doneOn, string? by, LocalDate today)
    {
        if (CancelledOn is not null) return new Conflict("Opplæringen er avlyst.");
        if (doneOn is null) return Invalid.Field("doneOn", "Fyll ut datoen opplæringen ble gitt.");
        if (doneOn > today) return Invalid.Field("doneOn", "Opplæringen kan ikke registreres som gitt fram i tid.");
        if (by?.Length > MaxTopic) return Invalid.Field("by", $"Hvem som ga opplæringen, kan være høyst {MaxTopic} tegn.");
        (DoneOn, DoneBy) = (doneOn, Blank(by) ?? Trainer);
        return this;
    }

    public Result<TrainingItem> Cancel(LocalDate today)
    {
        if (DoneOn is not null) return new Conflict("Opplæringen er gjennomført og kan ikke avlyses.");
        CancelledOn ??= today;
        return this;
    }

    private static Dictionary<string, string> Check(string? topic, LocalDate? dueOn, string? trainer, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(topic)) fields["topic"] = "Skriv hva assistenten skal lære.";
        else if (topic.Length > MaxTopic) fields["topic"] = $"Temaet kan være høyst {MaxTopic} tegn.";
        if (dueOn is { } d && (d < today.PlusYears(-1) || d > today.PlusYears(2))) fields["dueOn"] = "Fristen må være innen to år fra i dag.";
        if (trainer?.Length > MaxTopic) fields["trainer"] = $"Hvem som lærer bort, kan være høyst {MaxTopic} tegn.";
        return fields;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The first draft of a new assistant's training plan: the competences the arrangement and its shift types require (each a
/// kind, recorded when done), then the handbook's first topics, due within the first weeks and, at the latest, two weeks before the
/// probation ends so the probation talk can follow up.
/// </summary>
public static class TrainingDraft
{
    public static readonly IReadOnlyList<string> FirstTopics =
    [
        "Brukeren forteller om seg selv, sine behov og hvordan hverdagen er lagt opp",
        "Ordningens rutiner: vaktskifte, overlevering og dokumentasjon",
        "HMS: forflytning, brann og hva du gjør ved en ulykke eller et avvik",
        "Taushetsplikt og personvern i ordningen",
        "Timelister, vaktbytter og fravær i Selvstyrt",
    ];

    /// <summary>When the drafted items are due: four weeks from the start (or today, if later), and before the probation talk.</summary>
    public static LocalDate DueOn(LocalDate start, LocalDate today, LocalDate? probationEnd)
    {
        var due = LocalDate.Max(start, today).PlusWeeks(4);
        return probationEnd is { } p && p.PlusDays(-TalkSchedule.ProbationLead) is var talk && talk < due && talk >= today ? talk : due;
    }
}
