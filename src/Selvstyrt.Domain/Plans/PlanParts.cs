using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>One shift of a rotation: which week and weekday, the local start, the nominal length, who, what kind, and its parts.</summary>
public sealed class PlanShift : Entity
{
    private PlanShift(Guid id) : base(id) { }

    internal PlanShift(Guid id, Guid planId, ShiftPlacement placement) : base(id)
    {
        PlanId = planId;
        Set(placement);
    }

    public Guid PlanId { get; private set; }
    public int Week { get; private set; }
    public IsoDayOfWeek Day { get; private set; }

    /// <summary>Minutes after local midnight.</summary>
    public int StartMinute { get; private set; }

    /// <summary>The nominal length in local clock minutes (a DST night makes the worked time an hour shorter or longer).</summary>
    public int LengthMinutes { get; private set; }

    /// <summary>Null for a shift not yet given to anyone (still counted as planned hours).</summary>
    public Guid? AssistantId { get; private set; }
    public PlanShiftKind Kind { get; private set; }

    /// <summary>Passive (inactive) parts, from the template.</summary>
    public IReadOnlyList<ShiftPart> Passive { get; private set; } = [];

    /// <summary>A pause inside the shift that is paid working time (the assistant stays at work).</summary>
    public int PaidPauseMinutes { get; private set; }

    /// <summary>The template the shift was placed from, if any.</summary>
    public Guid? TemplateId { get; private set; }

    public ShiftPlacement Placement => new(Week, Day, LocalTime.FromMinutesSinceMidnight(StartMinute), LengthMinutes, AssistantId, Kind)
    {
        Passive = Passive, PaidPauseMinutes = PaidPauseMinutes, TemplateId = TemplateId,
    };

    internal void Set(ShiftPlacement p)
    {
        Week = p.Week;
        Day = p.Day;
        StartMinute = p.Start.Hour * 60 + p.Start.Minute;
        LengthMinutes = p.LengthMinutes;
        AssistantId = p.AssistantId;
        Kind = p.Kind;
        Passive = p.Passive.OrderBy(x => x.OffsetMinutes).ToList();
        PaidPauseMinutes = p.PaidPauseMinutes;
        TemplateId = p.TemplateId;
    }
}

/// <summary>A rolled-out shift: the rotation shift (or extra shift) it comes from, the local date it starts, and its instants.</summary>
public sealed record PlannedShift(Guid TemplateId, LocalDate Date, Instant Start, Instant End, Guid? AssistantId, PlanShiftKind Kind)
{
    public IReadOnlyList<ShiftPart> Passive { get; init; } = [];
    public int PaidPauseMinutes { get; init; }

    /// <summary>Set when an exception changed or added this shift on its date.</summary>
    public Guid? DeviationId { get; init; }

    /// <summary>A gap to fill: an exception left the shift without an assistant (its assistant is away, or an extra shift nobody has yet).</summary>
    public bool IsVacant => AssistantId is null && DeviationId is not null;
}

public enum PlanDeviationKind
{
    /// <summary>The rotation's shift is not worked this date (a holiday, a trip).</summary>
    Cancelled = 1,
    /// <summary>Another assistant works the rotation's shift this date.</summary>
    Reassigned = 2,
    /// <summary>A shift only on this date.</summary>
    Extra = 3,

    /// <summary>The rotation's shift runs this date but nobody has it yet (its assistant is absent): a gap to fill.</summary>
    Vacant = 4,
}

/// <summary>What an exception says; the plan checks it against the rotation.</summary>
public sealed record PlanDeviationSpec(LocalDate Date, PlanDeviationKind Kind, Guid? ShiftId, Guid? AssistantId, LocalTime? Start, int? LengthMinutes, PlanShiftKind? ShiftKind, string? Note);

/// <summary>A single date that differs from the rotation, without changing the rotation.</summary>
public sealed class PlanDeviation : Entity
{
    private PlanDeviation(Guid id) : base(id) { }

    internal PlanDeviation(Guid id, Guid planId, PlanDeviationSpec spec) : base(id)
    {
        PlanId = planId;
        Date = spec.Date;
        Kind = spec.Kind;
        ShiftId = spec.Kind == PlanDeviationKind.Extra ? null : spec.ShiftId;
        AssistantId = spec.Kind is PlanDeviationKind.Cancelled or PlanDeviationKind.Vacant ? null : spec.AssistantId;
        StartMinute = spec.Kind == PlanDeviationKind.Extra ? spec.Start!.Value.Hour * 60 + spec.Start.Value.Minute : null;
        LengthMinutes = spec.Kind == PlanDeviationKind.Extra ? spec.LengthMinutes : null;
        ShiftKind = spec.Kind == PlanDeviationKind.Extra ? spec.ShiftKind ?? PlanShiftKind.Day : null;
        Note = string.IsNullOrWhiteSpace(spec.Note) ? null : spec.Note.Trim();
    }

    public Guid PlanId { get; private set; }
    public LocalDate Date { get; private set; }
    public PlanDeviationKind Kind { get; private set; }
    public Guid? ShiftId { get; private set; }
    public Guid? AssistantId { get; private set; }
    public int? StartMinute { get; private set; }
    public int? LengthMinutes { get; private set; }
    public PlanShiftKind? ShiftKind { get; private set; }
    public string? Note { get; private set; }

    /// <summary>A vacant shift is given to another assistant: it becomes a reassignment to them (an extra shift gets them).</summary>
    internal void Fill(Guid assistantId, string? note)
    {
        if (Kind == PlanDeviationKind.Vacant) Kind = PlanDeviationKind.Reassigned;
        AssistantId = assistantId;
        Note = note;
    }

    /// <summary>The assistant who had the shift is away: a reassigned shift becomes vacant, an extra one loses its assistant.</summary>
    internal void Vacate(string note)
    {
        if (Kind == PlanDeviationKind.Reassigned) Kind = PlanDeviationKind.Vacant;
        AssistantId = null;
        Note = note;
    }
}

public enum PlanChangeKind
{
    Added = 1,
    Changed = 2,
    Removed = 3,
    Swapped = 4,
    Deviation = 5,
    Published = 6,
    Override = 7,
    Coverage = 8,
    Mark = 9,
}

/// <summary>One recorded change of a published plan: which version, who, when, what, and whose shifts it touched.</summary>
public sealed class PlanChange : Entity
{
    private PlanChange(Guid id) : base(id) { }

    internal PlanChange(Guid id, Guid planId, int version, Instant at, string by, PlanChangeKind kind, string description, Guid? assistantId, Guid? otherAssistantId) : base(id)
    {
        PlanId = planId;
        Version = version;
        At = at;
        By = by;
        Kind = kind;
        Description = description;
        AssistantId = assistantId;
        OtherAssistantId = otherAssistantId;
    }

    public Guid PlanId { get; private set; }
    public int Version { get; private set; }
    public Instant At { get; private set; }
    public string By { get; private set; } = "";
    public PlanChangeKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? AssistantId { get; private set; }
    public Guid? OtherAssistantId { get; private set; }

    /// <summary>Whether the change touched this assistant's shifts (publication touches everyone's).</summary>
    public bool Concerns(Guid assistant) => Kind == PlanChangeKind.Published || AssistantId == assistant || OtherAssistantId == assistant;
}

/// <summary>A provider role's logged decision to accept a <c>breach</c>, with the reason.</summary>
public sealed class FindingOverride : Entity
{
    private FindingOverride(Guid id) : base(id) { }

    internal FindingOverride(Guid id, Guid planId, string rule, string key, string reason, string by, Instant at) : base(id)
    {
        PlanId = planId;
        Rule = rule;
        Key = key;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid PlanId { get; private set; }
    public string Rule { get; private set; } = "";

    /// <summary>The finding's identity: rule, assistant and the rotation shifts involved.</summary>
    public string Key { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public Instant At { get; private set; }
}

/// <summary>Weekdays as bits, Monday first (1) to Sunday (64).</summary>
[Flags]
public enum WeekDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    All = 127,
}

/// <summary>A need for cover: on which weekdays, from when, how long, and how many assistants at once.</summary>
public sealed record CoverageSpec(WeekDays Days, int StartMinute, int LengthMinutes, int Assistants);

/// <summary>A stored need for cover of one plan.</summary>
public sealed class CoverageNeed : Entity
{
    private CoverageNeed(Guid id) : base(id) { }

    internal CoverageNeed(Guid id, Guid planId, CoverageSpec spec) : base(id)
    {
        PlanId = planId;
        Days = spec.Days;
        StartMinute = spec.StartMinute;
        LengthMinutes = spec.LengthMinutes;
        Assistants = spec.Assistants;
    }

    public Guid PlanId { get; private set; }
    public WeekDays Days { get; private set; }
    public int StartMinute { get; private set; }
    public int LengthMinutes { get; private set; }
    public int Assistants { get; private set; }

    public CoverageSpec Spec => new(Days, StartMinute, LengthMinutes, Assistants);
}

/// <summary>A named period the user marks in the year view (school holidays and the like).</summary>
public sealed class PlanMark : Entity
{
    private PlanMark(Guid id) : base(id) { }

    internal PlanMark(Guid id, Guid planId, string name, LocalDate from, LocalDate to) : base(id)
    {
        PlanId = planId;
        Name = name;
        From = from;
        To = to;
    }

    public Guid PlanId { get; private set; }
    public string Name { get; private set; } = "";
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }
}
