using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>Where a time sheet is on its way from the assistant to payroll.</summary>
public enum SheetState
{
    /// <summary>The assistant is filling it in.</summary>
    Draft = 1,
    /// <summary>Sent to the work leader.</summary>
    Submitted = 2,
    /// <summary>Approved by the work leader or co-work leader.</summary>
    Approved = 3,
    /// <summary>Attested by the employer (the provider); ready for payroll.</summary>
    Attested = 4,
    /// <summary>Included in a payroll export.</summary>
    Exported = 5,
    /// <summary>Sent back to the assistant with a comment.</summary>
    Rejected = 6,
}

/// <summary>What the assistant has said about an entry.</summary>
public enum EntryStatus
{
    /// <summary>A planned shift nobody has confirmed yet.</summary>
    Open = 0,
    /// <summary>Worked (as planned, or with the recorded changes).</summary>
    Worked = 1,
    /// <summary>Not worked.</summary>
    NotWorked = 2,
}

/// <summary>Where an entry came from.</summary>
public enum EntrySource
{
    /// <summary>A shift of the published plan.</summary>
    Planned = 1,
    /// <summary>Work that was not planned (a call-in, extra hours).</summary>
    Unplanned = 2,
    /// <summary>A correction of an approved entry; it counts once it is itself approved.</summary>
    Correction = 3,
}

/// <summary>A step on the sheet's way, named for the error a refused step gives.</summary>
public enum SheetAction
{
    Edit = 0,
    Submit = 1,
    Approve = 2,
    Reject = 3,
    Attest = 4,
    Export = 5,
    Correct = 6,
}

/// <summary>Who does a step: recorded on the transition, and the signature lines of appendix 2 come from it.</summary>
public enum SheetRole
{
    Assistant = 1,
    WorkLeader = 2,
    CoWorkLeader = 3,
    Employer = 4,

    /// <summary>The deputy in a period they act as work leader (<see cref="Arrangements.ActingPeriod"/>).</summary>
    ActingDeputy = 5,
}

public static class SheetRoles
{
    /// <summary>The roles that approve as the work leader: work leader, co-work leader and an acting deputy.</summary>
    public static bool Leads(SheetRole role) => role is SheetRole.WorkLeader or SheetRole.CoWorkLeader or SheetRole.ActingDeputy;
}

/// <summary>Who does something to a sheet, and when.</summary>
public sealed record SheetActor(Instant At, string By, string Name, SheetRole Role);

/// <summary>A step the sheet's state does not allow; every illegal transition gives this typed error (answered as 409).</summary>
public sealed record TransitionRefused(SheetState From, SheetAction Action)
    : Error("transition_refused", $"Timelisten er {SheetTexts.State(From)} og kan ikke {SheetTexts.Action(Action)}.");

/// <summary>Norwegian names for states and steps, for messages that leave the domain.</summary>
public static class SheetTexts
{
    public static string State(SheetState state) => state switch
    {
        SheetState.Draft => "under arbeid",
        SheetState.Submitted => "sendt til godkjenning",
        SheetState.Approved => "godkjent",
        SheetState.Attested => "attestert",
        SheetState.Exported => "overført til lønn",
        _ => "sendt i retur",
    };

    public static string Action(SheetAction action) => action switch
    {
        SheetAction.Edit => "endres",
        SheetAction.Submit => "sendes til godkjenning",
        SheetAction.Approve => "godkjennes",
        SheetAction.Reject => "sendes i retur",
        SheetAction.Attest => "attesteres",
        SheetAction.Export => "overføres til lønn",
        _ => "rettes",
    };
}

/// <summary>The times of an entry as worked. Pauses are free (the assistant could leave); passive time is inside the shift.</summary>
public sealed record EntryTimes(Instant Start, Instant End, int FreePauseMinutes, int PassiveOffsetMinutes, int PassiveMinutes, int OvertimeMinutes, string? OvertimeReason)
{
    /// <summary>Longest entry: two days (a long travel or a 24-hour shift running over).</summary>
    public const int MaxMinutes = 48 * 60;

    public int LengthMinutes => (int)(End - Start).TotalMinutes;

    /// <summary>Checks the values, naming the fields in Norwegian.</summary>
    public Dictionary<string, string> Validate()
    {
        var fields = new Dictionary<string, string>();
        var length = (End - Start).TotalMinutes;
        if (length <= 0) fields["end"] = "Slutt må være etter start.";
        else if (length > MaxMinutes) fields["end"] = "En registrering kan være høyst 48 timer.";
        if (FreePauseMinutes < 0) fields["pauseMinutes"] = "Pause kan ikke være negativ.";
        else if (length > 0 && FreePauseMinutes >= length) fields["pauseMinutes"] = "Pausen må være kortere enn vakten.";
        if (PassiveMinutes < 0 || PassiveOffsetMinutes < 0) fields["passiveMinutes"] = "Passiv tid kan ikke være negativ.";
        else if (length > 0 && PassiveOffsetMinutes + PassiveMinutes > length) fields["passiveMinutes"] = "Passiv tid må ligge innenfor vakten.";
        if (OvertimeMinutes < 0) fields["overtimeMinutes"] = "Overtid kan ikke være negativ.";
        else if (length > 0 && OvertimeMinutes > length - FreePauseMinutes) fields["overtimeMinutes"] = "Overtid kan ikke være mer enn arbeidstiden.";
        if (OvertimeMinutes > 0 && string.IsNullOrWhiteSpace(OvertimeReason))
            fields["overtimeReason"] = "Oppgi årsaken til overtiden (arbeidsmiljøloven § 10-6 første ledd).";
        if ((OvertimeReason ?? "").Trim().Length > 300) fields["overtimeReason"] = "Årsaken kan ha høyst 300 tegn.";
        return fields;
    }

    public EntryTimes Normalised() => this with { OvertimeReason = OvertimeMinutes > 0 ? OvertimeReason?.Trim() : null };

    /// <summary>Where the free pause lies: in the middle of the shift (only its length is recorded). Null without one.</summary>
    public (Instant Start, Instant End)? Pause
    {
        get
        {
            if (FreePauseMinutes <= 0) return null;
            var start = Start + Duration.FromMinutes((LengthMinutes - FreePauseMinutes) / 2);
            return (start, start + Duration.FromMinutes(FreePauseMinutes));
        }
    }

    /// <summary>The working time as intervals: the shift less its free pause.</summary>
    public IEnumerable<(Instant Start, Instant End)> WorkIntervals()
    {
        if (Pause is not { } pause)
        {
            yield return (Start, End);
            yield break;
        }
        yield return (Start, pause.Start);
        yield return (pause.End, End);
    }
}

/// <summary>
/// One assistant's time sheet for one arrangement and one month. It owns its entries and every state change:
/// Draft → Submitted → Approved → Attested → Exported, and Rejected back to the assistant (from Submitted or
/// Approved) with a comment. Every transition is recorded with who and when. After approval an entry changes only
/// through a correction entry, which counts once the work leader has approved it.
/// </summary>
public sealed class TimeSheet : AuditedAggregate
{
    private readonly List<TimeEntry> _entries = [];
    private readonly List<SheetTransition> _transitions = [];

    private TimeSheet(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public Guid AssistantId { get; private set; }
    /// <summary>The first day of the month.</summary>
    public LocalDate Month { get; private set; }
    public SheetState State { get; private set; }
    /// <summary>Bumped by every change; pages and the API send it back so that a stale form is a conflict, not an overwrite.</summary>
    public int Revision { get; private set; } = 1;
    /// <summary>The last rejection's comment, shown to the assistant until the next submit.</summary>
    public string? RejectionComment { get; private set; }
    /// <summary>The export that took the sheet to payroll.</summary>
    public Guid? ExportId { get; private set; }

    public IReadOnlyList<TimeEntry> Entries => _entries;
    public IReadOnlyList<SheetTransition> Transitions => _transitions;

    public LocalDate LastDay => Month.PlusMonths(1).PlusDays(-1);

    /// <summary>Entries that count: not replaced by an approved correction, and corrections once approved.</summary>
    public IEnumerable<TimeEntry> Effective => _entries.Where(e => e.Counts);

    /// <summary>Corrections waiting for the work leader.</summary>
    public IEnumerable<TimeEntry> PendingCorrections => _entries.Where(e => e.Source == EntrySource.Correction && e.CorrectionApprovedAt is null);

    public static TimeSheet Create(Guid id, Guid providerId, Guid arrangementId, Guid assistantId, LocalDate month)
        => new(id)
        {
            ProviderId = providerId, ArrangementId = arrangementId, AssistantId = assistantId,
            Month = new LocalDate(month.Year, month.Month, 1), State = SheetState.Draft,
        };

    /// <summary>Refuses a form filled in against an older revision.</summary>
    public Result<TimeSheet> Expect(int? revision) => revision is { } r && r != Revision ? new Conflict { StaleRevision = true } : this;

    private bool Editable => State is SheetState.Draft or SheetState.Rejected;

    private HashSet<LocalDate> _absent = [];

    /// <summary>
    /// The days of the month the assistant is registered as fully absent (sick leave at 100 %), as the caller read them: a
    /// shift on such a day cannot be confirmed, and worked time on it must be put right before the sheet goes on. Not stored.
    /// </summary>
    public IReadOnlySet<LocalDate> AbsentDays => _absent;

    public void KnowAbsence(IEnumerable<LocalDate> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        _absent = [.. days];
    }

    private const string OnAbsenceDay = "Du har registrert fravær denne dagen, så vakten kan ikke bekreftes. Arbeidet du likevel, endre fraværet under «Fravær» først.";

    /// <summary>Removes the open planned entries on the given days (the assistant reported absence; the shifts went vacant in the plan).</summary>
    public int DropOpenPlannedOn(LocalDate from, LocalDate to)
    {
        if (!Editable) return 0;
        var removed = _entries.RemoveAll(e => e.Source == EntrySource.Planned && e.Status == EntryStatus.Open && e.Date >= from && e.Date <= to);
        if (removed > 0) Touch();
        return removed;
    }

    /// <summary>
    /// Takes a shift of the published plan in as an open entry. Idempotent: a shift already on the sheet (same plan
    /// shift and date) is left as it is, so refreshing from the plan never duplicates or undoes what was confirmed.
    /// </summary>
    public Result<TimeEntry?> AddPlanned(Guid id, PlannedShift shift, Guid planId)
    {
        ArgumentNullException.ThrowIfNull(shift);
        if (!Editable) return new TransitionRefused(State, SheetAction.Edit);
        if (shift.Date < Month || shift.Date > LastDay) return Invalid.Field("date", "Vakten er ikke i timelistens måned.");
        var key = PlanKey(shift.TemplateId, shift.Date);
        if (_entries.Any(e => e.PlanKey == key)) return (TimeEntry?)null;
        var passive = shift.Passive.Count > 0 ? shift.Passive[0] : new ShiftPart(0, 0);
        var times = new EntryTimes(shift.Start, shift.End, 0, passive.OffsetMinutes, passive.LengthMinutes, 0, null);
        var entry = TimeEntry.Planned(id, Id, shift.Date, times, planId, key, shift.Kind);
        _entries.Add(entry);
        Touch();
        return entry;
    }

    /// <summary>The key of a plan shift on a date (the same form as the rules engine's shift ids).</summary>
    public static string PlanKey(Guid planShiftId, LocalDate date)
        => $"{planShiftId:N}@{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Removes open planned entries the plan no longer has (a shift moved to someone else before it was confirmed).</summary>
    public int DropOpenPlannedExcept(IReadOnlySet<string> planKeys)
    {
        ArgumentNullException.ThrowIfNull(planKeys);
        if (!Editable) return 0;
        var removed = _entries.RemoveAll(e => e.Source == EntrySource.Planned && e.Status == EntryStatus.Open && !planKeys.Contains(e.PlanKey!));
        if (removed > 0) Touch();
        return removed;
    }

    /// <summary>Confirms a planned entry as worked as planned.</summary>
    public Result<TimeEntry> Confirm(Guid entryId, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = Editing(entryId);
        if (!found.IsSuccess) return found;
        if (found.Value!.PlannedEnd is { } end && end > actor.At) return Invalid.Field("entry", NotOverYet);
        if (_absent.Contains(found.Value.Date)) return Invalid.Field("entry", OnAbsenceDay);
        found.Value.MarkWorked(null, null, actor);
        Touch();
        return found;
    }

    private const string NotOverYet = "Vakten er ikke over ennå. Bekreft den når den er ferdig.";
    private const string InTheFuture = "Slutt kan ikke være fram i tid. Før arbeidet når det er gjort.";

    /// <summary>Confirms every open entry that has ended as worked as planned (shifts still to come, and any on a day of absence, stay open).</summary>
    public Result<int> ConfirmAllOpen(SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Editable) return new TransitionRefused(State, SheetAction.Edit);
        var open = _entries.Where(e => e.Status == EntryStatus.Open && e.End <= actor.At && !_absent.Contains(e.Date)).ToList();
        foreach (var e in open) e.MarkWorked(null, null, actor);
        if (open.Count > 0) Touch();
        return open.Count;
    }

    /// <summary>How early before a planned shift its assistant may clock in.</summary>
    public static readonly Duration ClockInWindow = Duration.FromHours(2);

    /// <summary>
    /// Clock-in from the phone: records the actual start of a planned shift, to the minute. The entry stays open until
    /// clock-out. Allowed from two hours before the planned start until the planned end.
    /// </summary>
    public Result<TimeEntry> ClockIn(Guid entryId, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = Editing(entryId);
        if (!found.IsSuccess) return found;
        var e = found.Value!;
        if (e.Source != EntrySource.Planned || e.Status != EntryStatus.Open || e.PlannedStart is not { } start || e.PlannedEnd is not { } end)
            return Invalid.Field("entry", "Bare en planlagt vakt som ikke er ført ennå, kan stemples inn.");
        if (e.ClockedInAt is not null) return Invalid.Field("entry", "Du har allerede stemplet inn på denne vakten.");
        if (actor.At < start - ClockInWindow || actor.At >= end) return Invalid.Field("entry", "Du kan stemple inn fra to timer før vakten begynner til den skal slutte.");
        e.ClockIn(ToMinute(actor.At));
        Touch();
        return e;
    }

    /// <summary>Clock-out: the entry is worked from the clock-in to now, with the difference from the plan as its change.</summary>
    public Result<TimeEntry> ClockOut(Guid entryId, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = Editing(entryId);
        if (!found.IsSuccess) return found;
        var e = found.Value!;
        if (e.ClockedInAt is not { } clockedIn || e.Status != EntryStatus.Open) return Invalid.Field("entry", "Du har ikke stemplet inn på denne vakten.");
        var end = ToMinute(actor.At);
        if (end <= clockedIn) return Invalid.Field("entry", "Du kan stemple ut tidligst ett minutt etter at du stemplet inn.");
        var times = e.Times with { Start = clockedIn, End = end };
        var fields = times.Validate();
        if (fields.Count > 0) return new Invalid(fields);
        var asPlanned = clockedIn == e.PlannedStart && end == e.PlannedEnd;
        e.MarkWorked(times, asPlanned ? null : "Stemplet inn og ut", actor);
        e.ClockOut(end);
        Touch();
        return e;
    }

    private static Instant ToMinute(Instant at) => Instant.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / 60 * 60);

    /// <summary>Records what was actually worked when it differs from the plan, with a reason.</summary>
    public Result<TimeEntry> Change(Guid entryId, EntryTimes times, string? reason, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(actor);
        var found = Editing(entryId);
        if (!found.IsSuccess) return found;
        var fields = times.Validate();
        if (times.End > actor.At) fields["end"] = InTheFuture;
        var why = (reason ?? "").Trim();
        if (why.Length < 3) fields["reason"] = "Skriv kort hvorfor tiden avviker fra planen.";
        else if (why.Length > 300) fields["reason"] = "Årsaken kan ha høyst 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        found.Value!.MarkWorked(times.Normalised(), why, actor);
        Touch();
        return found;
    }

    /// <summary>Marks a planned entry as not worked; <paramref name="substituted"/> tells whether someone else covered it (else the hours are unused).</summary>
    public Result<TimeEntry> MarkNotWorked(Guid entryId, string? reason, bool substituted, SheetActor actor)
    {
        var found = Editing(entryId);
        if (!found.IsSuccess) return found;
        if (found.Value!.Source != EntrySource.Planned) return Invalid.Field("entry", "Bare planlagte vakter kan merkes som ikke arbeidet. Slett en ekstra registrering i stedet.");
        var why = (reason ?? "").Trim();
        if (why.Length < 3) return Invalid.Field("reason", "Skriv kort hvorfor vakten ikke ble arbeidet.");
        if (why.Length > 300) return Invalid.Field("reason", "Årsaken kan ha høyst 300 tegn.");
        found.Value.MarkNotWorked(why, substituted, actor);
        Touch();
        return found;
    }

    /// <summary>Adds work that was not planned (a call-in or extra hours), with a reason. Idempotent by id.</summary>
    public Result<TimeEntry> AddUnplanned(Guid id, EntryTimes times, string? reason, LocalDate date, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(actor);
        if (_entries.FirstOrDefault(e => e.Id == id) is { } existing) return existing;
        if (!Editable) return new TransitionRefused(State, SheetAction.Edit);
        var fields = times.Validate();
        if (times.End > actor.At) fields["end"] = InTheFuture;
        if (date < Month || date > LastDay) fields["date"] = "Datoen må være i timelistens måned.";
        var why = (reason ?? "").Trim();
        if (why.Length < 3) fields["reason"] = "Skriv kort hvorfor det ble arbeidet utenom planen (for eksempel innkalt for syk kollega).";
        else if (why.Length > 300) fields["reason"] = "Årsaken kan ha høyst 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var entry = TimeEntry.Unplanned(id, Id, date, times.Normalised(), why, actor);
        _entries.Add(entry);
        Touch();
        return entry;
    }

    /// <summary>Removes an unplanned entry while the sheet is being filled in.</summary>
    public Result<TimeSheet> RemoveUnplanned(Guid entryId)
    {
        var found = Editing(entryId);
        if (!found.IsSuccess) return found.Error!;
        if (found.Value!.Source != EntrySource.Unplanned) return Invalid.Field("entry", "Planlagte vakter kan ikke slettes; merk dem som ikke arbeidet.");
        _entries.Remove(found.Value);
        Touch();
        return this;
    }

    private Result<TimeEntry> Editing(Guid entryId)
    {
        if (!Editable) return new TransitionRefused(State, SheetAction.Edit);
        var entry = _entries.FirstOrDefault(e => e.Id == entryId);
        return entry is null ? new NotFound("Fant ikke registreringen på denne timelisten.") : entry;
    }

    /// <summary>
    /// What must be in order before the sheet can go on: every planned shift confirmed or marked as not worked,
    /// no overlapping entries, no work on a day of registered absence (<see cref="AbsentDays"/>). Keys name the entry.
    /// </summary>
    public IReadOnlyList<Completeness> Incomplete()
    {
        var list = new List<Completeness>();
        foreach (var e in _entries.Where(e => e.Status == EntryStatus.Open))
            list.Add(new Completeness(e.Id, CompletenessKind.Unconfirmed));
        foreach (var e in Effective.Where(e => e.Status == EntryStatus.Worked && _absent.Contains(e.Date)))
            list.Add(new Completeness(e.Id, CompletenessKind.OnAbsence));
        Instant? latestEnd = null;
        foreach (var e in Effective.Where(e => e.Status == EntryStatus.Worked).OrderBy(e => e.Start))
        {
            if (e.Start < latestEnd) list.Add(new Completeness(e.Id, CompletenessKind.Overlap));
            if (latestEnd is null || e.End > latestEnd) latestEnd = e.End;
        }
        return list;
    }

    /// <summary>Sends the sheet to the work leader; refused while something is incomplete (the list says what).</summary>
    public Result<TimeSheet> Submit(SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Editable) return new TransitionRefused(State, SheetAction.Submit);
        var missing = Incomplete();
        if (missing.Count > 0) return Invalid.Field("entries", Completeness.Describe(missing));
        RejectionComment = null;
        return Move(SheetState.Submitted, actor, null);
    }

    /// <summary>The work leader's (or co-work leader's) approval.</summary>
    public Result<TimeSheet> Approve(SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != SheetState.Submitted) return new TransitionRefused(State, SheetAction.Approve);
        if (!SheetRoles.Leads(actor.Role)) return new Forbidden("Bare arbeidsleder eller medarbeidsleder kan godkjenne timelister.");
        var at = actor.At;
        foreach (var e in _entries.Where(e => e.Status == EntryStatus.Worked && e.ApprovedAt is null)) e.MarkApproved(at);
        return Move(SheetState.Approved, actor, null);
    }

    /// <summary>Sends the sheet back to the assistant with a comment (from Submitted, or from Approved before it is attested).</summary>
    public Result<TimeSheet> Reject(string? comment, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State is not (SheetState.Submitted or SheetState.Approved)) return new TransitionRefused(State, SheetAction.Reject);
        var text = (comment ?? "").Trim();
        if (text.Length < 3) return Invalid.Field("comment", "Skriv en kommentar til assistenten om hva som må rettes.");
        if (text.Length > 500) return Invalid.Field("comment", "Kommentaren kan ha høyst 500 tegn.");
        foreach (var e in _entries) e.ClearApproval();
        RejectionComment = text;
        return Move(SheetState.Rejected, actor, text);
    }

    /// <summary>The employer's attestation; refused while a correction waits for approval.</summary>
    public Result<TimeSheet> Attest(SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != SheetState.Approved) return new TransitionRefused(State, SheetAction.Attest);
        if (actor.Role != SheetRole.Employer) return new Forbidden("Bare arbeidsgiver kan attestere timelister.");
        if (PendingCorrections.Any()) return Invalid.Field("entries", "En rettelse venter på godkjenning av arbeidsleder.");
        return Move(SheetState.Attested, actor, null);
    }

    /// <summary>Marks the sheet as taken to payroll by an export.</summary>
    public Result<TimeSheet> MarkExported(Guid exportId, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (State != SheetState.Attested) return new TransitionRefused(State, SheetAction.Export);
        ExportId = exportId;
        return Move(SheetState.Exported, actor, null);
    }

    /// <summary>
    /// Corrects an approved entry: the original stays as it was, and a correction entry replaces it once the work
    /// leader approves the correction. Allowed while the sheet is approved or attested; after export, corrections go on
    /// the next month's sheet.
    /// </summary>
    public Result<TimeEntry> Correct(Guid id, Guid entryId, EntryTimes times, string? reason, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(actor);
        if (_entries.FirstOrDefault(e => e.Id == id) is { } existing) return existing;
        if (State is not (SheetState.Approved or SheetState.Attested)) return new TransitionRefused(State, SheetAction.Correct);
        var original = _entries.FirstOrDefault(e => e.Id == entryId && e.Counts);
        if (original is null) return new NotFound("Fant ikke registreringen som skal rettes.");
        if (PendingCorrections.Any(c => c.CorrectsId == entryId)) return Invalid.Field("entry", "Denne registreringen har allerede en rettelse som venter på godkjenning.");
        var fields = times.Validate();
        if (times.End > actor.At) fields["end"] = InTheFuture;
        var why = (reason ?? "").Trim();
        if (why.Length < 3) fields["reason"] = "Skriv kort hva som rettes og hvorfor.";
        else if (why.Length > 300) fields["reason"] = "Årsaken kan ha høyst 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var correction = TimeEntry.CorrectionOf(id, original, times.Normalised(), why, actor);
        _entries.Add(correction);
        Touch();
        return correction;
    }

    /// <summary>The work leader approves a correction: it replaces the original. An attested sheet goes back to approved, to be attested again.</summary>
    public Result<TimeEntry> ApproveCorrection(Guid correctionId, SheetActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!SheetRoles.Leads(actor.Role)) return new Forbidden("Bare arbeidsleder eller medarbeidsleder kan godkjenne rettelser.");
        if (State is not (SheetState.Approved or SheetState.Attested)) return new TransitionRefused(State, SheetAction.Correct);
        var correction = PendingCorrections.FirstOrDefault(c => c.Id == correctionId);
        if (correction is null) return new NotFound("Fant ikke rettelsen.");
        var original = _entries.Single(e => e.Id == correction.CorrectsId);
        original.Supersede(correction.Id);
        correction.ApproveCorrection(actor.At, actor.By);
        if (State == SheetState.Attested) Move(SheetState.Approved, actor, "Rettelse godkjent");
        else Touch();
        return correction;
    }

    private TimeSheet Move(SheetState to, SheetActor actor, string? comment)
    {
        _transitions.Add(new SheetTransition(Guid.CreateVersion7(actor.At.ToDateTimeOffset()), Id, State, to, actor, comment));
        State = to;
        Touch();
        return this;
    }

    private void Touch() => Revision++;

    /// <summary>The latest transition into a state (for the signature lines).</summary>
    public SheetTransition? LastInto(SheetState state) => _transitions.Where(t => t.To == state).MaxBy(t => t.At);
}

/// <summary>One recorded step: from, to, who (with the role they acted in), when, and the comment of a rejection.</summary>
public sealed class SheetTransition : Entity
{
    private SheetTransition(Guid id) : base(id) { }

    internal SheetTransition(Guid id, Guid sheetId, SheetState from, SheetState to, SheetActor actor, string? comment) : base(id)
    {
        SheetId = sheetId;
        From = from;
        To = to;
        At = actor.At;
        By = actor.By;
        Name = actor.Name;
        Role = actor.Role;
        Comment = comment;
    }

    public Guid SheetId { get; private set; }
    public SheetState From { get; private set; }
    public SheetState To { get; private set; }
    public Instant At { get; private set; }
    public string By { get; private set; } = "";
    public string Name { get; private set; } = "";
    public SheetRole Role { get; private set; }
    public string? Comment { get; private set; }
}

/// <summary>What keeps a sheet from going on.</summary>
public enum CompletenessKind
{
    Unconfirmed = 1,
    Overlap = 2,

    /// <summary>Worked time on a day the assistant is registered as fully absent.</summary>
    OnAbsence = 3,
}

/// <summary>One completeness finding on one entry.</summary>
public sealed record Completeness(Guid EntryId, CompletenessKind Kind)
{
    public static string Describe(IReadOnlyList<Completeness> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var open = list.Count(c => c.Kind == CompletenessKind.Unconfirmed);
        var overlap = list.Count(c => c.Kind == CompletenessKind.Overlap);
        var parts = new List<string>();
        if (open > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{open} planlagte vakter er verken bekreftet eller merket som ikke arbeidet."));
        if (overlap > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{overlap} registreringer overlapper en annen."));
        var absent = list.Count(c => c.Kind == CompletenessKind.OnAbsence);
        if (absent > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{absent} registreringer er på dager med registrert fravær."));
        return string.Join(" ", parts);
    }
}
