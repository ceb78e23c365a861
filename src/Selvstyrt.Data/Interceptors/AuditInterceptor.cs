using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Data.Interceptors;

/// <summary>
/// Stamps who and when on every audited aggregate, bumps the app-managed concurrency version on
/// SQLite, and writes an <see cref="AuditEntry"/> for every added, changed or deleted record.
/// </summary>
public sealed class AuditInterceptor(IClock clock, ICurrentActor actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetCurrentInstant();
        var who = actor.Actor;
        TouchRootsOfChangedChildren(context, now, who);
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry and not AccessLogEntry)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditedAggregate audited)
            {
                if (entry.State == EntityState.Added) audited.StampCreated(now, who);
                else if (entry.State == EntityState.Modified) audited.StampUpdated(now, who);
            }
            BumpVersion(entry);
            context.Add(new AuditEntry
            {
                Table = entry.Metadata.GetTableName() ?? entry.Metadata.ShortName(),
                EntityKey = KeyOf(entry),
                Action = entry.State.ToString(),
                Actor = who,
                At = now,
                Columns = entry.State == EntityState.Modified
                    ? string.Join(',', entry.Properties.Where(p => p.IsModified && p.Metadata.Name != SelvstyrtDb.VersionProperty).Select(p => p.Metadata.Name))
                    : "",
            });
        }
    }

    /// <summary>
    /// A change to a child (an assignment, an employment) is a change to its aggregate: stamp the
    /// root so that its version moves and concurrent edits of the same aggregate conflict.
    /// </summary>
    private static void TouchRootsOfChangedChildren(DbContext context, Instant now, string who)
    {
        var touched = false;
        foreach (var root in context.ChangeTracker.Entries<AuditedAggregate>().Where(e => e.State == EntityState.Unchanged).ToList())
        {
            var childChanged = root.Collections.Any(c => c.CurrentValue is { } items
                && items.Cast<object>().Any(item => context.Entry(item).State is EntityState.Added or EntityState.Modified or EntityState.Deleted));
            if (!childChanged) continue;
            root.Entity.StampUpdated(now, who);
            touched = true;
        }
        if (touched) context.ChangeTracker.DetectChanges();
    }

    private static void BumpVersion(EntityEntry entry)
    {
        var version = entry.Metadata.FindProperty(SelvstyrtDb.VersionProperty);
        if (version is null || version.ClrType != typeof(long)) return;
        var property = entry.Property(SelvstyrtDb.VersionProperty);
        if (entry.State == EntityState.Added) property.CurrentValue = 1L;
        else if (entry.State == EntityState.Modified) property.CurrentValue = (long)(property.OriginalValue ?? 0L) + 1;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString() ?? ""));
    }
}
