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
/// A read of an arrangement's personal data (quality.md S3, Normen: who saw what, when, why). Written before the response
/// is sent, through <see cref="AccessLogChain"/>: each arrangement's rows form a chain, numbered from 1, where every row
/// carries the hash of the one before and its own hash over both (ADR 0029). The database refuses to change or delete a
/// sealed row (SQLite triggers, PostgreSQL triggers and grants).
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

    /// <summary>The row's place in its arrangement's chain, from 1; 0 only for a row written before the chain and not sealed yet.</summary>
    public long Sequence { get; set; }

    /// <summary>The hash of the row before in the chain; empty for the first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 (hex) over the previous hash and this row's fields; empty only until sealed.</summary>
    public string Hash { get; set; } = "";
}
