using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using Selvstyrt.Data;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>
/// The JSON Schema (2020-12) of the bundle, made from the data model the bundle is read and written by, so the two never
/// disagree; a test keeps <c>docs/bundle/arrangement-bundle-v1.schema.json</c> equal to it, and every bundle carries it.
/// </summary>
public static class BundleSchema
{
    public static string Generate(SelvstyrtDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var defs = new JsonObject
        {
            ["file"] = new JsonObject
            {
                ["description"] = "A stored file (a PDF) inside the bundle, by its path in the ZIP file and its SHA-256.",
                ["type"] = "object", ["additionalProperties"] = false, ["required"] = new JsonArray("file", "sha256"),
                ["properties"] = new JsonObject { ["file"] = Text(), ["sha256"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9a-f]{64}$" } },
            },
            ["reference"] = Reference(),
        };
        var sections = new JsonObject();
        foreach (var section in BundleFormat.Sections)
        {
            AddRow(defs, section.Name, BundleFormat.EntityType(db, section.Type));
            sections[section.Name] = new JsonObject { ["type"] = "array", ["items"] = Ref(section.Name) };
        }
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "urn:selvstyrt:arrangement-bundle:1",
            ["title"] = "Selvstyrt: ordningspakke (arrangement bundle), format version 1",
            ["description"] = "One BPA arrangement with its history, as moved between providers. See docs/bundle.md.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("format", "formatVersion", "model", "exportedAt", "exportedOn", "arrangementId", "source", "references", "sections"),
            ["properties"] = new JsonObject
            {
                ["format"] = new JsonObject { ["const"] = BundleFormat.Format },
                ["formatVersion"] = new JsonObject { ["const"] = BundleFormat.Version },
                ["model"] = new JsonObject { ["type"] = "string", ["description"] = "The last database migration of the installation that wrote the bundle." },
                ["exportedAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["exportedOn"] = new JsonObject { ["type"] = "string", ["format"] = "date", ["description"] = "The day in Norway; assistants with an assignment not ended by then move along." },
                ["arrangementId"] = Uuid(),
                ["source"] = new JsonObject
                {
                    ["type"] = "object", ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["providerId"] = Uuid(), ["name"] = Text(), ["organisationNumber"] = Text() },
                },
                ["references"] = new JsonObject
                {
                    ["type"] = "object", ["additionalProperties"] = false,
                    ["properties"] = new JsonObject(BundleFormat.External.Values.Select(name =>
                        KeyValuePair.Create<string, JsonNode?>(name, new JsonObject { ["type"] = "array", ["items"] = Ref("reference") }))),
                },
                ["sections"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = sections },
            },
            ["$defs"] = defs,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void AddRow(JsonObject defs, string name, IEntityType type)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in BundleFormat.Fields(type))
        {
            var field = BundleFormat.FieldName(property.Name);
            properties[field] = Field(property);
            if (!property.IsNullable) required.Add(field);
        }
        foreach (var navigation in BundleFormat.Owned(type))
        {
            var inner = $"{name}.{BundleFormat.FieldName(navigation.Name)}";
            AddRow(defs, inner, (IEntityType)navigation.TargetEntityType);
            properties[BundleFormat.FieldName(navigation.Name)] = new JsonObject { ["type"] = "array", ["items"] = Ref(inner) };
        }
        defs[name] = new JsonObject
        {
            ["description"] = $"A row of {type.ClrType.Name} ({type.GetTableName()}).",
            ["type"] = "object", ["additionalProperties"] = false, ["required"] = required, ["properties"] = properties,
        };
    }

    private static JsonObject Field(IProperty property)
    {
        var schema = Of(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);
        if (property.ClrType == typeof(string) && property.GetMaxLength() is { } max) schema["maxLength"] = max;
        if (property.IsForeignKey()) schema["description"] = $"Points to {string.Join(", ", property.GetContainingForeignKeys().Select(f => f.PrincipalEntityType.ClrType.Name))}.";
        if (!property.IsNullable) return schema;
        if (schema["enum"] is JsonArray values) values.Add(null);
        return schema["type"] is JsonValue kind
            ? Replace(schema, "type", new JsonArray(kind.GetValue<string>(), "null"))
            : new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
    }

    private static JsonObject Replace(JsonObject schema, string key, JsonNode value)
    {
        schema[key] = value;
        return schema;
    }

    private static JsonObject Of(Type type)
    {
        if (type == typeof(Guid)) return Uuid();
        if (type == typeof(string)) return Text();
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return new JsonObject { ["type"] = "integer" };
        if (type == typeof(decimal) || type == typeof(double)) return new JsonObject { ["type"] = "number" };
        if (type == typeof(LocalDate)) return new JsonObject { ["type"] = "string", ["format"] = "date" };
        if (type == typeof(Instant)) return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        if (type == typeof(LocalTime)) return new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{2}:\\d{2}:\\d{2}" };
        if (type == typeof(LocalDateTime)) return new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}" };
        if (type == typeof(byte[])) return Ref("file");
        if (type.IsEnum)
        {
            var names = new JsonArray(Enum.GetNames(type).Select(n => (JsonNode)n).ToArray());
            return type.IsDefined(typeof(FlagsAttribute), false)
                ? new JsonObject { ["type"] = "string", ["description"] = "One or more of " + string.Join(", ", Enum.GetNames(type)) + ", separated by \", \"." }
                : new JsonObject { ["type"] = "string", ["enum"] = names };
        }
        var item = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (item is not null) return new JsonObject { ["type"] = "array", ["items"] = Of(item) };
        return new JsonObject { ["type"] = "object", ["description"] = $"{type.Name}, with its fields by name." };
    }

    private static JsonObject Uuid() => new() { ["type"] = "string", ["format"] = "uuid" };

    private static JsonObject Text() => new() { ["type"] = "string" };

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/$defs/{name}" };

    private static JsonObject Reference() => new()
    {
        ["description"] = "A record outside the bundle that rows point to; the receiver matches it (see docs/bundle.md).",
        ["type"] = "object",
        ["required"] = new JsonArray("id"),
        ["properties"] = new JsonObject
        {
            ["id"] = Uuid(), ["name"] = Text(), ["number"] = Text(), ["organisationNumber"] = Text(), ["email"] = Text(),
            ["validMonths"] = new JsonObject { ["type"] = new JsonArray("integer", "null") },
        },
        ["additionalProperties"] = false,
    };
}
