using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Rules.Io;

/// <summary>Writes a check's result as the batch check's JSON or as one line per finding for people.</summary>
public static class CheckOutput
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>The JSON form (check-format.md, "Output").</summary>
    public static string Json(CheckResult result, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", Severity(f.Severity));
                Nullable(json, "assistant", f.Assistant);
                Nullable(json, "employer", f.Employer);
                json.WriteStartArray("shifts");
                foreach (var s in f.Shifts) json.WriteStringValue(s);
                json.WriteEndArray();
                json.WriteString("from", Pattern.Format(f.From.InZone(zone).ToOffsetDateTime()));
                json.WriteString("to", Pattern.Format(f.To.InZone(zone).ToOffsetDateTime()));
                if (f.Measured is { } m) json.WriteNumber("measured", m); else json.WriteNull("measured");
                if (f.Limit is { } l) json.WriteNumber("limit", l); else json.WriteNull("limit");
                Nullable(json, "unit", f.Unit);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("shifts");
            foreach (var s in result.Shifts)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteNumber("hours", s.Hours);
                json.WriteNumber("nightHours", s.NightHours);
                json.WriteNumber("sundayHolidayHours", s.SundayHolidayHours);
                json.WriteNumber("legalOvertimeHours", s.LegalOvertimeHours);
                json.WriteNumber("passiveHours", s.PassiveHours);
                if (s.Supplements is not null)
                {
                    if (s.PaidHours is { } paid) json.WriteNumber("paidHours", paid); else json.WriteNull("paidHours");
                    json.WriteStartObject("supplements");
                    foreach (var (key, hours) in s.Supplements) json.WriteNumber(key, hours);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One finding a line, for people: time span, severity, rule, assistant, message.</summary>
    public static string Text(CheckResult result, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var f in result.Findings)
        {
            var from = f.From.InZone(zone).LocalDateTime;
            var to = f.To.InZone(zone).LocalDateTime;
            text.Append(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd HH:mm}–{to:yyyy-MM-dd HH:mm}  {Label(f.Severity),-9} {f.Rule,-12} {f.Assistant ?? f.Employer ?? "-",-8} {f.Message}");
            text.Append('\n');
        }
        if (result.Findings.Count == 0) text.Append("Ingen funn.\n");
        return text.ToString();
    }

    private static string Severity(Severity severity) => severity switch
    {
        Engine.Severity.Breach => "breach",
        Engine.Severity.Warn => "warn",
        _ => "info",
    };

    private static string Label(Severity severity) => severity switch
    {
        Engine.Severity.Breach => "BRUDD",
        Engine.Severity.Warn => "ADVARSEL",
        _ => "INFO",
    };

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
