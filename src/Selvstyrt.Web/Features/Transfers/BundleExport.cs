using System.Collections;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>One arrangement as a bundle: the document (<c>arrangement.json</c>) and the stored files its rows name.</summary>
public sealed record ExportedBundle(JsonObject Document, IReadOnlyDictionary<string, byte[]> Files, int Rows);

/// <summary>
/// Reads one arrangement and everything that belongs to it into the bundle of <see cref="BundleFormat"/>, section by
/// section: each section's rows are found from the rows already taken (see <see cref="SectionSelect"/>), then a row that
/// points to a record of the bundle's kinds that was not taken is left out (or, where the pointer may be empty, emptied).
/// Rows come in the order of their identifiers, so the same data gives the same document.
/// </summary>
public static class BundleExport
{
    public static async Task<ExportedBundle> ExportAsync(SelvstyrtDb db, Guid arrangementId, LocalDate today, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = new Dictionary<Type, Dictionary<object, object>>();
        await TakeAsync(db, BundleFormat.Sections, taken, arrangementId, today, ct);
        DropStrays(db, taken);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var (sections, count) = Write(db, BundleFormat.Sections, taken, files);

        var arrangement = (Arrangement)taken[typeof(Arrangement)].Values.Single();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == arrangement.ProviderId, ct);
        var document = new JsonObject
        {
            ["format"] = BundleFormat.Format,
            ["formatVersion"] = BundleFormat.Version,
            ["model"] = db.Database.GetMigrations().LastOrDefault() ?? "",
            ["exportedAt"] = JsonSerializer.SerializeToNode(now, BundleFormat.Json),
            ["exportedOn"] = JsonSerializer.SerializeToNode(today, BundleFormat.Json),
            ["arrangementId"] = arrangementId.ToString(),
            ["source"] = new JsonObject { ["providerId"] = provider.Id.ToString(), ["name"] = provider.Name, ["organisationNumber"] = provider.OrganisationNumber },
            ["references"] = await ReferencesAsync(db, taken, sections, ct),
            ["sections"] = sections,
        };
        return new ExportedBundle(document, files, count);
    }

    /// <summary>
    /// Takes the rows of each section in turn into <paramref name="taken"/> (by record type, then primary key), each found
    /// from the rows already there: <paramref name="root"/> for <see cref="SectionSelect.Root"/>. A caller may put rows in
    /// first (a person's account) for sections to start from.
    /// </summary>
    public static async Task TakeAsync(SelvstyrtDb db, IReadOnlyList<BundleSection> sections, Dictionary<Type, Dictionary<object, object>> taken, Guid? root,
        LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(taken);
        foreach (var section in sections)
        {
            var type = BundleFormat.EntityType(db, section.Type);
            var rows = section.Select switch
            {
                SectionSelect.Root => await LoadAsync(db, type, "Id", [root ?? Guid.Empty], ct),
                SectionSelect.Children => await LoadAsync(db, type, section.Property!, ParentsOf(type, section, taken), ct),
                _ => await LoadAsync(db, type, "Id", ReferencedBy(db, type, taken), ct),
            };
            if (section.MovingOnly)
            {
                var moving = MovingAssistants(taken, today);
                rows = rows.Where(r => moving.Contains((Guid)db.Entry(r).Property("AssistantId").CurrentValue!)).ToList();
            }
            var keys = type.FindPrimaryKey()!.Properties.Select(p => p.Name).ToList();
            // A composite key (an agreement's member: agreement and assistant) as one text; a single key as itself.
            taken[section.Type] = rows.ToDictionary(r => keys.Count == 1
                ? db.Entry(r).Property(keys[0]).CurrentValue!
                : string.Join('|', keys.Select(k => db.Entry(r).Property(k).CurrentValue)));
        }
    }

    /// <summary>The sections' rows as JSON, each row every field of <see cref="BundleFormat.Fields"/> but those <paramref name="leaveOut"/> names.</summary>
    public static (JsonObject Sections, int Rows) Write(SelvstyrtDb db, IReadOnlyList<BundleSection> sections, Dictionary<Type, Dictionary<object, object>> taken,
        SortedDictionary<string, byte[]> files, Func<IProperty, bool>? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(taken);
        var json = new JsonObject();
        var count = 0;
        foreach (var section in sections)
        {
            var type = BundleFormat.EntityType(db, section.Type);
            var list = new JsonArray();
            foreach (var (id, row) in taken[section.Type].OrderBy(r => Order(r.Key), StringComparer.Ordinal))
            {
                list.Add(Row(db, type, row, section.Name, id, taken, files, leaveOut));
                count++;
            }
            json[section.Name] = list;
        }
        return (json, count);
    }

    /// <summary>Identifiers in text order; numbers (the access log's) in numeric order.</summary>
    private static string Order(object key) => key is long number ? number.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) : key.ToString()!;

    /// <summary>The rows of <paramref name="type"/> whose <paramref name="property"/> is one of <paramref name="ids"/>, tracked (to read every field).</summary>
    private static async Task<List<object>> LoadAsync(SelvstyrtDb db, IEntityType type, string property, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var nullable = type.FindProperty(property)!.ClrType == typeof(Guid?);
        var method = typeof(BundleExport).GetMethod(nullable ? nameof(LoadNullableAsync) : nameof(LoadKeyAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType);
        var rows = new List<object>();
        foreach (var chunk in ids.Chunk(500))
            rows.AddRange(await (Task<List<object>>)method.Invoke(null, [db, property, chunk, ct])!);
        return rows;
    }

    private static async Task<List<object>> LoadKeyAsync<T>(SelvstyrtDb db, string property, Guid[] ids, CancellationToken ct) where T : class =>
        [.. await db.Set<T>().Where(e => ids.Contains(EF.Property<Guid>(e, property))).AsSplitQuery().ToListAsync(ct)];

    private static async Task<List<object>> LoadNullableAsync<T>(SelvstyrtDb db, string property, Guid[] ids, CancellationToken ct) where T : class
    {
        var values = ids.Select(i => (Guid?)i).ToArray();
        return [.. await db.Set<T>().Where(e => values.Contains(EF.Property<Guid?>(e, property))).AsSplitQuery().ToListAsync(ct)];
    }

    private static Guid[] ParentsOf(IEntityType type, BundleSection section, Dictionary<Type, Dictionary<object, object>> taken)
    {
        var principal = section.Of ?? type.GetForeignKeys().Single(f => f.Properties.Count == 1 && f.Properties[0].Name == section.Property).PrincipalEntityType.ClrType;
        return taken.TryGetValue(principal, out var parents) ? [.. parents.Keys.OfType<Guid>()] : [];
    }

    /// <summary>Every identifier the rows taken so far point to through a foreign key to <paramref name="type"/>.</summary>
    private static HashSet<Guid> ReferencedBy(SelvstyrtDb db, IEntityType type, Dictionary<Type, Dictionary<object, object>> taken)
    {
        var ids = new HashSet<Guid>();
        foreach (var (clr, rows) in taken)
        {
            foreach (var key in BundleFormat.EntityType(db, clr).GetForeignKeys().Where(f => f.PrincipalEntityType == type && f.Properties.Count == 1))
            {
                foreach (var row in rows.Values)
                {
                    if (db.Entry(row).Property(key.Properties[0].Name).CurrentValue is Guid id) ids.Add(id);
                }
            }
        }
        return ids;
    }

    /// <summary>The assistants with an assignment in the arrangement that has not ended by <paramref name="today"/>: they move along.</summary>
    private static HashSet<Guid> MovingAssistants(Dictionary<Type, Dictionary<object, object>> taken, LocalDate today) =>
        taken[typeof(Assignment)].Values.Cast<Assignment>().Where(a => a.To is null || a.To >= today).Select(a => a.AssistantId).ToHashSet();

    /// <summary>
    /// Leaves out the rows that point to a record of the bundle's kinds that was not taken (an absence's shift in another
    /// arrangement); where the pointer may be empty, the row stays and the pointer is written empty.
    /// </summary>
    private static void DropStrays(SelvstyrtDb db, Dictionary<Type, Dictionary<object, object>> taken)
    {
        bool dropped;
        do
        {
            dropped = false;
            foreach (var (clr, rows) in taken)
            {
                var required = BundleFormat.EntityType(db, clr).GetForeignKeys()
                    .Where(f => f.IsRequired && !f.IsOwnership && f.Properties.Count == 1 && taken.ContainsKey(f.PrincipalEntityType.ClrType)).ToList();
                foreach (var (id, row) in rows.ToList())
                {
                    var entry = db.Entry(row);
                    if (required.Any(f => entry.Property(f.Properties[0].Name).CurrentValue is Guid to && !taken[f.PrincipalEntityType.ClrType].ContainsKey(to)))
                    {
                        rows.Remove(id);
                        dropped = true;
                    }
                }
            }
        }
        while (dropped);
    }

    private static JsonObject Row(SelvstyrtDb db, IEntityType type, object row, string section, object id, Dictionary<Type, Dictionary<object, object>> taken,
        SortedDictionary<string, byte[]> files, Func<IProperty, bool>? leaveOut)
    {
        var entry = db.Entry(row);
        var stray = type.GetForeignKeys()
            .Where(f => !f.IsRequired && !f.IsOwnership && f.Properties.Count == 1 && taken.ContainsKey(f.PrincipalEntityType.ClrType))
            .Where(f => entry.Property(f.Properties[0].Name).CurrentValue is Guid to && !taken[f.PrincipalEntityType.ClrType].ContainsKey(to))
            .Select(f => f.Properties[0].Name).ToHashSet();
        var json = new JsonObject();
        foreach (var property in BundleFormat.Fields(type).Where(p => leaveOut?.Invoke(p) != true))
        {
            var value = stray.Contains(property.Name) ? null : entry.Property(property.Name).CurrentValue;
            // PostgreSQL gives a numeric column's scale back (336.00), SQLite does not (336): the same bundle from either engine.
            if (value is decimal number) value = number / 1.000000000000000000000000000000000m;
            var name = BundleFormat.FieldName(property.Name);
            if (value is byte[] bytes)
            {
                var path = $"dokumenter/{section}/{id}-{name}{(bytes.AsSpan().StartsWith("%PDF"u8) ? ".pdf" : ".bin")}";
                files[path] = bytes;
                json[name] = new JsonObject { ["file"] = path, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
            }
            else json[name] = JsonSerializer.SerializeToNode(value, property.ClrType, BundleFormat.Json);
        }
        foreach (var navigation in BundleFormat.Owned(type))
        {
            var target = (IEntityType)navigation.TargetEntityType;
            var owned = entry.Navigation(navigation.Name).CurrentValue switch
            {
                IEnumerable list => list.Cast<object>().ToList(),
                { } single => [single],
                null => [],
            };
            var items = new JsonArray();
            foreach (var item in owned.OrderBy(o => db.Entry(o).Property("Id").CurrentValue?.ToString(), StringComparer.Ordinal))
                items.Add(Row(db, target, item, section, id, taken, files, leaveOut));
            json[BundleFormat.FieldName(navigation.Name)] = items;
        }
        return json;
    }

    /// <summary>
    /// The records outside the bundle its rows point to: the provider, offices, the municipality and competence kinds
    /// through foreign keys, and people's accounts through any identifier that names one (a reporter, an author).
    /// </summary>
    private static async Task<JsonObject> ReferencesAsync(SelvstyrtDb db, Dictionary<Type, Dictionary<object, object>> taken, JsonObject sections, CancellationToken ct)
    {
        var pointed = BundleFormat.External.Keys.ToDictionary(t => t, _ => new HashSet<Guid>());
        foreach (var (clr, rows) in taken)
        {
            foreach (var key in BundleFormat.EntityType(db, clr).GetForeignKeys().Where(f => f.Properties.Count == 1 && pointed.ContainsKey(f.PrincipalEntityType.ClrType)))
            {
                foreach (var row in rows.Values)
                {
                    if (db.Entry(row).Property(key.Properties[0].Name).CurrentValue is Guid id) pointed[key.PrincipalEntityType.ClrType].Add(id);
                }
            }
        }
        var keys = taken.Values.SelectMany(r => r.Keys).OfType<Guid>().ToHashSet();
        var loose = sections.Select(s => s.Value).OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()).SelectMany(BundleFormat.GuidsOf)
            .Where(g => !keys.Contains(g)).Distinct().ToList();
        foreach (var chunk in loose.Chunk(500))
            pointed[typeof(Data.Identity.AppUser)].UnionWith(await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct));

        var ids = pointed.ToDictionary(p => p.Key, p => p.Value.ToList());
        var providers = await db.Providers.AsNoTracking().Where(p => ids[typeof(Provider)].Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.OrganisationNumber }).ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().Where(o => ids[typeof(Office)].Contains(o.Id)).OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => ids[typeof(Municipality)].Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Number, m.Name }).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => ids[typeof(Data.Identity.AppUser)].Contains(u.Id)).OrderBy(u => u.Id)
            .Select(u => new { u.Id, Name = u.DisplayName, u.Email }).ToListAsync(ct);
        var kinds = await db.CompetenceKinds.AsNoTracking().Where(k => ids[typeof(CompetenceKind)].Contains(k.Id)).OrderBy(k => k.Id)
            .Select(k => new { k.Id, k.Name, k.ValidMonths }).ToListAsync(ct);
        return new JsonObject
        {
            ["providers"] = JsonSerializer.SerializeToNode(providers, BundleFormat.Json),
            ["offices"] = JsonSerializer.SerializeToNode(offices, BundleFormat.Json),
            ["municipalities"] = JsonSerializer.SerializeToNode(municipalities, BundleFormat.Json),
            ["people"] = JsonSerializer.SerializeToNode(people, BundleFormat.Json),
            ["competenceKinds"] = JsonSerializer.SerializeToNode(kinds, BundleFormat.Json),
        };
    }
}
