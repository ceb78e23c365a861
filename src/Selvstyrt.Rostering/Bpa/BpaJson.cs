using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>Bad input to the BPA format: the message names the field (e.g. <c>assistants[2].position</c>) in Norwegian.</summary>
public sealed class BpaInputException(string message) : Exception(message)
{
    public BpaInputException() : this("Ugyldig inndata.") { }
    public BpaInputException(string message, Exception inner) : this(message) => _ = inner;
}

/// <summary>Reads and writes the BPA problem format (docs/rostering/bpa-format.md) strictly: unknown fields are errors too.</summary>
public static class BpaJson
{
    private static readonly Dictionary<string, IsoDayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = IsoDayOfWeek.Monday, ["tue"] = IsoDayOfWeek.Tuesday, ["wed"] = IsoDayOfWeek.Wednesday, ["thu"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday, ["sat"] = IsoDayOfWeek.Saturday, ["sun"] = IsoDayOfWeek.Sunday,
        ["man"] = IsoDayOfWeek.Monday, ["tir"] = IsoDayOfWeek.Tuesday, ["ons"] = IsoDayOfWeek.Wednesday, ["tor"] = IsoDayOfWeek.Thursday,
        ["fre"] = IsoDayOfWeek.Friday, ["lør"] = IsoDayOfWeek.Saturday, ["søn"] = IsoDayOfWeek.Sunday,
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Short = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static BpaProblem Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new BpaInputException($"Filen er ikke gyldig JSON (linje {e.LineNumber + 1}).");
        }
        using (document)
        {
            var root = document.RootElement;
            Expect(root, "", JsonValueKind.Object);
            Only(root, "", "arrangement", "employer", "startsOn", "weeks", "zone", "fullTimeHours", "templates", "assistants", "weights");
            var zoneId = OptionalString(root, "zone") ?? "Europe/Oslo";
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new BpaInputException($"zone: ukjent tidssone «{zoneId}».");
            var startsOn = Date(root, "startsOn", "startsOn");
            if (startsOn.DayOfWeek != IsoDayOfWeek.Monday) throw new BpaInputException("startsOn: turnusen må begynne på en mandag.");
            var weeks = Int(root, "weeks", "weeks", 1, 12);
            var templates = Array(root, "templates", "templates").Select((t, i) => Template(t, $"templates[{i}]")).ToList();
            if (templates.Count == 0) throw new BpaInputException("templates: minst én vakttype trengs.");
            Unique(templates.Select(t => t.Id), "templates", "id");
            var assistants = Array(root, "assistants", "assistants").Select((a, i) => Assistant(a, $"assistants[{i}]", templates, zone)).ToList();
            Unique(assistants.Select(a => a.Id), "assistants", "id");
            var full = root.TryGetProperty("fullTimeHours", out var f) ? Number(f, "fullTimeHours", 1, 60) : 35.5;
            return new BpaProblem(String(root, "arrangement", "arrangement"), OptionalString(root, "employer") ?? "arbeidsgiver", startsOn, weeks, templates, assistants)
            {
                Zone = zone, FullTimeHours = full, Weights = root.TryGetProperty("weights", out var w) ? Weights(w) : new BpaWeights(),
            };
        }
    }

    private static BpaTemplate Template(JsonElement e, string path)
    {
        Expect(e, path, JsonValueKind.Object);
        Only(e, path, "id", "name", "start", "minutes", "staffing", "days", "passive", "paidPauseMinutes", "competences");
        var minutes = Int(e, "minutes", $"{path}.minutes", 15, ShiftTemplate.MaxLengthMinutes);
        var passive = e.TryGetProperty("passive", out var p)
            ? Elements(p, $"{path}.passive").Select((x, i) =>
            {
                Only(x, $"{path}.passive[{i}]", "offset", "minutes");
                return new ShiftPart(Int(x, "offset", $"{path}.passive[{i}].offset", 0, minutes), Int(x, "minutes", $"{path}.passive[{i}].minutes", 1, minutes));
            }).ToList()
            : [];
        var pause = e.TryGetProperty("paidPauseMinutes", out _) ? Int(e, "paidPauseMinutes", $"{path}.paidPauseMinutes", 0, minutes - 1) : 0;
        var fields = ShiftShape.Validate(minutes, PlanShiftKind.Day, passive, pause);
        if (fields.Count > 0) throw new BpaInputException($"{path}.{fields.Keys.First()}: {fields.Values.First()}");
        var id = String(e, "id", $"{path}.id");
        return new BpaTemplate(id, OptionalString(e, "name") ?? id, Time(e, "start", $"{path}.start"), minutes, Int(e, "staffing", $"{path}.staffing", 1, 2), Days(e, "days", $"{path}.days"))
        {
            Passive = passive, PaidPauseMinutes = pause, Competences = Strings(e, "competences", $"{path}.competences"),
        };
    }

    private static BpaAssistant Assistant(JsonElement e, string path, List<BpaTemplate> templates, DateTimeZone zone)
    {
        Expect(e, path, JsonValueKind.Object);
        Only(e, path, "id", "name", "position", "competences", "unavailable", "unavailableDates", "wishes", "fixedShifts", "otherEmployerHoursPerWeek", "longShifts", "sundayAgreement", "preferred");
        var id = String(e, "id", $"{path}.id");
        var unavailable = e.TryGetProperty("unavailable", out var u)
            ? Elements(u, $"{path}.unavailable").Select((x, i) =>
            {
                var p = $"{path}.unavailable[{i}]";
                Only(x, p, "days", "from", "to");
                return new BpaUnavailable(Days(x, "days", $"{p}.days"), Time(x, "from", $"{p}.from"), Time(x, "to", $"{p}.to"));
            }).ToList()
            : [];
        var dates = e.TryGetProperty("unavailableDates", out var d) ? Elements(d, $"{path}.unavailableDates").Select((x, i) => ParseDate(x, $"{path}.unavailableDates[{i}]")).ToList() : [];
        var wishes = e.TryGetProperty("wishes", out var w)
            ? Elements(w, $"{path}.wishes").Select((x, i) =>
            {
                var p = $"{path}.wishes[{i}]";
                Only(x, p, "template", "days", "weight");
                var template = OptionalString(x, "template");
                if (template is not null && templates.All(t => t.Id != template)) throw new BpaInputException($"{p}.template: vakttypen «{template}» finnes ikke.");
                var weight = Int(x, "weight", $"{p}.weight", -100, 100);
                return weight == 0 ? throw new BpaInputException($"{p}.weight: vekten kan ikke være 0 (positiv for ønsket, negativ for uønsket).") : new BpaWish(template, Days(x, "days", $"{p}.days"), weight);
            }).ToList()
            : [];
        var fixedShifts = e.TryGetProperty("fixedShifts", out var fs)
            ? Elements(fs, $"{path}.fixedShifts").Select((x, i) =>
            {
                var p = $"{path}.fixedShifts[{i}]";
                Only(x, p, "start", "end", "arrangement");
                var start = Instant(x, "start", $"{p}.start");
                var end = Instant(x, "end", $"{p}.end");
                return end <= start ? throw new BpaInputException($"{p}.end: slutt må være etter start.") : new BpaFixedShift(start, end, OptionalString(x, "arrangement"));
            }).ToList()
            : [];
        _ = zone;
        return new BpaAssistant(id, OptionalString(e, "name") ?? id, Number(Required(e, "position", $"{path}.position"), $"{path}.position", 0, 100))
        {
            Competences = Strings(e, "competences", $"{path}.competences"), Unavailable = unavailable, UnavailableDates = dates, Wishes = wishes, FixedShifts = fixedShifts,
            OtherEmployerHoursPerWeek = e.TryGetProperty("otherEmployerHoursPerWeek", out var o) ? Number(o, $"{path}.otherEmployerHoursPerWeek", 0, 100) : 0,
            LongShifts = e.TryGetProperty("longShifts", out var l) && Bool(l, $"{path}.longShifts"),
            SundayAgreement = e.TryGetProperty("sundayAgreement", out var sa) && Bool(sa, $"{path}.sundayAgreement"),
            Preferred = e.TryGetProperty("preferred", out var pr) && Bool(pr, $"{path}.preferred"),
        };
    }

    private static BpaWeights Weights(JsonElement e)
    {
        Expect(e, "weights", JsonValueKind.Object);
        Only(e, "weights", "uncovered", "position", "overtime", "recipient", "wishes", "nightFairness", "weekendFairness", "patternChange", "singleDay", "faces");
        var w = new BpaWeights();
        int W(string name, int fallback) => e.TryGetProperty(name, out _) ? Int(e, name, $"weights.{name}", 0, 1_000_000) : fallback;
        return w with
        {
            Uncovered = W("uncovered", w.Uncovered), Position = W("position", w.Position), Overtime = W("overtime", w.Overtime), Recipient = W("recipient", w.Recipient),
            Wishes = W("wishes", w.Wishes), NightFairness = W("nightFairness", w.NightFairness), WeekendFairness = W("weekendFairness", w.WeekendFairness),
            PatternChange = W("patternChange", w.PatternChange), SingleDay = W("singleDay", w.SingleDay), Faces = W("faces", w.Faces),
        };
    }

    /// <summary>The proposal as JSON: status, objective, bound, seconds, penalties, shifts and the engine's findings.</summary>
    public static string Write(BpaProblem problem, BpaResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var offset = OffsetDateTimePattern.ExtendedIso;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("status", result.Summary.Status.ToString().ToUpperInvariant());
            if (result.Summary.Objective is { } o) json.WriteNumber("objective", o); else json.WriteNull("objective");
            if (result.Summary.Bound is { } b) json.WriteNumber("bound", b); else json.WriteNull("bound");
            json.WriteNumber("seconds", Math.Round(result.Summary.Seconds, 2));
            json.WriteNumber("judgeRounds", result.JudgeRounds);
            if (result.ProvenMinimumUncovered is { } minimum) json.WriteNumber("provenMinimumUncovered", minimum);
            else json.WriteNull("provenMinimumUncovered");
            json.WriteStartArray("penalties");
            foreach (var p in result.Penalties)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                json.WriteString("label", p.Label);
                json.WriteNumber("units", p.Units);
                json.WriteNumber("weight", p.Weight);
                json.WriteNumber("cost", p.Cost);
                json.WriteString("explanation", p.Explanation);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("shifts");
            foreach (var s in result.Shifts)
            {
                json.WriteStartObject();
                json.WriteNumber("week", s.Week);
                json.WriteString("day", Short[(int)s.Day]);
                json.WriteString("date", LocalDatePattern.Iso.Format(s.Date));
                json.WriteString("template", s.Template);
                json.WriteString("assistant", s.Assistant);
                json.WriteString("start", offset.Format(s.Start.InZone(problem.Zone).ToOffsetDateTime()));
                json.WriteString("end", offset.Format(s.End.InZone(problem.Zone).ToOffsetDateTime()));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                json.WriteString("assistant", f.Assistant);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Expect(JsonElement e, string path, JsonValueKind kind)
    {
        if (e.ValueKind != kind) throw new BpaInputException($"{(path.Length == 0 ? "(rot)" : path)}: forventet {(kind == JsonValueKind.Object ? "et objekt" : "en liste")}.");
    }

    private static void Only(JsonElement e, string path, params string[] names)
    {
        Expect(e, path, JsonValueKind.Object);
        foreach (var p in e.EnumerateObject())
        {
            if (!names.Contains(p.Name, StringComparer.Ordinal)) throw new BpaInputException($"{(path.Length == 0 ? "" : path + ".")}{p.Name}: ukjent felt.");
        }
    }

    private static JsonElement Required(JsonElement e, string name, string path)
        => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : throw new BpaInputException($"{path}: feltet mangler.");

    private static string String(JsonElement e, string name, string path)
    {
        var v = Required(e, name, path);
        return v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length is > 0 and <= 200 ? v.GetString()!.Trim() : throw new BpaInputException($"{path}: må være tekst (1-200 tegn).");
    }

    private static string? OptionalString(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;

    private static int Int(JsonElement e, string name, string path, int min, int max)
    {
        var v = Required(e, name, path);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max ? i : throw new BpaInputException($"{path}: må være et heltall fra {min} til {max}.");
    }

    private static double Number(JsonElement v, string path, double min, double max)
        => v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= min && d <= max ? d : throw new BpaInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: må være et tall fra {min} til {max}."));

    private static bool Bool(JsonElement v, string path)
        => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw new BpaInputException($"{path}: må være true eller false.");

    private static List<JsonElement> Elements(JsonElement v, string path)
    {
        if (v.ValueKind != JsonValueKind.Array) throw new BpaInputException($"{path}: forventet en liste.");
        return [.. v.EnumerateArray()];
    }

    private static List<JsonElement> Array(JsonElement e, string name, string path) => Elements(Required(e, name, path), path);

    private static List<string> Strings(JsonElement e, string name, string path)
        => e.TryGetProperty(name, out var v)
            ? Elements(v, path).Select((x, i) => x.ValueKind == JsonValueKind.String ? x.GetString()!.Trim() : throw new BpaInputException($"{path}[{i}]: må være tekst.")).Where(s => s.Length > 0).ToList()
            : [];

    private static List<IsoDayOfWeek> Days(JsonElement e, string name, string path)
    {
        var days = Elements(Required(e, name, path), path).Select((x, i) =>
            x.ValueKind == JsonValueKind.String && DayNames.TryGetValue(x.GetString()!, out var d) ? d : throw new BpaInputException($"{path}[{i}]: ukjent ukedag (bruk mon-sun eller man-søn).")).Distinct().ToList();
        return days.Count > 0 ? days : throw new BpaInputException($"{path}: minst én ukedag trengs.");
    }

    private static LocalTime Time(JsonElement e, string name, string path)
    {
        var v = Required(e, name, path);
        var parsed = v.ValueKind == JsonValueKind.String ? LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(v.GetString()!) : null;
        return parsed is { Success: true } ? parsed.Value : throw new BpaInputException($"{path}: må være et klokkeslett som «07:30».");
    }

    private static LocalDate Date(JsonElement e, string name, string path) => ParseDate(Required(e, name, path), path);

    private static LocalDate ParseDate(JsonElement v, string path)
    {
        var parsed = v.ValueKind == JsonValueKind.String ? LocalDatePattern.Iso.Parse(v.GetString()!) : null;
        return parsed is { Success: true } ? parsed.Value : throw new BpaInputException($"{path}: må være en dato som «2027-01-04».");
    }

    private static Instant Instant(JsonElement e, string name, string path)
    {
        var v = Required(e, name, path);
        var parsed = v.ValueKind == JsonValueKind.String ? OffsetDateTimePattern.ExtendedIso.Parse(v.GetString()!) : null;
        return parsed is { Success: true } ? parsed.Value.ToInstant() : throw new BpaInputException($"{path}: må være et tidspunkt med forskyvning, som «2027-01-05T08:00:00+01:00».");
    }

    private static void Unique(IEnumerable<string> ids, string path, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, i) in ids.Select((x, i) => (x, i)))
        {
            if (!seen.Add(id)) throw new BpaInputException($"{path}[{i}].{field}: «{id}» er brukt før.");
        }
    }

    /// <summary>A problem as the format's JSON (the generated instances are written with it for the command line).</summary>
    public static string WriteProblem(BpaProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var offset = OffsetDateTimePattern.ExtendedIso;
        var doc = new Dictionary<string, object?>
        {
            ["arrangement"] = problem.Arrangement, ["employer"] = problem.Employer, ["startsOn"] = LocalDatePattern.Iso.Format(problem.StartsOn), ["weeks"] = problem.Weeks,
            ["zone"] = problem.Zone.Id, ["fullTimeHours"] = problem.FullTimeHours,
            ["templates"] = problem.Templates.Select(t => new Dictionary<string, object?>
            {
                ["id"] = t.Id, ["name"] = t.Name, ["start"] = time.Format(t.Start), ["minutes"] = t.Minutes, ["staffing"] = t.Staffing, ["days"] = t.Days.Select(d => Short[(int)d]).ToList(),
                ["passive"] = t.Passive.Select(p => new { offset = p.OffsetMinutes, minutes = p.LengthMinutes }).ToList(), ["paidPauseMinutes"] = t.PaidPauseMinutes, ["competences"] = t.Competences,
            }).ToList(),
            ["assistants"] = problem.Assistants.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id, ["name"] = a.Name, ["position"] = a.PositionPercent, ["competences"] = a.Competences,
                ["unavailable"] = a.Unavailable.Select(u => new { days = u.Days.Select(d => Short[(int)d]).ToList(), from = time.Format(u.From), to = time.Format(u.To) }).ToList(),
                ["unavailableDates"] = a.UnavailableDates.Select(LocalDatePattern.Iso.Format).ToList(),
                ["wishes"] = a.Wishes.Select(w => new { template = w.Template, days = w.Days.Select(d => Short[(int)d]).ToList(), weight = w.Weight }).ToList(),
                ["fixedShifts"] = a.FixedShifts.Select(f => new { start = offset.Format(f.Start.InZone(problem.Zone).ToOffsetDateTime()), end = offset.Format(f.End.InZone(problem.Zone).ToOffsetDateTime()), arrangement = f.Arrangement }).ToList(),
                ["otherEmployerHoursPerWeek"] = a.OtherEmployerHoursPerWeek, ["longShifts"] = a.LongShifts, ["sundayAgreement"] = a.SundayAgreement, ["preferred"] = a.Preferred,
            }).ToList(),
        };
        return JsonSerializer.Serialize(doc, Indented) + "\n";
    }

    internal static string Day(IsoDayOfWeek day) => Short[(int)day];
}
