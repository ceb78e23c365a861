using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace Selvstyrt.Web.Http;

/// <summary>
/// An example of a request body for the OpenAPI document, made from the body's type with the API's own JSON settings, so
/// that every field it names exists and every value has the type and format the reader takes (a test reads each one back
/// with the API's strict reader). Values are plausible rather than meaningful: a Norwegian phone number for a phone, a
/// date in the demo's month for a date.
/// </summary>
public static class ApiExamples
{
    private static readonly Guid ExampleId = Guid.Parse("0193a5f0-7c1e-7a42-9b3d-5e6f70819203");

    public static JsonNode? For(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        return Value(type, "", options, depth: 0);
    }

    private static JsonNode? Value(Type type, string name, JsonSerializerOptions options, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var simple = Simple(type, name.ToLowerInvariant());
        if (simple is not null) return JsonSerializer.SerializeToNode(simple, type, options);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.Length == 0 ? null : JsonSerializer.SerializeToNode(values.GetValue(0), type, options);
        }
        if (depth > 4) return null;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable when info.ElementType is { } element:
                return new JsonArray(Value(element, Singular(name), options, depth + 1));
            case JsonTypeInfoKind.Dictionary when info.ElementType is { } element:
                return new JsonObject { ["eksempel"] = Value(element, name, options, depth + 1) };
            case JsonTypeInfoKind.Object:
                var obj = new JsonObject();
                foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
                    obj[property.Name] = Value(property.PropertyType, property.Name, options, depth + 1);
                return obj;
            default:
                return null;
        }
    }

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;

    /// <summary>A plain value for the field, or null when the type is not a plain value.</summary>
    private static object? Simple(Type type, string name)
    {
        if (type == typeof(string)) return Text(name);
        if (type == typeof(Guid)) return ExampleId;
        if (type == typeof(bool)) return true;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            return Convert.ChangeType(Number(name), type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(decimal)) return 7.5m;
        if (type == typeof(double)) return 7.5d;
        if (type == typeof(LocalDate)) return new LocalDate(2026, 12, 1);
        if (type == typeof(LocalTime)) return new LocalTime(7, 0);
        if (type == typeof(LocalDateTime)) return new LocalDateTime(2026, 12, 1, 7, 0);
        if (type == typeof(Instant)) return Instant.FromUtc(2026, 12, 1, 6, 0);
        if (type == typeof(YearMonth)) return new YearMonth(2026, 12);
        if (type == typeof(Duration)) return Duration.FromHours(8);
        return null;
    }

    private static int Number(string name) => name switch
    {
        _ when name.Contains("offset", StringComparison.Ordinal) => 60,
        _ when name.Contains("minutes", StringComparison.Ordinal) => 480,
        _ when name.Contains("hours", StringComparison.Ordinal) => 40,
        _ when name.Contains("year", StringComparison.Ordinal) => 2026,
        _ when name.Contains("month", StringComparison.Ordinal) => 12,
        _ when name.Contains("percent", StringComparison.Ordinal) => 100,
        _ => 1,
    };

    private static string Text(string name) => name switch
    {
        _ when name.Contains("email", StringComparison.Ordinal) => "kari.nordmann@example.no",
        _ when name.Contains("phone", StringComparison.Ordinal) => "+4791234567",
        _ when name.Contains("month", StringComparison.Ordinal) => "2026-12",
        _ when name.Contains("municipalitynumber", StringComparison.Ordinal) => "0301",
        _ when name.Contains("birth", StringComparison.Ordinal) => "2001-04-17",
        _ when name.Contains("name", StringComparison.Ordinal) => "Kari Nordmann",
        _ when name.Contains("reason", StringComparison.Ordinal) || name.Contains("note", StringComparison.Ordinal) => "Avtalt med arbeidsleder.",
        _ => "Tekst",
    };
}
