using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Domain.Absences;

/// <summary>
/// An assistant's registered absence at their employer: the kind, the calendar days (first full day to the last, the
/// expected return being the day after), and for a doctor's note its date and degree. Never a diagnosis or a reason text.
/// Reported by the assistant or the employer; cancelled rather than deleted, so the employer period stays traceable.
/// </summary>
public sealed class Absence : AuditedAggregate
{
    /// <summary>The longest single absence to register at once; a longer sick leave is extended with a new note.</summary>
    public const int MaxDays = 366;

    private readonly List<AbsenceShift> _shifts = [];

    private Absence(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid AssistantId { get; private set; }
    public AbsenceKind Kind { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }

    /// <summary>Per cent of full absence (a graded doctor's note); 100 otherwise.</summary>
    public int Degree { get; private set; } = 100;

    /// <summary>The doctor's note's date (sykmelding); null for self-certification.</summary>
    public LocalDate? CertificateDate { get; private set; }
    public Guid ReportedByUserId { get; private set; }
    public Instant ReportedAt { get; private set; }
    public Instant? CancelledAt { get; private set; }

    public AbsencePeriod Period => new(From, To, Kind, Degree);

    /// <summary>
    /// The shifts the assistant was planned to work on the days of absence, as they stood when it was reported: the basis of
    /// what the employer pays for those days (sick pay in the employer period, paid leave), whoever works the shifts instead.
    /// </summary>
    public IReadOnlyList<AbsenceShift> Shifts => _shifts;

    /// <summary>Records the planned shifts the absence takes from the assistant in an arrangement (a shift already recorded is not added twice).</summary>
    public void Took(Guid arrangementId, IEnumerable<PlannedShift> shifts)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        foreach (var s in shifts)
        {
            if (s.Date < From || s.Date > To || _shifts.Any(x => x.ArrangementId == arrangementId && x.Start == s.Start && x.End == s.End)) continue;
            _shifts.Add(new AbsenceShift(Guid.CreateVersion7(), Id, arrangementId, s));
        }
    }

    public static Result<Absence> Report(Guid id, Guid providerId, Guid assistantId, AbsenceKind? kind, LocalDate? from, LocalDate? to, int? degree,
        LocalDate? certificateDate, Guid by, Instant at, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        var info = kind is { } k ? LeaveKinds.Of(k) : null;
        if (info is null) fields["kind"] = "Velg hva slags fravær.";
        if (from is null) fields["from"] = "Første fraværsdag må fylles ut.";
        else if (from < today.PlusDays(-90) || from > today.PlusDays(info is { ByAssistant: false } ? 366 : 30))
            fields["from"] = info is { ByAssistant: false } ? "Første dag må være de siste 90 dagene eller innen ett år." : "Første fraværsdag må være de siste 90 dagene eller de neste 30.";
        if (to is null) fields["to"] = "Siste fraværsdag må fylles ut (dagen før du er tilbake).";
        else if (from is { } f && to < f) fields["to"] = "Siste fraværsdag kan ikke være før den første.";
        else if (from is { } first && NodaTime.Period.Between(first, to.Value, PeriodUnits.Days).Days >= MaxDays) fields["to"] = "Registrer høyst ett år om gangen.";
        var grade = degree ?? 100;
        if (kind == AbsenceKind.DoctorCertified)
        {
            if (grade is < 20 or > 100) fields["degree"] = "Sykmeldingsgraden må være fra 20 til 100 prosent.";
            if (certificateDate is null) fields["certificateDate"] = "Fyll ut datoen på sykmeldingen.";
            else if (certificateDate > today) fields["certificateDate"] = "Sykmeldingen kan ikke være datert fram i tid.";
        }
        else if (info is { Graded: true } && grade is < 1 or > 100) fields["degree"] = "Graden må være fra 1 til 100 prosent.";
        else if (info is { Graded: false } && grade != 100) fields["degree"] = $"{info.Name} gjelder hele dager (100 prosent).";
        if (fields.Count > 0) return new Invalid(fields);
        return new Absence(id)
        {
            ProviderId = providerId, AssistantId = assistantId, Kind = kind!.Value, From = from!.Value, To = to!.Value, Degree = grade,
            CertificateDate = kind == AbsenceKind.DoctorCertified ? certificateDate : null, ReportedByUserId = by, ReportedAt = at,
        };
    }

    /// <summary>A granted holiday as absence: whole days, registered by the one who granted it (the holiday plan's decision).</summary>
    public static Absence Holiday(Guid id, Guid providerId, Guid assistantId, LocalDate from, LocalDate to, Guid by, Instant at)
        => new(id) { ProviderId = providerId, AssistantId = assistantId, Kind = AbsenceKind.Holiday, From = from, To = to, ReportedByUserId = by, ReportedAt = at };

    public void Cancel(Instant at) => CancelledAt ??= at;

    /// <summary>Moves the last day (back sooner, or a longer absence); the first day stays.</summary>
    public Result<Absence> ChangeLastDay(LocalDate? to)
    {
        if (CancelledAt is not null) return Invalid.Field("to", "Fraværet er avlyst.");
        if (to is null) return Invalid.Field("to", "Siste fraværsdag må fylles ut (dagen før du er tilbake).");
        if (to < From) return Invalid.Field("to", "Siste fraværsdag kan ikke være før den første.");
        if (NodaTime.Period.Between(From, to.Value, PeriodUnits.Days).Days >= MaxDays) return Invalid.Field("to", "Registrer høyst ett år om gangen.");
        To = to.Value;
        _shifts.RemoveAll(x => x.Date > To);
        return this;
    }
}

/// <summary>A shift the assistant would have worked on a day of absence (as planned when the absence was reported).</summary>
public sealed class AbsenceShift : Entity
{
    private AbsenceShift(Guid id) : base(id) { }

    internal AbsenceShift(Guid id, Guid absenceId, Guid arrangementId, PlannedShift shift) : base(id)
    {
        AbsenceId = absenceId;
        ArrangementId = arrangementId;
        Date = shift.Date;
        Start = shift.Start;
        End = shift.End;
        var passive = shift.Passive.Count > 0 ? shift.Passive[0] : new ShiftPart(0, 0);
        PassiveOffsetMinutes = passive.OffsetMinutes;
        PassiveMinutes = passive.LengthMinutes;
        OnCall = shift.Kind == PlanShiftKind.OnCall;
    }

    public Guid AbsenceId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public LocalDate Date { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }
    public int PassiveOffsetMinutes { get; private set; }
    public int PassiveMinutes { get; private set; }
    public bool OnCall { get; private set; }
}
