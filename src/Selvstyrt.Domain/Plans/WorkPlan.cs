using System.Globalization;
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

/// <summary>Who changes a plan, and when (the change log of a published plan records both).</summary>
public sealed record PlanActor(Instant At, string By, LocalDate Today);

/// <summary>Where and what a shift is in the rotation, with the parts a template gives it.</summary>
public sealed record ShiftPlacement(int Week, IsoDayOfWeek Day, LocalTime Start, int LengthMinutes, Guid? AssistantId, PlanShiftKind Kind)
{
    public IReadOnlyList<ShiftPart> Passive { get; init; } = [];
    public int PaidPauseMinutes { get; init; }
    public Guid? TemplateId { get; init; }
}

/// <summary>
/// A rotating work plan (turnus) for one arrangement: <see cref="RotationWeeks"/> weeks of shifts that
/// repeat from <see cref="StartsOn"/> (a Monday) until <see cref="EndsOn"/>. Shifts are stored as the
/// rotation (week, weekday, local start, nominal length), and rolled out to real instants in Norway's time
/// zone on demand, so a 22-08 night is 9 h in spring and 11 h in autumn, as worked. Single dates can differ
/// from the rotation (<see cref="Deviations"/>) without breaking it. Every edit moves <see cref="Revision"/>,
/// which editors send back so that two people never overwrite each other; once published, every edit is also
/// recorded in <see cref="Changes"/> with who and when.
/// </summary>
public sealed class WorkPlan : AuditedAggregate
{
    private readonly List<PlanShift> _shifts = [];
    private readonly List<PlanDeviation> _deviations = [];
    private readonly List<PlanChange> _changes = [];
    private readonly List<FindingOverride> _overrides = [];
    private readonly List<CoverageNeed> _coverage = [];
    private readonly List<PlanMark> _marks = [];

    private WorkPlan(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public string Name { get; private set; } = "";
    public int RotationWeeks { get; private set; }
    public LocalDate StartsOn { get; private set; }
    public LocalDate? EndsOn { get; private set; }
    public PlanStatus Status { get; private set; }
    public Instant? PublishedAt { get; private set; }

    /// <summary>Moves on every edit; an editor that read another revision gets a conflict instead of overwriting.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>How many times the plan has been published (0 for a draft never published).</summary>
    public int PublishedVersion { get; private set; }

    /// <summary>AML-10-3-1: when the plan was discussed with union representatives or the assistants.</summary>
    public LocalDate? DiscussedOn { get; private set; }
    public string? PublishedBy { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<PlanShift> Shifts => _shifts;
    public IReadOnlyList<PlanDeviation> Deviations => _deviations;
    public IReadOnlyList<PlanChange> Changes => _changes;
    public IReadOnlyList<FindingOverride> Overrides => _overrides;
    public IReadOnlyList<CoverageNeed> Coverage => _coverage;
    public IReadOnlyList<PlanMark> Marks => _marks;

    public static Result<WorkPlan> Create(Guid id, Guid arrangementId, string name, int rotationWeeks, LocalDate startsOn, LocalDate? endsOn, string? idempotencyKey = null)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Planen må ha et navn.";
        else if (name.Trim().Length > 200) fields["name"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (rotationWeeks is < 1 or > 12) fields["rotationWeeks"] = "En turnus er fra 1 til 12 uker.";
        if (startsOn.DayOfWeek != IsoDayOfWeek.Monday) fields["startsOn"] = "Turnusen må begynne på en mandag.";
        if (endsOn is { } end && end < startsOn) fields["endsOn"] = "Planen kan ikke slutte før den begynner.";
        if (fields.Count > 0) return new Invalid(fields);
        return new WorkPlan(id)
        {
            ArrangementId = arrangementId, Name = name.Trim(), RotationWeeks = rotationWeeks, StartsOn = startsOn, EndsOn = endsOn,
            Status = PlanStatus.Draft, IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>A conflict when the editor read another revision than the one stored.</summary>
    public Result<WorkPlan> Expect(int? revision)
        => revision is null || revision == Revision
            ? this
            : new Conflict($"Planen er endret av noen andre etter at du åpnet den (du hadde versjon {revision}, nå er den {Revision}). Endringen din er ikke lagret: se over planen slik den er nå, og lagre på nytt.") { StaleRevision = true };

    /// <summary>Adds a shift to the rotation before the plan is in use (the demo seed; no change is logged).</summary>
    public Result<PlanShift> AddShift(Guid id, int week, IsoDayOfWeek day, LocalTime start, int lengthMinutes, Guid? assistantId, PlanShiftKind kind)
        => Place(id, new ShiftPlacement(week, day, start, lengthMinutes, assistantId, kind));

    /// <summary>Adds a shift to the rotation: week 1..<see cref="RotationWeeks"/>, local start, nominal length (up to 48 h).</summary>
    public Result<PlanShift> AddShift(Guid id, ShiftPlacement placement, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var placed = Place(id, placement);
        if (!placed.IsSuccess) return placed;
        Touch(actor, PlanChangeKind.Added, $"Ny vakt: {Describe(placed.Value!)}", placed.Value!.AssistantId, null);
        return placed;
    }

    /// <summary>Moves, resizes or reassigns a shift (the placement replaces all its values).</summary>
    public Result<PlanShift> ChangeShift(Guid id, ShiftPlacement placement, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(actor);
        if (Find(id) is not { } shift) return new NotFound("Fant ikke vakten. Den kan være slettet av noen andre.");
        var fields = Validate(placement);
        if (fields.Count > 0) return new Invalid(fields);
        var before = Describe(shift);
        var oldAssistant = shift.AssistantId;
        shift.Set(placement);
        Touch(actor, PlanChangeKind.Changed, $"Endret vakt: {before} er nå {Describe(shift)}", shift.AssistantId, oldAssistant == shift.AssistantId ? null : oldAssistant);
        return shift;
    }

    /// <summary>
    /// Gives the shifts placed from a template the template's paid pause (AML-10-9-1), where it is shorter than the shift;
    /// logged once. A paid pause is working time, so the hours stay as they were. Returns the shifts changed.
    /// </summary>
    public int ApplyTemplatePause(Guid templateId, string templateName, int pauseMinutes, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var changed = 0;
        foreach (var shift in _shifts.Where(s => s.TemplateId == templateId && s.PaidPauseMinutes != pauseMinutes && pauseMinutes < s.LengthMinutes))
        {
            shift.Set(shift.Placement with { PaidPauseMinutes = pauseMinutes });
            changed++;
        }
        if (changed > 0)
            Touch(actor, PlanChangeKind.Changed, $"Pausen i vakttypen «{templateName}» er nå {pauseMinutes} minutter betalt pause i {changed} vakter", null, null);
        return changed;
    }

    /// <summary>Copies a shift to another week, day and (optionally) assistant.</summary>
    public Result<PlanShift> CopyShift(Guid id, Guid newId, int week, IsoDayOfWeek day, Guid? assistantId, PlanActor actor)
    {
        if (Find(id) is not { } shift) return new NotFound("Fant ikke vakten. Den kan være slettet av noen andre.");
        return AddShift(newId, shift.Placement with { Week = week, Day = day, AssistantId = assistantId }, actor);
    }

    /// <summary>Swaps the assistants of two shifts (a common trade: you take my Saturday, I take your Tuesday).</summary>
    public Result<WorkPlan> SwapAssistants(Guid first, Guid second, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Find(first) is not { } a || Find(second) is not { } b || first == second)
            return Invalid.Field("swapWith", "Velg en annen vakt å bytte med.");
        if (a.AssistantId == b.AssistantId) return Invalid.Field("swapWith", "Begge vaktene har samme assistent; velg en vakt med en annen assistent.");
        var (x, y) = (a.AssistantId, b.AssistantId);
        a.Set(a.Placement with { AssistantId = y });
        b.Set(b.Placement with { AssistantId = x });
        Touch(actor, PlanChangeKind.Swapped, $"Byttet vakter: {Describe(a)} og {Describe(b)}", x, y);
        return this;
    }

    /// <summary>Removes a shift and the exceptions that point at it.</summary>
    public Result<WorkPlan> RemoveShift(Guid id, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Find(id) is not { } shift) return new NotFound("Fant ikke vakten. Den kan være slettet av noen andre.");
        _shifts.Remove(shift);
        _deviations.RemoveAll(e => e.ShiftId == id);
        Touch(actor, PlanChangeKind.Removed, $"Slettet vakt: {Describe(shift)}", shift.AssistantId, null);
        return this;
    }

    /// <summary>Copies every shift of one rotation week into an empty one (a week with shifts is never overwritten).</summary>
    public Result<int> CopyWeek(int from, int to, Func<Guid> newId, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(actor);
        if (from < 1 || from > RotationWeeks) return Invalid.Field("fromWeek", $"Uke må være fra 1 til {RotationWeeks}.");
        if (to < 1 || to > RotationWeeks || to == from) return Invalid.Field("toWeek", $"Velg en annen uke fra 1 til {RotationWeeks}.");
        if (_shifts.Any(s => s.Week == to)) return Invalid.Field("toWeek", $"Uke {to} har vakter fra før. Slett dem først, eller velg en tom uke.");
        var source = _shifts.Where(s => s.Week == from).ToList();
        foreach (var s in source) _shifts.Add(new PlanShift(newId(), Id, s.Placement with { Week = to }));
        Touch(actor, PlanChangeKind.Added, $"Kopierte {source.Count} vakter fra uke {from} til uke {to}", null, null);
        return source.Count;
    }

    /// <summary>A single date that differs from the rotation: a shift not worked, worked by someone else, or an extra shift.</summary>
    public Result<PlanDeviation> AddDeviation(Guid id, PlanDeviationSpec spec, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(actor);
        var fields = new Dictionary<string, string>();
        if (spec.Date < StartsOn || (EndsOn is { } end && spec.Date > end)) fields["date"] = "Datoen er utenfor planens periode.";
        PlanShift? shift = null;
        if (spec.Kind is PlanDeviationKind.Cancelled or PlanDeviationKind.Reassigned or PlanDeviationKind.Vacant)
        {
            shift = spec.ShiftId is { } sid ? Find(sid) : null;
            if (shift is null) fields["shift"] = "Velg vakten unntaket gjelder.";
            else if (!fields.ContainsKey("date") && (RotationWeekOf(spec.Date) != shift.Week || spec.Date.DayOfWeek != shift.Day))
                fields["shift"] = "Vakten går ikke denne datoen.";
            else if (_deviations.Any(e => e.ShiftId == shift.Id && e.Date == spec.Date)) fields["shift"] = "Vakten har allerede et unntak denne datoen.";
            if (spec.Kind == PlanDeviationKind.Reassigned && spec.AssistantId is null) fields["assistant"] = "Velg hvem som tar vakten.";
        }
        else if (spec.Kind == PlanDeviationKind.Extra)
        {
            if (spec.Start is null) fields["start"] = "Fyll ut når vakten begynner.";
            foreach (var (k, v) in ShiftShape.Validate(spec.LengthMinutes ?? 0, spec.ShiftKind ?? PlanShiftKind.Day, [], 0)) fields[k] = v;
        }
        else fields["kind"] = "Velg hva slags unntak.";
        if (spec.Note is { Length: > 300 }) fields["note"] = "Merknaden kan ikke være lengre enn 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var deviation = new PlanDeviation(id, Id, spec);
        _deviations.Add(deviation);
        var what = spec.Kind switch
        {
            PlanDeviationKind.Cancelled => $"{Describe(shift!)} går ikke {Dates.Format(spec.Date)}",
            PlanDeviationKind.Vacant => $"{Describe(shift!)} er ledig {Dates.Format(spec.Date)}",
            PlanDeviationKind.Reassigned => $"{Describe(shift!)} tas av en annen {Dates.Format(spec.Date)}",
            _ => $"ekstra vakt {Dates.Format(spec.Date)} {Clock(spec.Start!.Value.Hour * 60 + spec.Start.Value.Minute, spec.LengthMinutes!.Value)}",
        };
        Touch(actor, PlanChangeKind.Deviation, $"Unntak: {what}", spec.Kind is PlanDeviationKind.Cancelled or PlanDeviationKind.Vacant ? shift!.AssistantId : spec.AssistantId,
            spec.Kind == PlanDeviationKind.Reassigned ? shift!.AssistantId : null);
        return deviation;
    }

    /// <summary>
    /// An assistant is away from <paramref name="from"/> to <paramref name="to"/> (inclusive dates): every shift of theirs
    /// that starts in those days becomes vacant (a gap to fill), whether it is the rotation's, one reassigned to them or an
    /// extra one. Returns the shifts vacated, for the notice to those who lead. Recorded in the change log once published.
    /// </summary>
    public IReadOnlyList<PlannedShift> Vacate(Guid assistantId, LocalDate from, LocalDate to, DateTimeZone zone, string why, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(actor);
        var theirs = ShiftsOf(assistantId, from, to, zone);
        foreach (var shift in theirs)
        {
            if (shift.DeviationId is { } deviationId) _deviations.Single(d => d.Id == deviationId).Vacate(why);
            else _deviations.Add(new PlanDeviation(Guid.CreateVersion7(), Id, new PlanDeviationSpec(shift.Date, PlanDeviationKind.Vacant, shift.TemplateId, null, null, null, null, why)));
        }
        if (theirs.Count > 0)
            Touch(actor, PlanChangeKind.Deviation, $"Ledig: {theirs.Count} vakter {Dates.Format(from)}–{Dates.Format(to)} ({why})", assistantId, null);
        return theirs;
    }

    /// <summary>One shift as it runs on a date (a rotation shift by its id, or an extra shift by its exception's id), exceptions applied; null when it does not run then.</summary>
    public PlannedShift? ShiftAt(Guid shiftId, LocalDate date, DateTimeZone zone)
        => RollOut(date, date, zone).FirstOrDefault(s => s.TemplateId == shiftId && s.Date == date);

    /// <summary>The assistant's shifts that start from <paramref name="from"/> to <paramref name="to"/> (inclusive dates), exceptions applied.</summary>
    public IReadOnlyList<PlannedShift> ShiftsOf(Guid assistantId, LocalDate from, LocalDate to, DateTimeZone zone)
        => [.. RollOut(from, to, zone).Where(s => s.AssistantId == assistantId && s.Date >= from && s.Date <= to)];

    /// <summary>
    /// The assistant is back sooner (or the absence is cancelled): the rotation's shifts of theirs that were made vacant from
    /// <paramref name="from"/> to <paramref name="to"/> and are still unfilled are theirs again. A shift a substitute took stays
    /// the substitute's. Returns the vacancies that went away (an open offer of one of them has nothing left to offer).
    /// </summary>
    public IReadOnlyList<Guid> Restore(Guid assistantId, LocalDate from, LocalDate to, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var back = _deviations.Where(d => d.Kind == PlanDeviationKind.Vacant && d.AssistantId is null && d.Date >= from && d.Date <= to
            && d.ShiftId is { } shiftId && Find(shiftId)?.AssistantId == assistantId).ToList();
        foreach (var d in back) _deviations.Remove(d);
        if (back.Count > 0) Touch(actor, PlanChangeKind.Deviation, $"Tilbake: {back.Count} ledige vakter {Dates.Format(from)}–{Dates.Format(to)} er assistentens igjen", assistantId, null);
        return [.. back.Select(d => d.Id)];
    }

    /// <summary>
    /// Hands one shift (a rotation shift or an extra one, by its id and date) from the assistant who has it to another, as an
    /// exception on that date (a swap or a shift given away). Refused when the shift is not that assistant's that day.
    /// </summary>
    public Result<PlannedShift> Hand(Guid shiftId, LocalDate date, Guid from, Guid to, DateTimeZone zone, string note, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(actor);
        var shift = ShiftAt(shiftId, date, zone);
        if (shift is null) return new NotFound("Fant ikke vakten.");
        if (shift.AssistantId != from) return new Conflict("Vakten er ikke den samme assistentens lenger.");
        if (shift.DeviationId is { } deviationId) _deviations.Single(d => d.Id == deviationId).Fill(to, note);
        else _deviations.Add(new PlanDeviation(Guid.CreateVersion7(), Id, new PlanDeviationSpec(date, PlanDeviationKind.Reassigned, shiftId, to, null, null, null, note)));
        Touch(actor, PlanChangeKind.Deviation, $"{note}: vakt {Dates.Format(date)} {shift.Start.InZone(zone):HH:mm}–{shift.End.InZone(zone):HH:mm} byttet assistent", to, from);
        return shift with { AssistantId = to };
    }

    /// <summary>Gives a vacant shift (or an extra shift nobody has) to an assistant on its date: the gap is filled.</summary>
    public Result<PlanDeviation> FillVacancy(Guid deviationId, Guid assistantId, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var deviation = _deviations.FirstOrDefault(d => d.Id == deviationId);
        if (deviation is null) return new NotFound("Fant ikke den ledige vakten.");
        if (deviation.Kind is not (PlanDeviationKind.Vacant or PlanDeviationKind.Extra) || deviation.AssistantId is not null)
            return Invalid.Field("deviationId", "Vakten er ikke ledig.");
        if (deviation.Kind == PlanDeviationKind.Vacant && deviation.ShiftId is { } shiftId && Find(shiftId)?.AssistantId == assistantId)
            return Invalid.Field("assistantId", "Dette er assistenten som er borte. Velg en annen.");
        deviation.Fill(assistantId, "vikar");
        Touch(actor, PlanChangeKind.Deviation, $"Ledig vakt {Dates.Format(deviation.Date)} er tatt av en vikar", assistantId, null);
        return deviation;
    }

    public Result<WorkPlan> RemoveDeviation(Guid id, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var exception = _deviations.FirstOrDefault(e => e.Id == id);
        if (exception is null) return new NotFound("Fant ikke unntaket.");
        _deviations.Remove(exception);
        Touch(actor, PlanChangeKind.Deviation, $"Fjernet unntak {Dates.Format(exception.Date)}", exception.AssistantId, null);
        return this;
    }

    /// <summary>
    /// Records that a provider role accepts a <c>breach</c> with a reason (the editor never blocks by itself; a breach
    /// without an override keeps the plan from being published). The key names the finding (rule and shifts).
    /// </summary>
    public Result<FindingOverride> Override(Guid id, string rule, string key, string? reason, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10) return Invalid.Field("reason", "Skriv en begrunnelse på minst 10 tegn.");
        if (reason.Trim().Length > 500) return Invalid.Field("reason", "Begrunnelsen kan ikke være lengre enn 500 tegn.");
        if (_overrides.FirstOrDefault(o => o.Key == key) is { } existing) return existing;
        var o = new FindingOverride(id, Id, rule, key, reason.Trim(), actor.By, actor.At);
        _overrides.Add(o);
        Touch(actor, PlanChangeKind.Override, $"Brudd på {rule} godtatt: {o.Reason}", null, null);
        return o;
    }

    /// <summary>Replaces what the arrangement needs covered (per weekday and time of day, with how many at once).</summary>
    public Result<WorkPlan> SetCoverage(IReadOnlyList<CoverageSpec> needs, Func<Guid> newId, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(actor);
        for (var i = 0; i < needs.Count; i++)
        {
            var n = needs[i];
            if (n.Days == 0) return Invalid.Field("days", "Velg minst én ukedag.");
            if (n.LengthMinutes is < 15 or > 24 * 60) return Invalid.Field("length", "Et behov varer fra 15 minutter til 24 timer.");
            if (n.Assistants is < 1 or > 2) return Invalid.Field("assistants", "Antall assistenter samtidig er 1 eller 2.");
        }
        _coverage.Clear();
        foreach (var n in needs) _coverage.Add(new CoverageNeed(newId(), Id, n));
        Touch(actor, PlanChangeKind.Coverage, "Endret dekningsbehov", null, null);
        return this;
    }

    /// <summary>A named period in the year view, for example the school's winter holiday (the user enters them).</summary>
    public Result<PlanMark> AddMark(Guid id, string? name, LocalDate from, LocalDate to, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return Invalid.Field("name", "Gi perioden et navn (høyst 100 tegn).");
        if (to < from) return Invalid.Field("to", "Perioden kan ikke slutte før den begynner.");
        var mark = new PlanMark(id, Id, name.Trim(), from, to);
        _marks.Add(mark);
        Touch(actor, PlanChangeKind.Mark, $"La til perioden «{mark.Name}»", null, null);
        return mark;
    }

    /// <summary>
    /// Publishes the plan from <paramref name="startsOn"/> (a Monday: the rotation's week 1). AML-10-3-1 wants the
    /// plan discussed at least 14 days before; the engine judges that, and an unresolved breach (the count the caller
    /// passes) keeps the plan from being published.
    /// </summary>
    public Result<WorkPlan> Publish(LocalDate startsOn, LocalDate? discussedOn, int unresolvedBreaches, PlanActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var fields = new Dictionary<string, string>();
        if (startsOn.DayOfWeek != IsoDayOfWeek.Monday) fields["startsOn"] = "Planen må gjelde fra en mandag.";
        else if (startsOn < actor.Today && Status == PlanStatus.Draft) fields["startsOn"] = "En ny plan kan ikke gjelde fra en dato som har vært.";
        if (EndsOn is { } end && end < startsOn) fields["startsOn"] = "Planen kan ikke gjelde fra en dato etter at den slutter.";
        if (discussedOn is null) fields["discussedOn"] = "Fyll ut når planen ble drøftet med tillitsvalgte eller assistentene (arbeidsmiljøloven § 10-3).";
        else if (discussedOn > actor.Today) fields["discussedOn"] = "Drøftingen kan ikke være i fremtiden.";
        if (_shifts.Count == 0) fields["plan"] = "Planen har ingen vakter.";
        if (fields.Count == 0 && unresolvedBreaches > 0)
            fields["plan"] = unresolvedBreaches == 1
                ? "Planen har et brudd som må rettes, eller godtas med begrunnelse av koordinator eller administrator, før den kan publiseres."
                : $"Planen har {unresolvedBreaches} brudd som må rettes, eller godtas med begrunnelse av koordinator eller administrator, før den kan publiseres.";
        if (fields.Count > 0) return new Invalid(fields);
        StartsOn = startsOn;
        DiscussedOn = discussedOn;
        Status = PlanStatus.Published;
        PublishedAt = actor.At;
        PublishedBy = actor.By;
        PublishedVersion++;
        Revision++;
        _changes.Add(new PlanChange(Guid.CreateVersion7(), Id, PublishedVersion, actor.At, actor.By, PlanChangeKind.Published,
            $"Publisert fra {Dates.Format(startsOn)} (versjon {PublishedVersion})", null, null));
        return this;
    }

    /// <summary>Ends the plan the day before another plan takes over.</summary>
    public void EndBefore(LocalDate next)
    {
        EndsOn = next.PlusDays(-1);
        Revision++;
    }

    /// <summary>The demo seed's publication (no change log), discussed on <paramref name="discussedOn"/> (AML-10-3-1).</summary>
    public void Publish(Instant at, LocalDate? discussedOn = null)
    {
        DiscussedOn = discussedOn;
        Status = PlanStatus.Published;
        PublishedAt = at;
        PublishedVersion = Math.Max(1, PublishedVersion);
    }

    /// <summary>The rotation's week (1-based) of a date on or after <see cref="StartsOn"/>.</summary>
    public int RotationWeekOf(LocalDate date) => (int)(((Period.Between(StartsOn, date, PeriodUnits.Days).Days / 7 % RotationWeeks) + RotationWeeks) % RotationWeeks) + 1;

    /// <summary>
    /// The shifts that overlap [<paramref name="from"/>, <paramref name="to"/>] (local dates, inclusive), as
    /// instants: shifts that start the day before and run into the range are included. Deviations replace or
    /// cancel the rotation's shift on their date, and extra shifts are added.
    /// </summary>
    public IEnumerable<PlannedShift> RollOut(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var first = LocalDate.Max(StartsOn, from.PlusDays(-(ShiftTemplate.MaxLengthMinutes / (24 * 60)) - 1));
        var last = EndsOn is { } end ? LocalDate.Min(end, to) : to;
        var rangeStart = zone.AtStartOfDay(from).ToInstant();
        var rangeEnd = zone.AtStartOfDay(to.PlusDays(1)).ToInstant();
        var byDay = _shifts.ToLookup(s => (s.Week, s.Day));
        var exceptions = _deviations.ToLookup(e => e.Date);
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var week = RotationWeekOf(date);
            var today = exceptions[date];
            foreach (var s in byDay[(week, date.DayOfWeek)])
            {
                var exception = today.FirstOrDefault(e => e.ShiftId == s.Id);
                if (exception?.Kind == PlanDeviationKind.Cancelled) continue;
                var shift = Instants(date, s.StartMinute, s.LengthMinutes, zone);
                if (shift.End <= rangeStart || shift.Start >= rangeEnd) continue;
                var assistant = exception?.Kind == PlanDeviationKind.Vacant ? null : exception?.AssistantId ?? s.AssistantId;
                yield return new PlannedShift(s.Id, date, shift.Start, shift.End, assistant, s.Kind)
                {
                    Passive = s.Passive, PaidPauseMinutes = s.PaidPauseMinutes, DeviationId = exception?.Id,
                };
            }
            foreach (var extra in today.Where(e => e.Kind == PlanDeviationKind.Extra))
            {
                var shift = Instants(date, extra.StartMinute!.Value, extra.LengthMinutes!.Value, zone);
                if (shift.End <= rangeStart || shift.Start >= rangeEnd) continue;
                yield return new PlannedShift(extra.Id, date, shift.Start, shift.End, extra.AssistantId, extra.ShiftKind ?? PlanShiftKind.Day) { DeviationId = extra.Id };
            }
        }
    }

    private static (Instant Start, Instant End) Instants(LocalDate date, int startMinute, int lengthMinutes, DateTimeZone zone)
    {
        var localStart = date.At(LocalTime.Midnight).PlusMinutes(startMinute);
        return (localStart.InZoneLeniently(zone).ToInstant(), localStart.PlusMinutes(lengthMinutes).InZoneLeniently(zone).ToInstant());
    }

    /// <summary>A shift in words, for the change log: «uke 2 tirsdag 07:00-15:00».</summary>
    public static string Describe(PlanShift shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return $"uke {shift.Week} {Dates.DayName(shift.Day)} {Clock(shift.StartMinute, shift.LengthMinutes)}";
    }

    /// <summary>«07:00» for a minute of the day.</summary>
    public static string ClockAt(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    /// <summary>«07:00-15:00».</summary>
    public static string Clock(int startMinute, int lengthMinutes)
    {
        var end = (startMinute + lengthMinutes) % (24 * 60);
        return string.Create(CultureInfo.InvariantCulture, $"{startMinute / 60:00}:{startMinute % 60:00}–{end / 60:00}:{end % 60:00}");
    }

    private PlanShift? Find(Guid id) => _shifts.FirstOrDefault(s => s.Id == id);

    private Result<PlanShift> Place(Guid id, ShiftPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var fields = Validate(placement);
        if (fields.Count > 0) return new Invalid(fields);
        var shift = new PlanShift(id, Id, placement);
        _shifts.Add(shift);
        return shift;
    }

    private Dictionary<string, string> Validate(ShiftPlacement p)
    {
        var fields = ShiftShape.Validate(p.LengthMinutes, p.Kind, p.Passive, p.PaidPauseMinutes);
        if (p.Week < 1 || p.Week > RotationWeeks) fields["week"] = $"Uke må være fra 1 til {RotationWeeks}.";
        if (p.Day == IsoDayOfWeek.None) fields["day"] = "Velg ukedag.";
        return fields;
    }

    private void Touch(PlanActor actor, PlanChangeKind kind, string description, Guid? assistant, Guid? otherAssistant)
    {
        Revision++;
        if (Status != PlanStatus.Published) return;
        _changes.Add(new PlanChange(Guid.CreateVersion7(), Id, PublishedVersion, actor.At, actor.By, kind, description, assistant, otherAssistant));
    }
}

/// <summary>Dates and weekdays in Norwegian for the plan's texts.</summary>
public static class Dates
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static string Format(LocalDate date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    public static string DayName(IsoDayOfWeek day) => Norwegian.DateTimeFormat.GetDayName((DayOfWeek)((int)day % 7));
}
