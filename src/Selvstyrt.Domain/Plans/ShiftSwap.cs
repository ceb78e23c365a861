using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

public enum ShiftSwapState
{
    /// <summary>Waiting for a colleague to say yes.</summary>
    Proposed = 1,

    /// <summary>A colleague said yes; the work leader decides.</summary>
    AwaitingApproval = 2,

    /// <summary>The plan has the change.</summary>
    Done = 3,

    /// <summary>The colleague asked said no.</summary>
    Declined = 4,

    /// <summary>The one who proposed it took it back.</summary>
    Withdrawn = 5,

    /// <summary>The work leader said no.</summary>
    Rejected = 6,

    /// <summary>The shift began, or the plan changed so the shift is no longer the proposer's.</summary>
    Lapsed = 7,
}

/// <summary>
/// A shift swap (issue 17, part 6): an assistant proposes to give one of their shifts away (to a named colleague, or to
/// whoever of the arrangement takes it first) or to swap it for a named colleague's shift. The colleague accepts or declines;
/// the rules engine judges both sides at acceptance; the work leader approves, unless the arrangement lets clean swaps (the
/// engine finds nothing new for either) take effect at once. Every step is kept with its time; the concurrency token lets
/// one answer through when several come at once.
/// </summary>
public sealed class ShiftSwap : AuditedAggregate
{
    public const int MaxNote = 300;

    private ShiftSwap(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid FromAssistantId { get; private set; }

    /// <summary>The shift given: the rotation shift's id (or an extra shift's) and its date.</summary>
    public Guid ShiftId { get; private set; }
    public LocalDate Date { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }

    /// <summary>The colleague asked; null when any colleague of the arrangement may take it.</summary>
    public Guid? ToAssistantId { get; private set; }

    /// <summary>For a swap, the colleague's shift the proposer takes in return (same plan).</summary>
    public Guid? ReturnShiftId { get; private set; }
    public LocalDate? ReturnDate { get; private set; }
    public Instant? ReturnStart { get; private set; }
    public Instant? ReturnEnd { get; private set; }

    public string? Note { get; private set; }
    public ShiftSwapState State { get; private set; }
    public Instant ProposedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public Instant? AcceptedAt { get; private set; }
    public Instant? ClosedAt { get; private set; }
    public string? DecidedByName { get; private set; }

    /// <summary>Why it was declined, rejected or lapsed, in words.</summary>
    public string? ClosedReason { get; private set; }

    public bool IsSwap => ReturnShiftId is not null;
    public bool IsOpen => State is ShiftSwapState.Proposed or ShiftSwapState.AwaitingApproval;

    public static Result<ShiftSwap> Propose(Guid id, Guid providerId, Guid arrangementId, Guid planId, Guid from, PlannedShift shift, Guid? to, PlannedShift? inReturn,
        string? note, Instant at)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var fields = new Dictionary<string, string>();
        if (shift.AssistantId != from) fields["shiftKey"] = "Du kan bare bytte bort dine egne vakter.";
        else if (shift.Start <= at) fields["shiftKey"] = "Vakten har allerede begynt.";
        if (to == from) fields["toAssistantId"] = "Velg en kollega, ikke deg selv.";
        if (inReturn is not null)
        {
            if (to is null) fields["toAssistantId"] = "Et bytte gjelder en bestemt kollega: velg hvem.";
            else if (inReturn.AssistantId != to) fields["returnShiftKey"] = "Vakten du vil ha tilbake, er ikke kollegaens.";
            else if (inReturn.Start <= at) fields["returnShiftKey"] = "Vakten du vil ha tilbake, har allerede begynt.";
        }
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNote }) fields["note"] = $"Meldingen kan ha høyst {MaxNote} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new ShiftSwap(id)
        {
            ProviderId = providerId, ArrangementId = arrangementId, PlanId = planId, FromAssistantId = from, ShiftId = shift.TemplateId, Date = shift.Date,
            Start = shift.Start, End = shift.End, ToAssistantId = to, ReturnShiftId = inReturn?.TemplateId, ReturnDate = inReturn?.Date,
            ReturnStart = inReturn?.Start, ReturnEnd = inReturn?.End, Note = text, State = ShiftSwapState.Proposed, ProposedAt = at,
        };
    }

    /// <summary>Whether the assistant may answer: the one asked, or any colleague but the proposer when nobody was named.</summary>
    public bool IsFor(Guid assistantId) => ToAssistantId == assistantId || (ToAssistantId is null && assistantId != FromAssistantId);

    /// <summary>The colleague says yes: done at once when no approval is needed, otherwise to the work leader.</summary>
    public Result<ShiftSwap> Accept(Guid assistantId, bool needsApproval, Instant at)
    {
        if (!IsFor(assistantId)) return new NotFound("Fant ikke forespørselen.");
        if (State != ShiftSwapState.Proposed) return new Conflict(Closed("Forespørselen er ikke åpen lenger"));
        if (at >= Start || (ReturnStart is { } rs && at >= rs)) return new Conflict("Vakten har allerede begynt.");
        AcceptedBy = assistantId;
        AcceptedAt = at;
        State = needsApproval ? ShiftSwapState.AwaitingApproval : ShiftSwapState.Done;
        if (!needsApproval) ClosedAt = at;
        return this;
    }

    /// <summary>The colleague asked says no (when any colleague may take it, nobody declines for all).</summary>
    public Result<ShiftSwap> Decline(Guid assistantId, Instant at)
    {
        if (ToAssistantId != assistantId) return new NotFound("Fant ikke forespørselen.");
        if (State != ShiftSwapState.Proposed) return new Conflict(Closed("Forespørselen er ikke åpen lenger"));
        return Close(ShiftSwapState.Declined, "kollegaen sa nei", null, at);
    }

    /// <summary>The proposer takes it back while it is open.</summary>
    public Result<ShiftSwap> Withdraw(Guid assistantId, Instant at)
    {
        if (assistantId != FromAssistantId) return new NotFound("Fant ikke forespørselen.");
        if (!IsOpen) return new Conflict(Closed("Forespørselen er ikke åpen lenger"));
        return Close(ShiftSwapState.Withdrawn, "trukket tilbake", null, at);
    }

    /// <summary>The work leader approves an accepted swap (the caller changes the plan in the same save).</summary>
    public Result<ShiftSwap> Approve(string byName, Instant at)
    {
        if (State != ShiftSwapState.AwaitingApproval) return new Conflict(Closed("Byttet venter ikke på godkjenning"));
        if (at >= Start || (ReturnStart is { } rs && at >= rs)) return new Conflict("Vakten har allerede begynt.");
        State = ShiftSwapState.Done;
        DecidedByName = byName;
        ClosedAt = at;
        return this;
    }

    /// <summary>The work leader says no, with the reason told to both.</summary>
    public Result<ShiftSwap> Reject(string byName, string? reason, Instant at)
    {
        if (State != ShiftSwapState.AwaitingApproval) return new Conflict(Closed("Byttet venter ikke på godkjenning"));
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is null) return Invalid.Field("reason", "Skriv hvorfor byttet ikke godkjennes, så begge forstår.");
        if (text.Length > MaxNote) return Invalid.Field("reason", $"Begrunnelsen kan ha høyst {MaxNote} tegn.");
        return Close(ShiftSwapState.Rejected, text, byName, at);
    }

    /// <summary>The shift began, or the plan no longer gives it to the proposer: an open swap closes with the reason.</summary>
    public void Lapse(string reason, Instant at)
    {
        if (IsOpen) Close(ShiftSwapState.Lapsed, reason, null, at);
    }

    private ShiftSwap Close(ShiftSwapState state, string reason, string? byName, Instant at)
    {
        State = state;
        ClosedReason = reason;
        DecidedByName = byName ?? DecidedByName;
        ClosedAt = at;
        return this;
    }

    private string Closed(string what) => ClosedReason is null ? what + "." : $"{what} ({ClosedReason}).";
}
