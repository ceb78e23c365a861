using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>A part of a shift measured from its start: passive (inactive) time, for example the sleeping hours of a night.</summary>
public readonly record struct ShiftPart(int OffsetMinutes, int LengthMinutes)
{
    /// <summary>Stored as <c>offset+length;offset+length</c> (minutes).</summary>
    public static string Format(IEnumerable<ShiftPart> parts) => string.Join(';', parts.Select(p => $"{p.OffsetMinutes}+{p.LengthMinutes}"));

    /// <summary>Reads <see cref="Format"/>'s text; empty text is no parts.</summary>
    public static IReadOnlyList<ShiftPart> Parse(string? text)
        => string.IsNullOrEmpty(text)
            ? []
            : text.Split(';').Select(p => p.Split('+')).Select(p => new ShiftPart(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
}

/// <summary>
/// A shift template (vakttype) of one arrangement: a name, a local start, a nominal length (across midnight, 24 h or
/// longer), the kind, passive parts, a paid pause, how many assistants work it at once (2 for 2:1) and the competences
/// it needs (free text until competence records exist). Placing a template copies its values into the plan, so a
/// later change of the template never moves shifts already planned; a changed pause is carried to them (issue 23: a
/// pause set on the template counts for its shifts).
/// </summary>
public sealed class ShiftTemplate : AuditedAggregate
{
    /// <summary>The longest shift a template (and a plan) may describe.</summary>
    public const int MaxLengthMinutes = 48 * 60;

    private ShiftTemplate(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public string Name { get; private set; } = "";
    public int StartMinute { get; private set; }
    public int LengthMinutes { get; private set; }
    public PlanShiftKind Kind { get; private set; }
    public IReadOnlyList<ShiftPart> Passive { get; private set; } = [];
    public int PaidPauseMinutes { get; private set; }
    public int Staffing { get; private set; } = 1;
    public IReadOnlyList<string> Competences { get; private set; } = [];
    public string? IdempotencyKey { get; private set; }

    public LocalTime Start => LocalTime.FromMinutesSinceMidnight(StartMinute);

    public static Result<ShiftTemplate> Create(Guid id, Guid arrangementId, string? name, LocalTime start, int lengthMinutes, PlanShiftKind kind,
        IReadOnlyList<ShiftPart> passive, int paidPauseMinutes, int staffing, IReadOnlyList<string> competences, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(passive);
        ArgumentNullException.ThrowIfNull(competences);
        var fields = ShiftShape.Validate(lengthMinutes, kind, passive, paidPauseMinutes);
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Vakttypen må ha et navn.";
        else if (name.Trim().Length > 100) fields["name"] = "Navnet kan ikke være lengre enn 100 tegn.";
        if (staffing is < 1 or > 2) fields["staffing"] = "Antall assistenter samtidig er 1 eller 2 (2:1).";
        if (fields.Count > 0) return new Invalid(fields);
        return new ShiftTemplate(id)
        {
            ArrangementId = arrangementId, Name = name!.Trim(), StartMinute = start.Hour * 60 + start.Minute, LengthMinutes = lengthMinutes, Kind = kind,
            Passive = passive.OrderBy(p => p.OffsetMinutes).ToList(), PaidPauseMinutes = paidPauseMinutes, Staffing = staffing,
            Competences = competences.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>
    /// Changes the template, with the same checks as a new one. Shifts already placed from it keep their times and kind (a
    /// template change never moves a planned shift); only its pause is carried to them, by the plan
    /// (<see cref="WorkPlan.ApplyTemplatePause"/>).
    /// </summary>
    public Result<ShiftTemplate> Change(string? name, LocalTime start, int lengthMinutes, PlanShiftKind kind, IReadOnlyList<ShiftPart> passive, int paidPauseMinutes,
        int staffing, IReadOnlyList<string> competences)
    {
        var changed = Create(Id, ArrangementId, name, start, lengthMinutes, kind, passive, paidPauseMinutes, staffing, competences, IdempotencyKey);
        if (!changed.IsSuccess) return changed.Error!;
        var c = changed.Value!;
        (Name, StartMinute, LengthMinutes, Kind, Passive, PaidPauseMinutes, Staffing, Competences) =
            (c.Name, c.StartMinute, c.LengthMinutes, c.Kind, c.Passive, c.PaidPauseMinutes, c.Staffing, c.Competences);
        return this;
    }

    /// <summary>Follows a competence kind's new name (matching is by name, ignoring case).</summary>
    public void RenameCompetence(string from, string to)
    {
        if (Competences.Any(c => string.Equals(c, from, StringComparison.OrdinalIgnoreCase)))
            Competences = Competences.Select(c => string.Equals(c, from, StringComparison.OrdinalIgnoreCase) ? to : c).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}

/// <summary>The checks a shift's shape must pass, shared by templates and plan shifts.</summary>
public static class ShiftShape
{
    public static Dictionary<string, string> Validate(int lengthMinutes, PlanShiftKind kind, IReadOnlyList<ShiftPart> passive, int paidPauseMinutes)
    {
        ArgumentNullException.ThrowIfNull(passive);
        var fields = new Dictionary<string, string>();
        if (lengthMinutes is < 15 or > ShiftTemplate.MaxLengthMinutes) fields["length"] = "En vakt må vare fra 15 minutter til 48 timer.";
        if (!Enum.IsDefined(kind)) fields["kind"] = "Ukjent vakttype.";
        if (passive.Any(p => p.OffsetMinutes < 0 || p.LengthMinutes <= 0 || p.OffsetMinutes + p.LengthMinutes > lengthMinutes))
            fields["passive"] = "Passiv tid må ligge innenfor vakten.";
        else if (passive.OrderBy(p => p.OffsetMinutes).Zip(passive.OrderBy(p => p.OffsetMinutes).Skip(1)).Any(x => x.First.OffsetMinutes + x.First.LengthMinutes > x.Second.OffsetMinutes))
            fields["passive"] = "Periodene med passiv tid kan ikke overlappe.";
        if (paidPauseMinutes < 0 || paidPauseMinutes >= lengthMinutes) fields["pause"] = "Betalt pause må være kortere enn vakten.";
        return fields;
    }
}
