using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Absences;

public enum HolidayState
{
    Wished = 1,
    Granted = 2,
    Refused = 3,
    Withdrawn = 4,

    /// <summary>Granted, then taken back before it began (by agreement, or for unforeseen events: ferieloven § 6).</summary>
    Revoked = 5,
}

/// <summary>
/// An assistant's holiday wish and the employer's decision on it: granted (perhaps at other dates, then registered as an
/// absence so the shifts in it become vacant), refused with a reason, or withdrawn by the assistant before the answer; a
/// granted holiday may be taken back with a reason before it begins.
/// </summary>
public sealed class HolidayRequest : AuditedAggregate
{
    /// <summary>The longest single wish; a longer holiday is wished in parts.</summary>
    public const int MaxDays = 60;
    public const int MaxReason = 500;

    private HolidayRequest(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid AssistantId { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }

    /// <summary>Wished as the main holiday (FER-7-1).</summary>
    public bool Main { get; private set; }
    public HolidayState State { get; private set; }
    public Instant WishedAt { get; private set; }
    public LocalDate? GrantedFrom { get; private set; }
    public LocalDate? GrantedTo { get; private set; }
    public Instant? DecidedAt { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? RefusalReason { get; private set; }

    /// <summary>The absence registered when granted: the vacant shifts and the pay basis come from it.</summary>
    public Guid? AbsenceId { get; private set; }

    public bool IsOpen => State == HolidayState.Wished;

    public static Result<HolidayRequest> Wish(Guid id, Guid providerId, Guid assistantId, LocalDate? from, LocalDate? to, bool main, Instant at, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (from is null) fields["from"] = "Første feriedag må fylles ut.";
        else if (from <= today) fields["from"] = "Ferieønsket må gjelde dager fram i tid.";
        else if (from.Value.Year > today.Year + 1) fields["from"] = "Ferieønsker gjelder i år eller neste år.";
        if (to is null) fields["to"] = "Siste feriedag må fylles ut.";
        else if (from is { } f && to < f) fields["to"] = "Siste feriedag kan ikke være før den første.";
        else if (from is { } first && Period.Between(first, to.Value, PeriodUnits.Days).Days >= MaxDays) fields["to"] = $"Ønsk høyst {MaxDays} dager om gangen; del en lengre ferie opp.";
        else if (from is { } start && to.Value.Year != start.Year) fields["to"] = "Et ferieønske kan ikke gå over nyttår; del det i to.";
        else if (from is { } s && HolidayDays.Count(s, to.Value) == 0) fields["to"] = "Perioden har ingen feriedager (bare søndager og helligdager).";
        if (fields.Count > 0) return new Invalid(fields);
        return new HolidayRequest(id) { ProviderId = providerId, AssistantId = assistantId, From = from!.Value, To = to!.Value, Main = main, State = HolidayState.Wished, WishedAt = at };
    }

    /// <summary>Grants the wish, at the wished dates or others within the same year.</summary>
    public Result<HolidayRequest> Grant(LocalDate? from, LocalDate? to, Guid absenceId, Instant at, string byName)
    {
        if (State != HolidayState.Wished) return Invalid.Field("state", "Ønsket er allerede besvart eller trukket.");
        var first = from ?? From;
        var last = to ?? To;
        if (last < first) return Invalid.Field("to", "Siste feriedag kan ikke være før den første.");
        if (last.Year != From.Year || first.Year != From.Year) return Invalid.Field("from", $"Ferien må ligge i {From.Year}, som ønsket.");
        if (Period.Between(first, last, PeriodUnits.Days).Days >= MaxDays) return Invalid.Field("to", $"Innvilg høyst {MaxDays} dager om gangen.");
        if (HolidayDays.Count(first, last) == 0) return Invalid.Field("to", "Perioden har ingen feriedager (bare søndager og helligdager).");
        State = HolidayState.Granted;
        GrantedFrom = first;
        GrantedTo = last;
        AbsenceId = absenceId;
        DecidedAt = at;
        DecidedByName = byName;
        return this;
    }

    public Result<HolidayRequest> Refuse(string? reason, Instant at, string byName)
    {
        if (State != HolidayState.Wished) return Invalid.Field("state", "Ønsket er allerede besvart eller trukket.");
        if (Reason(reason, "Skriv hvorfor ønsket ikke kan innvilges.") is { } problem) return problem;
        Decide(HolidayState.Refused, reason!.Trim(), at, byName);
        return this;
    }

    /// <summary>Takes a granted holiday back before its first day, with the reason (the assistant's agreement, or the unforeseen event).</summary>
    public Result<HolidayRequest> Revoke(string? reason, LocalDate today, Instant at, string byName)
    {
        if (State != HolidayState.Granted) return Invalid.Field("state", "Bare innvilget ferie kan trekkes tilbake.");
        if (GrantedFrom <= today) return Invalid.Field("state", "Ferien har begynt; den kan ikke trekkes tilbake her.");
        if (Reason(reason, "Skriv hvorfor ferien trekkes tilbake, for eksempel at det er avtalt med assistenten.") is { } problem) return problem;
        Decide(HolidayState.Revoked, reason!.Trim(), at, byName);
        return this;
    }

    /// <summary>A reason the assistant is told: required, at most <see cref="MaxReason"/> characters.</summary>
    private static Invalid? Reason(string? reason, string missing)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Invalid.Field("reason", missing);
        return text.Length > MaxReason ? Invalid.Field("reason", $"Begrunnelsen kan være høyst {MaxReason} tegn.") : null;
    }

    private void Decide(HolidayState state, string reason, Instant at, string byName)
    {
        State = state;
        RefusalReason = reason;
        DecidedAt = at;
        DecidedByName = byName;
    }

    public Result<HolidayRequest> Withdraw(Instant at)
    {
        if (State != HolidayState.Wished) return Invalid.Field("state", "Bare ubesvarte ønsker kan trekkes; en innvilget ferie endres med arbeidsgiveren.");
        State = HolidayState.Withdrawn;
        DecidedAt = at;
        return this;
    }
}

/// <summary>The work leader's round of holiday wishes for an arrangement and year: the day wishes are wanted by.</summary>
public sealed class HolidayRound : AuditedAggregate
{
    private HolidayRound(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public int Year { get; private set; }
    public LocalDate WishesBy { get; private set; }

    public static Result<HolidayRound> Open(Guid id, Guid arrangementId, int year, LocalDate? wishesBy, LocalDate today)
    {
        var problem = Check(year, wishesBy, today);
        return problem is not null ? problem : new HolidayRound(id) { ArrangementId = arrangementId, Year = year, WishesBy = wishesBy!.Value };
    }

    public Result<HolidayRound> Move(LocalDate? wishesBy, LocalDate today)
    {
        var problem = Check(Year, wishesBy, today);
        if (problem is not null) return problem;
        WishesBy = wishesBy!.Value;
        return this;
    }

    private static Invalid? Check(int year, LocalDate? wishesBy, LocalDate today)
    {
        if (year < today.Year || year > today.Year + 1) return Invalid.Field("year", "Ferieåret må være i år eller neste år.");
        if (wishesBy is null) return Invalid.Field("wishesBy", "Fyll ut fristen for ferieønsker.");
        if (wishesBy < today) return Invalid.Field("wishesBy", "Fristen kan ikke være passert.");
        if (wishesBy.Value.Year > year) return Invalid.Field("wishesBy", $"Fristen må være før ferieåret {year} er omme.");
        return null;
    }
}

/// <summary>Holiday days carried from one year to the next by written agreement (FER-7-3), recorded by the employer.</summary>
public sealed class HolidayCarryOver : AuditedAggregate
{
    private HolidayCarryOver(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public int FromYear { get; private set; }
    public int Days { get; private set; }
    public LocalDate AgreedOn { get; private set; }

    public static Result<HolidayCarryOver> Agree(Guid id, Guid assistantId, int? fromYear, int? days, LocalDate? agreedOn, LocalDate today)
    {
        var made = new HolidayCarryOver(id) { AssistantId = assistantId };
        return made.Change(fromYear, days, agreedOn, today);
    }

    public Result<HolidayCarryOver> Change(int? fromYear, int? days, LocalDate? agreedOn, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (fromYear is null || fromYear < today.Year - 1 || fromYear > today.Year) fields["fromYear"] = "Overføringen må gjelde fra i fjor eller i år.";
        if (HolidayRules.CarryOverProblem(days) is { } problem) fields["days"] = problem;
        if (agreedOn is null) fields["agreedOn"] = "Fyll ut datoen avtalen ble skrevet.";
        else if (agreedOn > today) fields["agreedOn"] = "Avtaledatoen kan ikke være fram i tid.";
        if (fields.Count > 0) return new Invalid(fields);
        FromYear = fromYear!.Value;
        Days = days!.Value;
        AgreedOn = agreedOn!.Value;
        return this;
    }
}
