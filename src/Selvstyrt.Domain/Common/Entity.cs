namespace Selvstyrt.Domain.Common;

/// <summary>
/// Base of every stored record. Identifiers are GUIDs chosen by the caller (v7 in production,
/// name-derived in the demo seed) so that creates can be made idempotent without a round trip.
/// </summary>
public abstract class Entity
{
    protected Entity(Guid id) => Id = id;

    public Guid Id { get; private set; }
}

/// <summary>
/// An aggregate root: the unit of consistency and of optimistic concurrency. The data layer adds
/// a version token (an app-managed counter on SQLite, <c>xmin</c> on PostgreSQL), so two people
/// editing the same aggregate never silently overwrite each other (quality.md R1).
/// </summary>
public abstract class AggregateRoot(Guid id) : Entity(id);

/// <summary>
/// Who created and last changed a record, and when. Filled in by the data layer's audit
/// interceptor from the signed-in user and the injected clock, never by callers.
/// </summary>
public interface IAudited
{
    NodaTime.Instant CreatedAt { get; }
    string CreatedBy { get; }
    NodaTime.Instant? UpdatedAt { get; }
    string? UpdatedBy { get; }
}
