using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Retention;

/// <summary>Where an erasure request stands.</summary>
public enum ErasureState
{
    /// <summary>Registered; the next daily job carries it out.</summary>
    Received,

    /// <summary>What may be deleted is gone; the rest is kept for a law and restricted (GDPR art. 18) until its time is up.</summary>
    Restricted,

    /// <summary>The kept rest has gone too; nothing about the person is left but this request.</summary>
    Completed,
}

/// <summary>
/// A person's request to have their data erased (GDPR art. 17, quality.md S7), registered by the provider's administrator for
/// an assistant whose employments have ended, or for a person's account (a work leader, deputy, coordinator or recipient who
/// signs in) whose roles have ended (ADR 0036). The daily job deletes what no law requires the provider to keep and restricts
/// the rest (<see cref="People.Assistant.RestrictedOn"/>); when the rest's time is up (the accounting rule's five years) the
/// job deletes it too. The request itself is the provider's proof that it complied (art. 5 no. 2), so it keeps only the
/// person's initials, never the name.
/// </summary>
public sealed class ErasureRequest : Entity
{
    public const int MaxNote = 1000;

    private ErasureRequest(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }

    /// <summary>The assistant it concerns; null once the assistant record itself is deleted.</summary>
    public Guid? AssistantId { get; private set; }

    /// <summary>The account it concerns, for a request about a person who signs in rather than an assistant record.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>The recipient it concerns, for a request about a recipient whose arrangements have ended.</summary>
    public Guid? RecipientId { get; private set; }

    /// <summary>The person's initials, so the log can be read without keeping the name.</summary>
    public string Initials { get; private set; } = "";

    public LocalDate ReceivedOn { get; private set; }
    public Instant RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public string Note { get; private set; } = "";
    public ErasureState State { get; private set; }

    /// <summary>When the deletable part went and the rest was restricted.</summary>
    public Instant? CarriedOutAt { get; private set; }

    /// <summary>Rows deleted or cleared when carried out, and rows kept under restriction.</summary>
    public int Deleted { get; private set; }
    public int Restricted { get; private set; }

    /// <summary>When the kept rest went too.</summary>
    public Instant? CompletedAt { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public static Result<ErasureRequest> Register(Guid id, Guid providerId, Guid assistantId, string fullName, LocalDate receivedOn, LocalDate today,
        string? note, Instant at, string by, string? idempotencyKey)
        => Make(id, providerId, assistantId, null, null, fullName, receivedOn, today, note, at, by, idempotencyKey);

    /// <summary>A request about an account: the person's sign-in and what hangs on it, not an assistant record.</summary>
    public static Result<ErasureRequest> RegisterForAccount(Guid id, Guid providerId, Guid userId, string fullName, LocalDate receivedOn, LocalDate today,
        string? note, Instant at, string by, string? idempotencyKey)
        => Make(id, providerId, null, userId, null, fullName, receivedOn, today, note, at, by, idempotencyKey);

    /// <summary>A request from the recipient of arrangements that have ended (their sign-in, if any, goes with it).</summary>
    public static Result<ErasureRequest> RegisterForRecipient(Guid id, Guid providerId, Guid recipientId, string fullName, LocalDate receivedOn, LocalDate today,
        string? note, Instant at, string by, string? idempotencyKey)
        => Make(id, providerId, null, null, recipientId, fullName, receivedOn, today, note, at, by, idempotencyKey);

    private static Result<ErasureRequest> Make(Guid id, Guid providerId, Guid? assistantId, Guid? userId, Guid? recipientId, string fullName, LocalDate receivedOn, LocalDate today,
        string? note, Instant at, string by, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        if (receivedOn > today) return Invalid.Field("receivedOn", "Datoen forespørselen kom, kan ikke være etter i dag.");
        if (receivedOn < today.PlusYears(-1)) return Invalid.Field("receivedOn", "Datoen forespørselen kom, kan ikke være mer enn ett år tilbake.");
        var text = (note ?? "").Trim();
        if (text.Length > MaxNote) return Invalid.Field("note", $"Merknaden kan være høyst {MaxNote} tegn.");
        return new ErasureRequest(id)
        {
            ProviderId = providerId, AssistantId = assistantId, UserId = userId, RecipientId = recipientId, Initials = InitialsOf(fullName), ReceivedOn = receivedOn, RegisteredAt = at,
            RegisteredBy = by, Note = text, State = ErasureState.Received, IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>«Sofie Marie Lie» gives «S. M. L.».</summary>
    public static string InitialsOf(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts.Take(4).Select(p => char.ToUpperInvariant(p[0]) + "."));
    }

    public void CarriedOut(Instant at, int deleted, int restricted)
    {
        State = ErasureState.Restricted;
        CarriedOutAt = at;
        Deleted = deleted;
        Restricted = restricted;
    }

    public void Complete(Instant at)
    {
        State = ErasureState.Completed;
        CompletedAt = at;
        AssistantId = null;
        UserId = null;
        RecipientId = null;
    }
}
