using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>
/// Actual time on a time sheet (AML-10-7-1): what was worked, kept apart from what was planned. A planned entry keeps
/// the plan's start and end beside the actual ones; a changed entry says why; a correction points at the entry it
/// replaces. Changed only through its <see cref="TimeSheet"/>.
/// </summary>
public sealed class TimeEntry : Entity
{
    private TimeEntry(Guid id) : base(id) { }

    public Guid SheetId { get; private set; }
    /// <summary>The local date the work started on (the sheet's month).</summary>
    public LocalDate Date { get; private set; }
    public EntrySource Source { get; private set; }
    public EntryStatus Status { get; private set; }
    public PlanShiftKind? Kind { get; private set; }

    /// <summary>The published plan and the shift's key in it (plan shift id @ date), for planned entries.</summary>
    public Guid? PlanId { get; private set; }
    public string? PlanKey { get; private set; }
    public Instant? PlannedStart { get; private set; }
    public Instant? PlannedEnd { get; private set; }

    public Instant Start { get; private set; }
    public Instant End { get; private set; }
    public int FreePauseMinutes { get; private set; }
    public int PassiveOffsetMinutes { get; private set; }
    public int PassiveMinutes { get; private set; }
    /// <summary>Overtime the assistant marks (tariff overtime ordered by the work leader); legal overtime is computed.</summary>
    public int OvertimeMinutes { get; private set; }
    public string? OvertimeReason { get; private set; }

    /// <summary>Why the actual time differs from the plan, why the work was unplanned, or why it was not worked.</summary>
    public string? Reason { get; private set; }
    /// <summary>For a shift not worked: whether a substitute covered it (else its hours are unused hours of the account).</summary>
    public bool Substituted { get; private set; }

    /// <summary>When the assistant clocked in and out from the phone (the actual start and end then come from these).</summary>
    public Instant? ClockedInAt { get; private set; }
    public Instant? ClockedOutAt { get; private set; }

    public Instant? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }
    /// <summary>Set when the sheet is approved; cleared when it is rejected.</summary>
    public Instant? ApprovedAt { get; private set; }

    public Guid? CorrectsId { get; private set; }
    public Guid? SupersededById { get; private set; }
    public Instant? CorrectionApprovedAt { get; private set; }
    public string? CorrectionApprovedBy { get; private set; }

    public EntryTimes Times => new(Start, End, FreePauseMinutes, PassiveOffsetMinutes, PassiveMinutes, OvertimeMinutes, OvertimeReason);

    /// <summary>Whether it counts toward hours and pay: not replaced by an approved correction, and a correction only once approved.</summary>
    public bool Counts => SupersededById is null && (Source != EntrySource.Correction || CorrectionApprovedAt is not null);

    /// <summary>Whether the actual time differs from the plan.</summary>
    public bool Deviates => Source == EntrySource.Planned && Status == EntryStatus.Worked && (Start != PlannedStart || End != PlannedEnd || FreePauseMinutes > 0 || OvertimeMinutes > 0);

    /// <summary>Worked minutes (free pauses out, passive in).</summary>
    public int WorkedMinutes => Status == EntryStatus.Worked ? (int)(End - Start).TotalMinutes - FreePauseMinutes : 0;

    internal static TimeEntry Planned(Guid id, Guid sheetId, LocalDate date, EntryTimes times, Guid planId, string planKey, PlanShiftKind kind)
    {
        var entry = new TimeEntry(id)
        {
            SheetId = sheetId, Date = date, Source = EntrySource.Planned, Status = EntryStatus.Open, Kind = kind,
            PlanId = planId, PlanKey = planKey, PlannedStart = times.Start, PlannedEnd = times.End,
        };
        entry.Set(times);
        return entry;
    }

    internal static TimeEntry Unplanned(Guid id, Guid sheetId, LocalDate date, EntryTimes times, string reason, SheetActor actor)
    {
        var entry = new TimeEntry(id)
        {
            SheetId = sheetId, Date = date, Source = EntrySource.Unplanned, Status = EntryStatus.Worked, Reason = reason,
            ConfirmedAt = actor.At, ConfirmedBy = actor.By,
        };
        entry.Set(times);
        return entry;
    }

    internal static TimeEntry CorrectionOf(Guid id, TimeEntry original, EntryTimes times, string reason, SheetActor actor)
    {
        var entry = new TimeEntry(id)
        {
            SheetId = original.SheetId, Date = original.Date, Source = EntrySource.Correction, Status = EntryStatus.Worked, Kind = original.Kind,
            PlanId = original.PlanId, PlannedStart = original.PlannedStart, PlannedEnd = original.PlannedEnd,
            Reason = reason, CorrectsId = original.Id, ConfirmedAt = actor.At, ConfirmedBy = actor.By,
        };
        entry.Set(times);
        return entry;
    }

    private void Set(EntryTimes t)
    {
        Start = t.Start;
        End = t.End;
        FreePauseMinutes = t.FreePauseMinutes;
        PassiveOffsetMinutes = t.PassiveOffsetMinutes;
        PassiveMinutes = t.PassiveMinutes;
        OvertimeMinutes = t.OvertimeMinutes;
        OvertimeReason = t.OvertimeReason;
    }

    internal void MarkWorked(EntryTimes? changed, string? reason, SheetActor actor)
    {
        if (changed is not null) Set(changed);
        else if (Source == EntrySource.Planned && PlannedStart is { } ps && PlannedEnd is { } pe)
        {
            // Confirming "as planned" puts the planned times back, whatever was recorded before.
            Start = ps;
            End = pe;
            FreePauseMinutes = 0;
            OvertimeMinutes = 0;
            OvertimeReason = null;
            ClockedInAt = null;
            ClockedOutAt = null;
        }
        Status = EntryStatus.Worked;
        Reason = changed is null && Source == EntrySource.Planned ? null : reason ?? Reason;
        Substituted = false;
        ConfirmedAt = actor.At;
        ConfirmedBy = actor.By;
    }

    internal void MarkNotWorked(string reason, bool substituted, SheetActor actor)
    {
        Status = EntryStatus.NotWorked;
        Reason = reason;
        Substituted = substituted;
        ConfirmedAt = actor.At;
        ConfirmedBy = actor.By;
    }

    internal void ClockIn(Instant at) => ClockedInAt = at;

    internal void ClockOut(Instant at) => ClockedOutAt = at;

    internal void MarkApproved(Instant at) => ApprovedAt = at;

    internal void ClearApproval() => ApprovedAt = null;

    internal void Supersede(Guid by) => SupersededById = by;

    internal void ApproveCorrection(Instant at, string by)
    {
        CorrectionApprovedAt = at;
        CorrectionApprovedBy = by;
        ApprovedAt = at;
    }
}
