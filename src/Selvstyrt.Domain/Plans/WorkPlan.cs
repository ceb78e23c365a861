using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>The kinds of shift a plan uses (issue 5 lists them; the hour account reads the night kinds).</summary>
public enum PlanShiftKind
{
    Day = 1,
    Evening = 2,
    AwakeNight = 3,
    SleepingNight = 4,
    TwentyFourHour = 5,
    Travel = 6,
    OnCall = 7,
}

public enum PlanStatus
{
    Draft = 1,
    Published = 2,
}

/// <summary>
/// A rotating work plan (turnus) for one arrangement: <see cref="RotationWeeks"/> weeks of shifts that
/// repeat from <see cref="StartsOn"/> (a Monday) until <see cref="EndsOn"/>. Shifts are stored as the
/// rotation (week, weekday, local start, nominal length), and rolled out to real instants in Norway's time
/// zone on demand, so a 22-08 night is 9 h in spring and 11 h in autumn, as worked.
/// </summary>
public sealed class WorkPlan : AuditedAggregate
{
    private readonly List<PlanShift> _shifts = [];

    private WorkPlan(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public string Name { get; private set; } = "";
    public int RotationWeeks { get; private set; }
    public LocalDate StartsOn { get; private set; }
    public LocalDate? EndsOn { get; private set; }
    public PlanStatus Status { get; private set; }
    public Instant? PublishedAt { get; private set; }
    public IReadOnlyList<PlanShift> Shifts => _shifts;

    public static Result<WorkPlan> Create(Guid id, Guid arrangementId, string name, int rotationWeeks, LocalDate startsOn, LocalDate? endsOn)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Planen må ha et navn.";
        if (rotationWeeks is < 1 or > 12) fields["rotationWeeks"] = "En turnus er fra 1 til 12 uker.";
        if (startsOn.DayOfWeek != IsoDayOfWeek.Monday) fields["startsOn"] = "Turnusen må begynne på en mandag.";
        if (endsOn is { } end && end < startsOn) fields["endsOn"] = "Planen kan ikke slutte før den begynner.";
        if (fields.Count > 0) return new Invalid(fields);
        return new WorkPlan(id) { ArrangementId = arrangementId, Name = name.Trim(), RotationWeeks = rotationWeeks, StartsOn = startsOn, EndsOn = endsOn, Status = PlanStatus.Draft };
    }

    /// <summary>Adds a shift to the rotation: week 1..<see cref="RotationWeeks"/>, local start, nominal length (up to 48 h).</summary>
    public Result<PlanShift> AddShift(Guid id, int week, IsoDayOfWeek day, LocalTime start, int lengthMinutes, Guid? assistantId, PlanShiftKind kind)
    {
        var fields = new Dictionary<string, string>();
        if (week < 1 || week > RotationWeeks) fields["week"] = $"Uke må være fra 1 til {RotationWeeks}.";
        if (day == IsoDayOfWeek.None) fields["day"] = "Velg ukedag.";
        if (lengthMinutes is < 15 or > 48 * 60) fields["length"] = "En vakt må vare fra 15 minutter til 48 timer.";
        if (!Enum.IsDefined(kind)) fields["kind"] = "Ukjent vakttype.";
        if (fields.Count > 0) return new Invalid(fields);
        var shift = new PlanShift(id, Id, week, day, start.Hour * 60 + start.Minute, lengthMinutes, assistantId, kind);
        _shifts.Add(shift);
        return shift;
    }

    public void Publish(Instant at)
    {
        Status = PlanStatus.Published;
        PublishedAt = at;
    }

    /// <summary>The rotation's week (1-based) of a date on or after <see cref="StartsOn"/>.</summary>
    public int RotationWeekOf(LocalDate date) => (int)(Period.Between(StartsOn, date, PeriodUnits.Days).Days / 7 % RotationWeeks) + 1;

    /// <summary>
    /// The shifts that overlap [<paramref name="from"/>, <paramref name="to"/>] (local dates, inclusive), as
    /// instants: shifts that start the day before and run into the range are included.
    /// </summary>
    public IEnumerable<PlannedShift> RollOut(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var longest = _shifts.Count == 0 ? 0 : _shifts.Max(s => s.LengthMinutes);
        var first = LocalDate.Max(StartsOn, from.PlusDays(-(longest / (24 * 60)) - 1));
        var last = EndsOn is { } end ? LocalDate.Min(end, to) : to;
        var rangeStart = zone.AtStartOfDay(from).ToInstant();
        var rangeEnd = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
        var byDay = _shifts.ToLookup(s => (s.Week, s.Day));
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var week = RotationWeekOf(date);
            foreach (var s in byDay[(week, date.DayOfWeek)])
            {
                var localStart = date.At(LocalTime.Midnight).PlusMinutes(s.StartMinute);
                var start = localStart.InZoneLeniently(zone).ToInstant();
                var stop = localStart.PlusMinutes(s.LengthMinutes).InZoneLeniently(zone).ToInstant();
                if (stop <= rangeStart || start >= rangeEnd) continue;
                yield return new PlannedShift(s.Id, date, start, stop, s.AssistantId, s.Kind);
            }
        }
    }
}

/// <summary>One shift of a rotation: which week and weekday, the local start, the nominal length, who and what kind.</summary>
public sealed class PlanShift : Entity
{
    internal PlanShift(Guid id, Guid planId, int week, IsoDayOfWeek day, int startMinute, int lengthMinutes, Guid? assistantId, PlanShiftKind kind) : base(id)
    {
        PlanId = planId;
        Week = week;
        Day = day;
        StartMinute = startMinute;
        LengthMinutes = lengthMinutes;
        AssistantId = assistantId;
        Kind = kind;
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
}

/// <summary>A rolled-out shift: the rotation shift it comes from, the local date it starts, and its instants.</summary>
public sealed record PlannedShift(Guid TemplateId, LocalDate Date, Instant Start, Instant End, Guid? AssistantId, PlanShiftKind Kind);
