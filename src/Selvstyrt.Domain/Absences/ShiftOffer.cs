using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Absences;

public enum ShiftOfferState
{
    /// <summary>Waiting for an answer.</summary>
    Open = 1,

    /// <summary>One of those asked took it: the shift is theirs.</summary>
    Taken = 2,

    /// <summary>The work leader took the offer back.</summary>
    Withdrawn = 3,

    /// <summary>Nobody took it before it began, or the shift was filled or given back some other way.</summary>
    Lapsed = 4,
}

public enum ShiftOfferAnswer
{
    Waiting = 1,
    Accepted = 2,
    Declined = 3,

    /// <summary>Somebody else was first, or the offer closed before this one answered.</summary>
    Closed = 4,
}

/// <summary>
/// A vacant shift offered to one or several assistants (issue 17, part 5). The first to accept gets the shift and the others
/// are told; the offer goes to the office's coordinator <see cref="EscalateAt"/> (N hours before the start) if it is still
/// open. Every step is kept: who offered it and when, each answer with its time, the escalation and the close. The offer is
/// an aggregate with a concurrency token, so of many accepts at once exactly one can be saved.
/// </summary>
public sealed class ShiftOffer : AuditedAggregate
{
    /// <summary>The most assistants one offer goes to.</summary>
    public const int MaxRecipients = 50;

    private readonly List<ShiftOfferRecipient> _recipients = [];

    private ShiftOffer(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public Guid PlanId { get; private set; }

    /// <summary>The plan's vacant shift (a <c>PlanDeviation</c>).</summary>
    public Guid DeviationId { get; private set; }
    public LocalDate Date { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }
    public Guid OfferedByUserId { get; private set; }
    public string OfferedByName { get; private set; } = "";
    public Instant OfferedAt { get; private set; }

    /// <summary>When an open offer goes to the office's coordinator.</summary>
    public Instant EscalateAt { get; private set; }
    public Instant? EscalatedAt { get; private set; }
    public ShiftOfferState State { get; private set; }
    public Guid? TakenBy { get; private set; }
    public Instant? ClosedAt { get; private set; }

    /// <summary>Why an offer lapsed or was withdrawn, in words («fylt av arbeidsleder», «vakten har begynt»).</summary>
    public string? ClosedReason { get; private set; }

    public IReadOnlyList<ShiftOfferRecipient> Recipients => _recipients;

    /// <summary>A new open offer; <paramref name="escalateHoursBefore"/> (1 to 168) sets when it goes to the coordinator if still open.</summary>
    public static Result<ShiftOffer> Create(Guid id, Guid providerId, Guid arrangementId, Guid planId, Guid deviationId, LocalDate date, Instant start, Instant end,
        IReadOnlyCollection<Guid> assistants, int? escalateHoursBefore, Guid by, string byName, Instant at)
    {
        ArgumentNullException.ThrowIfNull(assistants);
        var fields = new Dictionary<string, string>();
        if (assistants.Count == 0) fields["assistantIds"] = "Velg minst én assistent å tilby vakten.";
        else if (assistants.Count > MaxRecipients) fields["assistantIds"] = $"Tilby vakten til høyst {MaxRecipients} om gangen.";
        if (escalateHoursBefore is not (>= 1 and <= 168)) fields["escalateHoursBefore"] = "Oppgi fra 1 til 168 timer før vakten.";
        if (start <= at) fields["deviationId"] = "Vakten har allerede begynt.";
        if (fields.Count > 0) return new Invalid(fields);
        var offer = new ShiftOffer(id)
        {
            ProviderId = providerId, ArrangementId = arrangementId, PlanId = planId, DeviationId = deviationId, Date = date, Start = start, End = end,
            OfferedByUserId = by, OfferedByName = byName, OfferedAt = at, EscalateAt = start - Duration.FromHours(escalateHoursBefore!.Value), State = ShiftOfferState.Open,
        };
        offer.Add(assistants, at);
        return offer;
    }

    /// <summary>Asks more assistants while the offer is open (those already asked are not asked again). Returns the new ones.</summary>
    public Result<IReadOnlyList<Guid>> Widen(IReadOnlyCollection<Guid> assistants, Instant at)
    {
        ArgumentNullException.ThrowIfNull(assistants);
        if (State != ShiftOfferState.Open) return new Conflict("Tilbudet er ikke åpent lenger.");
        if (_recipients.Count + assistants.Count(a => _recipients.All(r => r.AssistantId != a)) > MaxRecipients)
            return Invalid.Field("assistantIds", $"Tilby vakten til høyst {MaxRecipients} om gangen.");
        return Add(assistants, at);
    }

    private List<Guid> Add(IEnumerable<Guid> assistants, Instant at)
    {
        var fresh = assistants.Distinct().Where(a => _recipients.All(r => r.AssistantId != a)).ToList();
        foreach (var a in fresh) _recipients.Add(new ShiftOfferRecipient(Guid.CreateVersion7(), Id, a, at));
        return fresh;
    }

    /// <summary>
    /// The assistant takes the shift: the first accept wins. Accepting again after winning is the same answer; after somebody
    /// else won, or once the offer closed or the shift began, it is a conflict with the reason.
    /// </summary>
    public Result<ShiftOffer> Accept(Guid assistantId, Instant at)
    {
        var mine = _recipients.FirstOrDefault(r => r.AssistantId == assistantId);
        if (mine is null) return new NotFound("Fant ikke tilbudet.");
        if (State == ShiftOfferState.Taken && TakenBy == assistantId) return this;
        if (State == ShiftOfferState.Taken) return new Conflict("En annen tok vakten før deg.");
        if (State != ShiftOfferState.Open) return new Conflict("Tilbudet er ikke åpent lenger" + (ClosedReason is null ? "." : $" ({ClosedReason})."));
        if (at >= Start) return new Conflict("Vakten har allerede begynt.");
        State = ShiftOfferState.Taken;
        TakenBy = assistantId;
        ClosedAt = at;
        foreach (var r in _recipients) r.Answer(r == mine ? ShiftOfferAnswer.Accepted : r.Answered == ShiftOfferAnswer.Waiting ? ShiftOfferAnswer.Closed : r.Answered, at);
        return this;
    }

    /// <summary>The assistant says no; returns true when everyone asked has now said no.</summary>
    public Result<bool> Decline(Guid assistantId, Instant at)
    {
        var mine = _recipients.FirstOrDefault(r => r.AssistantId == assistantId);
        if (mine is null) return new NotFound("Fant ikke tilbudet.");
        if (State != ShiftOfferState.Open) return new Conflict("Tilbudet er ikke åpent lenger.");
        if (mine.Answered == ShiftOfferAnswer.Declined) return false;
        mine.Answer(ShiftOfferAnswer.Declined, at);
        return _recipients.All(r => r.Answered == ShiftOfferAnswer.Declined);
    }

    /// <summary>The work leader takes the offer back; those who have not answered are told.</summary>
    public Result<ShiftOffer> Withdraw(Instant at)
    {
        if (State != ShiftOfferState.Open) return new Conflict("Tilbudet er ikke åpent lenger.");
        Close(ShiftOfferState.Withdrawn, "trukket tilbake", at);
        return this;
    }

    /// <summary>The shift was filled another way, given back or began unfilled: the offer closes with the reason.</summary>
    public void Lapse(string reason, Instant at)
    {
        if (State == ShiftOfferState.Open) Close(ShiftOfferState.Lapsed, reason, at);
    }

    /// <summary>Marks the offer sent to the coordinator; false when it is not due or already sent.</summary>
    public bool Escalate(Instant at)
    {
        if (State != ShiftOfferState.Open || EscalatedAt is not null || at < EscalateAt) return false;
        EscalatedAt = at;
        return true;
    }

    private void Close(ShiftOfferState state, string reason, Instant at)
    {
        State = state;
        ClosedReason = reason;
        ClosedAt = at;
        foreach (var r in _recipients.Where(r => r.Answered == ShiftOfferAnswer.Waiting)) r.Answer(ShiftOfferAnswer.Closed, at);
    }
}

/// <summary>One assistant asked in an offer, with their answer and when it came.</summary>
public sealed class ShiftOfferRecipient : Entity
{
    private ShiftOfferRecipient(Guid id) : base(id) { }

    internal ShiftOfferRecipient(Guid id, Guid offerId, Guid assistantId, Instant at) : base(id)
    {
        OfferId = offerId;
        AssistantId = assistantId;
        AskedAt = at;
        Answered = ShiftOfferAnswer.Waiting;
    }

    public Guid OfferId { get; private set; }
    public Guid AssistantId { get; private set; }
    public Instant AskedAt { get; private set; }
    public ShiftOfferAnswer Answered { get; private set; }
    public Instant? AnsweredAt { get; private set; }

    internal void Answer(ShiftOfferAnswer answer, Instant at)
    {
        if (Answered == answer) return;
        Answered = answer;
        AnsweredAt = at;
    }
}
