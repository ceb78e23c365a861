using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Arrangements;

/// <summary>
/// A period in which the arrangement's deputy acts as work leader (the handbook: the deputy is there to step in when the
/// work leader is away, ill or on holiday). Set by the work leader, the co-work leader or the provider, with who and when;
/// in the period the deputy plans and approves hours as the work leader does, and only while they still hold the deputy
/// role. A period can be ended early; nothing is deleted, so it is clear afterwards who led on a given day.
/// </summary>
public sealed class ActingPeriod : Entity
{
    /// <summary>
    /// The longest period in days, counting both ends: longer is a new work leader rather than a stand-in; the work leader
    /// sets a new period if needed.
    /// </summary>
    public const int MaxDays = 366;

    private ActingPeriod(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }

    /// <summary>The deputy role the period belongs to.</summary>
    public Guid RoleId { get; private set; }
    public Guid UserId { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }

    /// <summary>Why the deputy steps in («Ferie», «Sykdom»): no health details.</summary>
    public string? Reason { get; private set; }
    public Guid SetByUserId { get; private set; }
    public Instant SetAt { get; private set; }
    public Guid? EndedByUserId { get; private set; }
    public Instant? EndedAt { get; private set; }

    public bool IsActiveOn(LocalDate date) => From <= date && date <= To;

    /// <summary>
    /// Sets a period for a deputy role of <paramref name="arrangement"/>: inside the role's own period and the
    /// arrangement's, at most <see cref="MaxDays"/> days, and not overlapping another period of the same deputy.
    /// </summary>
    public static Result<ActingPeriod> Set(Guid id, Arrangement arrangement, Guid roleId, LocalDate? from, LocalDate? to, string? reason,
        IEnumerable<ActingPeriod> existing, Guid setBy, Instant at)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(existing);
        var fields = new Dictionary<string, string>();
        var role = arrangement.Roles.SingleOrDefault(r => r.Id == roleId && r.Kind == ArrangementRoleKind.Deputy);
        if (role is null) fields["roleId"] = "Velg en stedfortreder i ordningen.";
        if (from is null) fields["from"] = "Fra-dato må fylles ut.";
        if (to is null) fields["to"] = "Til-dato må fylles ut: en stedfortreder fungerer som arbeidsleder i en bestemt periode.";
        else if (from is { } f && to < f) fields["to"] = "Til-datoen kan ikke være før fra-datoen.";
        else if (from is { } start && Period.Between(start, to.Value, PeriodUnits.Days).Days >= MaxDays) fields["to"] = "Velg en periode på høyst ett år.";
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is { Length: > 200 }) fields["reason"] = "Grunnen kan ikke være lengre enn 200 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var (first, last) = (from!.Value, to!.Value);
        if (first < role!.From || (role.To is { } roleEnd && last > roleEnd))
            return Invalid.Field("from", "Perioden må ligge innenfor tiden personen er stedfortreder i ordningen.");
        if (first < arrangement.StartDate || (arrangement.EndDate is { } end && last > end))
            return Invalid.Field("from", "Perioden må ligge innenfor ordningens varighet.");
        if (existing.Any(p => p.RoleId == roleId && p.From <= last && first <= p.To))
            return Invalid.Field("from", "Stedfortrederen fungerer allerede som arbeidsleder i en del av denne perioden.");
        return new ActingPeriod(id)
        {
            ArrangementId = arrangement.Id, RoleId = roleId, UserId = role.UserId, From = first, To = last, Reason = text, SetByUserId = setBy, SetAt = at,
        };
    }

    /// <summary>Ends the period early on <paramref name="lastDay"/>; a period that had not begun ends before its first day (never in force).</summary>
    public Result<ActingPeriod> EndOn(LocalDate lastDay, Guid by, Instant at)
    {
        if (EndedAt is not null || lastDay >= To) return Invalid.Field("lastDay", "Perioden er allerede slutt på denne datoen.");
        To = lastDay < From ? From.PlusDays(-1) : lastDay;
        EndedByUserId = by;
        EndedAt = at;
        return this;
    }

    /// <summary>Whether the period ever was (or will be) in force: an early end before its first day cancels it.</summary>
    public bool IsCancelled => To < From;
}
