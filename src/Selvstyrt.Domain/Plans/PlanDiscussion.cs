using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>
/// A recorded discussion of a work plan (AML-10-3-1: the plan is discussed with the union representatives, or the
/// assistants where there are none, as early as possible and at least 14 days before it takes effect). Recorded by the
/// union representative or by those who make the plan, with the date, who took part and what was said; the latest date
/// is offered when the plan is published. Kept for good, like the plan's change log.
/// </summary>
public sealed class PlanDiscussion : Entity
{
    private PlanDiscussion(Guid id) : base(id) { }

    public Guid PlanId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public LocalDate On { get; private set; }

    /// <summary>Who took part («Tillitsvalgt i Fagforbundet og assistentene»).</summary>
    public string Participants { get; private set; } = "";

    /// <summary>What was said, agreed or objected to; optional.</summary>
    public string? Note { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public Instant RecordedAt { get; private set; }

    public static Result<PlanDiscussion> Record(Guid id, WorkPlan plan, LocalDate? on, string? participants, string? note, Guid by, string byName, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fields = new Dictionary<string, string>();
        if (on is null) fields["on"] = "Fyll ut datoen for drøftingen.";
        else if (on > today) fields["on"] = "Drøftingen kan ikke være i fremtiden.";
        var who = participants?.Trim() ?? "";
        if (who.Length == 0) fields["participants"] = "Skriv hvem som deltok i drøftingen.";
        else if (who.Length > 300) fields["participants"] = "Deltakerne kan ikke være lengre enn 300 tegn.";
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 4000 }) fields["note"] = "Merknadene kan ikke være lengre enn 4000 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new PlanDiscussion(id)
        {
            PlanId = plan.Id, ArrangementId = plan.ArrangementId, On = on!.Value, Participants = who, Note = text,
            RecordedByUserId = by, RecordedByName = byName, RecordedAt = at,
        };
    }
}
