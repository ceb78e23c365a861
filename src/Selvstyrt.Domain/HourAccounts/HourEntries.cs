using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.HourAccounts;

/// <summary>
/// Planned hours that were not used because an assistant was away and no substitute was called in
/// (the handbook § 4.4: the work leader must keep track of them). They come off the used hours.
/// </summary>
public sealed class UnusedHours : AuditedAggregate
{
    private UnusedHours(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public LocalDate Date { get; private set; }
    public decimal Hours { get; private set; }
    public string Reason { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    public static Result<UnusedHours> Create(Guid id, Guid arrangementId, LocalDate date, decimal hours, string? reason, string? idempotencyKey, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (hours is <= 0 or > 48) fields["hours"] = "Ubrukte timer må være over 0 og høyst 48 for én dag (to assistenter hele døgnet).";
        if (date > today) fields["date"] = "Ubrukte timer kan bare føres for dager som har vært.";
        if ((reason ?? "").Trim().Length > 300) fields["reason"] = "Årsaken kan ha høyst 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new UnusedHours(id) { ArrangementId = arrangementId, Date = date, Hours = hours, Reason = (reason ?? "").Trim(), IdempotencyKey = idempotencyKey };
    }
}

/// <summary>
/// The hour balance an arrangement brings from another provider when it moves mid-period (positive:
/// hours saved; negative: hours overdrawn). It counts from its date in the averaging period it falls in.
/// </summary>
public sealed class OpeningBalance : AuditedAggregate
{
    private OpeningBalance(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public LocalDate Date { get; private set; }
    public decimal Hours { get; private set; }
    public string Note { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    public static Result<OpeningBalance> Create(Guid id, Guid arrangementId, LocalDate date, decimal hours, string? note, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (hours is < -5000 or > 5000 || hours == 0) fields["hours"] = "Inngående saldo må være et tall mellom -5000 og 5000, og ikke 0.";
        if ((note ?? "").Trim().Length > 300) fields["note"] = "Merknaden kan ha høyst 300 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new OpeningBalance(id) { ArrangementId = arrangementId, Date = date, Hours = hours, Note = (note ?? "").Trim(), IdempotencyKey = idempotencyKey };
    }
}
