using NodaTime;

namespace Selvstyrt.Data.Interceptors;

/// <summary>
/// One row per changed record: which table and key, what happened, who did it and when, and which
/// columns changed. Values are not copied here, so personal data never spreads into the audit trail.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string Table { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public string Action { get; set; } = "";
    public string Actor { get; set; } = "";
    public Instant At { get; set; }
    public string Columns { get; set; } = "";
}

/// <summary>
/// A read of an arrangement's personal data (quality.md S3, Normen: who saw what, when, why).
/// Written before the response is sent.
/// </summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public Guid ArrangementId { get; set; }
    public string Purpose { get; set; } = "";
    public string What { get; set; } = "";
    public Instant At { get; set; }
    public string RequestId { get; set; } = "";
}
