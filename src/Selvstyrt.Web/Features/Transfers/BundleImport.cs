using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>Where a bundle goes: the receiving provider, the office that will follow the arrangement up, the first day as employer.</summary>
public sealed record ImportTarget(Guid ProviderId, Guid OfficeId, LocalDate FirstDay, string By, Instant At);

/// <summary>
/// What an import made: the new arrangement, every identifier of the bundle and what it became here (records of the bundle
/// get new ones; the provider, offices, the municipality, people and competence kinds are matched or created), the rows,
/// the accounts made for people who had none, and whether the same file had been taken in before.
/// </summary>
public sealed record ImportReceipt(Guid ArrangementId, IReadOnlyDictionary<Guid, Guid> Map, int Rows, IReadOnlyList<AppUser> NewAccounts, bool AlreadyImported);

/// <summary>
/// Recreates a bundle's records at the receiving provider in one transaction. Every record gets an identifier derived from
/// the receiving provider, the file's SHA-256 and its old one, so the same file taken in twice finds what it made the first
/// time instead of doubling it. Every field is checked against the model (type, length, required) and named in Norwegian
/// when wrong; nothing is stored unless all of it is right.
/// </summary>
public static class BundleImport
{
    public static async Task<Result<ImportReceipt>> ImportAsync(
        SelvstyrtDb db, UserManager<AppUser> users, JsonObject document, IReadOnlyDictionary<string, byte[]> files, string sha256, ImportTarget target,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(target);
        if (Header(db, document) is { } refused) return refused;
        if (target.FirstDay.Day != 1) return Invalid.Field("firstDay", "Overtakelsesdatoen må være den første dagen i en måned.");
        var sections = (JsonObject)document["sections"]!;
        var references = document["references"] as JsonObject ?? [];

        var map = new Dictionary<Guid, Guid>();
        var errors = new Dictionary<string, string>();
        foreach (var section in BundleFormat.Sections)
        {
            if (sections[section.Name] is not JsonArray rows) continue;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i] is not JsonObject row) errors[$"sections.{section.Name}[{i}]"] = "Raden må være et JSON-objekt.";
                else foreach (var id in KeysOf(row)) map[id] = Derive(target.ProviderId, sha256, id);
            }
        }
        var unknown = sections.Select(s => s.Key).Except(BundleFormat.Sections.Select(s => s.Name)).ToList();
        foreach (var name in unknown) errors[$"sections.{name}"] = "Ukjent del av pakken; den er laget av en nyere versjon av Selvstyrt.";
        if (errors.Count > 0) return new Invalid(errors);

        var oldArrangement = Guid.TryParse((string?)document["arrangementId"], out var a) ? a : Guid.Empty;
        if (!map.TryGetValue(oldArrangement, out var arrangementId)) return Invalid.Field("arrangementId", "Pakken har ikke ordningen den sier at den har.");
        var existing = await db.ArrangementTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.ProviderId == target.ProviderId && t.BundleSha256 == sha256, ct);
        if (existing is not null || await db.Arrangements.AnyAsync(x => x.Id == arrangementId, ct))
            return new ImportReceipt(arrangementId, map, existing?.Rows ?? 0, [], AlreadyImported: true);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var newAccounts = new List<AppUser>();
        if (await MatchReferencesAsync(db, users, references, target, sha256, map, newAccounts, ct) is { } unmatched) return unmatched;

        var count = 0;
        foreach (var section in BundleFormat.Sections)
        {
            if (sections[section.Name] is not JsonArray rows) continue;
            var type = BundleFormat.EntityType(db, section.Type);
            for (var i = 0; i < rows.Count; i++)
            {
                var entity = Build(db, type, (JsonObject)rows[i]!, $"sections.{section.Name}[{i}]", map, files, errors);
                if (entity is null) continue;
                db.Add(entity);
                count++;
            }
        }
        if (errors.Count > 0) return new Invalid(errors);
        var source = document["source"] as JsonObject;
        var transfer = ArrangementTransfer.Record(Derive(target.ProviderId, sha256, Guid.Empty), target.ProviderId, arrangementId, target.FirstDay,
            (string?)source?["name"] ?? "", (string?)source?["organisationNumber"], sha256, count, target.At, target.By);
        if (transfer.Error is { } bad) return bad;
        db.ArrangementTransfers.Add(transfer.Value!);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReceipt(arrangementId, map, count, newAccounts, AlreadyImported: false);
    }

    /// <summary>The bundle's format and model: this version reads format 1 of any model it knows (its own or older).</summary>
    private static Invalid? Header(SelvstyrtDb db, JsonObject document)
    {
        if ((string?)document["format"] != BundleFormat.Format) return Invalid.Field("format", "Filen er ikke en ordningspakke fra Selvstyrt.");
        if (document["formatVersion"]?.GetValueKind() != JsonValueKind.Number || (int)document["formatVersion"]! != BundleFormat.Version)
            return Invalid.Field("formatVersion", $"Pakken har formatversjon {document["formatVersion"]}; denne versjonen av Selvstyrt leser versjon {BundleFormat.Version}.");
        // By the migration's name: the two engines' migrations have the same names in the same order but their own time stamps,
        // and a provider on SQLite may move an arrangement to one on PostgreSQL.
        var model = (string?)document["model"];
        if (model is null || !db.Database.GetMigrations().Select(MigrationName).Contains(MigrationName(model)))
            return Invalid.Field("model", "Pakken er laget av en nyere versjon av Selvstyrt enn denne; oppdater før du tar den inn.");
        if (document["sections"] is not JsonObject) return Invalid.Field("sections", "Pakken mangler innhold.");
        return null;
    }

    private static string MigrationName(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static IEnumerable<Guid> KeysOf(JsonObject row)
    {
        if (row["id"] is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id)) yield return id;
        foreach (var (_, value) in row)
        {
            if (value is not JsonArray list) continue;
            foreach (var inner in list.OfType<JsonObject>().SelectMany(KeysOf)) yield return inner;
        }
    }

    /// <summary>A name-based identifier (RFC 9562 version 8) from the receiving provider, the file and the old identifier.</summary>
    public static Guid Derive(Guid providerId, string sha256, Guid old)
    {
        var input = new byte[16 + sha256.Length + 16];
        providerId.TryWriteBytes(input);
        Encoding.ASCII.GetBytes(sha256, input.AsSpan(16));
        old.TryWriteBytes(input.AsSpan(16 + sha256.Length));
        var hash = SHA256.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    /// <summary>
    /// Matches what the bundle points to outside itself: the provider and every office become the receiving ones; a
    /// municipality is found by its number (or added); a person by e-mail (or given an account without a password); a
    /// competence kind by its name at the receiving provider (or added).
    /// </summary>
    private static async Task<Invalid?> MatchReferencesAsync(SelvstyrtDb db, UserManager<AppUser> users, JsonObject references, ImportTarget target, string sha256,
        Dictionary<Guid, Guid> map, List<AppUser> newAccounts, CancellationToken ct)
    {
        foreach (var item in Items(references, "providers")) map[Id(item)] = target.ProviderId;
        foreach (var item in Items(references, "offices")) map[Id(item)] = target.OfficeId;
        foreach (var item in Items(references, "municipalities"))
        {
            var number = (string?)item["number"] ?? "";
            var found = await db.Municipalities.Where(m => m.Number == number).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                var created = Municipality.New(Derive(target.ProviderId, sha256, Id(item)), number, (string?)item["name"]);
                if (created.Error is Invalid bad) return Invalid.Field("references.municipalities", bad.Fields.Values.First());
                db.Municipalities.Add(created.Value!);
                found = created.Value!.Id;
            }
            map[Id(item)] = found.Value;
        }
        var people = Items(references, "people").ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var email = (string?)people[i]["email"];
            var field = $"references.people[{i}].email";
            if (string.IsNullOrWhiteSpace(email)) return Invalid.Field(field, "Personen mangler e-postadresse; den trengs for å finne eller lage kontoen.");
            var found = await Accounts.FindOrCreateAsync(users, db, email.Trim(), (string?)people[i]["name"] ?? email, field);
            if (found.Error is Invalid refused) return refused;
            map[Id(people[i])] = found.Value!.User.Id;
            if (found.Value.Created) newAccounts.Add(found.Value.User);
        }
        var kinds = (await db.CompetenceKinds.Where(k => k.ProviderId == target.ProviderId).Select(k => new { k.Id, k.Name }).ToListAsync(ct))
            .ToDictionary(k => k.Name, k => k.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var item in Items(references, "competenceKinds"))
        {
            var name = ((string?)item["name"] ?? "").Trim();
            if (!kinds.TryGetValue(name, out var found))
            {
                var created = CompetenceKind.Create(Derive(target.ProviderId, sha256, Id(item)), target.ProviderId, name, (int?)item["validMonths"]);
                if (created.Error is Invalid bad) return Invalid.Field("references.competenceKinds", bad.Fields.Values.First());
                db.CompetenceKinds.Add(created.Value!);
                kinds[name] = found = created.Value!.Id;
            }
            map[Id(item)] = found;
        }
        return null;
    }

    private static IEnumerable<JsonObject> Items(JsonObject references, string name) => (references[name] as JsonArray ?? []).OfType<JsonObject>();

    private static Guid Id(JsonObject item) => Guid.TryParse((string?)item["id"], out var id) ? id : Guid.Empty;

    /// <summary>One record from its row: every field read as the model's type, identifiers rewritten, owned rows added to it.</summary>
    private static object? Build(SelvstyrtDb db, IEntityType type, JsonObject row, string path, Dictionary<Guid, Guid> map,
        IReadOnlyDictionary<string, byte[]> files, Dictionary<string, string> errors)
    {
        var fields = BundleFormat.Fields(type).ToList();
        var owned = BundleFormat.Owned(type).ToList();
        var names = fields.Select(f => BundleFormat.FieldName(f.Name)).Concat(owned.Select(o => BundleFormat.FieldName(o.Name))).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in row)
        {
            if (!names.Contains(name)) errors[$"{path}.{name}"] = "Ukjent felt; pakken er laget av en nyere versjon av Selvstyrt.";
        }
        var before = errors.Count;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in fields)
        {
            var name = BundleFormat.FieldName(property.Name);
            var at = $"{path}.{name}";
            var node = row[name];
            if (node is null)
            {
                if (!property.IsNullable) errors[at] = "Feltet må ha en verdi.";
                values[property.Name] = null;
                continue;
            }
            try
            {
                var value = property.ClrType == typeof(byte[]) ? FileOf(node, files) : node.Deserialize(property.ClrType, BundleFormat.Json);
                var rewritten = Rewrite(property, value, map);
                if (value is null && !property.IsNullable) errors[at] = "Feltet må ha en verdi.";
                else if (rewritten.Error is Invalid problem) errors[at] = problem.Fields.Values.First();
                else if (rewritten.Value is string text && property.GetMaxLength() is { } max && text.Length > max) errors[at] = $"Teksten kan være høyst {max} tegn.";
                else values[property.Name] = rewritten.Value;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                errors[at] = $"Verdien har feil form for feltet ({Kind(property.ClrType)}).";
            }
        }
        if (errors.Count > before) return null;

        var entity = Construct(type.ClrType, values);
        var entry = db.Entry(entity);
        foreach (var (name, value) in values) entry.Property(name).CurrentValue = value;
        foreach (var navigation in owned)
        {
            var list = row[BundleFormat.FieldName(navigation.Name)] as JsonArray ?? [];
            // Only owned collections are in the model (a talk's notes); an owned single record would need its own case here.
            var accessor = navigation.GetCollectionAccessor() ?? throw new InvalidOperationException($"{navigation.Name} is not a collection.");
            for (var i = 0; i < list.Count; i++)
            {
                var at = $"{path}.{BundleFormat.FieldName(navigation.Name)}[{i}]";
                if (list[i] is not JsonObject item) { errors[at] = "Raden må være et JSON-objekt."; continue; }
                if (Build(db, (IEntityType)navigation.TargetEntityType, item, at, map, files, errors) is not { } child) continue;
                accessor.Add(entity, child, forMaterialization: false);
            }
        }
        return entity;
    }

    private static byte[] FileOf(JsonNode node, IReadOnlyDictionary<string, byte[]> files)
    {
        var path = (string?)node["file"] ?? throw new FormatException();
        if (!files.TryGetValue(path, out var bytes)) throw new FormatException();
        var expected = (string?)node["sha256"];
        if (expected is not null && !string.Equals(expected, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.OrdinalIgnoreCase))
            throw new FormatException();
        return bytes;
    }

    /// <summary>
    /// An identifier of a record in the bundle becomes the new one; a pointer to a record of the bundle's kinds or outside
    /// it that the bundle does not describe is refused; other identifiers (an old payroll run) and texts keep what they
    /// say, with any identifier of a moved record inside a text rewritten.
    /// </summary>
    private static Result<object?> Rewrite(IProperty property, object? value, Dictionary<Guid, Guid> map)
    {
        switch (value)
        {
            case Guid id when map.TryGetValue(id, out var to):
                return to;
            case Guid id when property.IsForeignKey() && id != Guid.Empty:
                return Invalid.Field(property.Name, "Feltet peker til en post som ikke er med i pakken.");
            case string text:
                return BundleFormat.RewriteIds(text, map);
            default:
                return value;
        }
    }

    private static string Kind(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(LocalDate)) return "en dato som 2026-01-31";
        if (t == typeof(Instant)) return "et tidspunkt som 2026-01-31T12:00:00Z";
        if (t == typeof(Guid)) return "en identifikator";
        if (t.IsEnum) return "en av verdiene " + string.Join(", ", Enum.GetNames(t));
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double)) return "et tall";
        if (t == typeof(bool)) return "true eller false";
        if (t == typeof(string)) return "en tekst";
        return "se skjemaet";
    }

    /// <summary>
    /// The record made through its own constructor (so its lists start empty, not missing): the one with the most
    /// parameters that all name a field, given those fields' values; every field is then set through the model.
    /// </summary>
    private static object Construct(Type type, Dictionary<string, object?> values)
    {
        var constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => c.GetParameters().All(p => values.Keys.Any(k => string.Equals(k, p.Name, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null) return System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        var args = constructor.GetParameters()
            .Select(p => values.First(v => string.Equals(v.Key, p.Name, StringComparison.OrdinalIgnoreCase)).Value).ToArray();
        return constructor.Invoke(args);
    }
}
