using NodaTime;

namespace Selvstyrt.Domain.Common;

/// <summary>An aggregate root that carries its own audit stamps (see <see cref="IAudited"/>).</summary>
public abstract class AuditedAggregate(Guid id) : AggregateRoot(id), IAudited
{
    public Instant CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Instant? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    /// <summary>Called by the audit interceptor only.</summary>
    public void StampCreated(Instant at, string by)
    {
        CreatedAt = at;
        CreatedBy = by;
    }

    /// <summary>Called by the audit interceptor only.</summary>
    public void StampUpdated(Instant at, string by)
    {
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
