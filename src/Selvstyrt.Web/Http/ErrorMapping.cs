using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>
/// Maps typed failures to HTTP in one place (architecture principle 5): problem+json in Norwegian,
/// with the offending fields named; foreign and missing objects both become 404.
/// </summary>
public static class ErrorMapping
{
    public static IResult ToHttp(this Error error) => error switch
    {
        Invalid invalid => TypedResults.ValidationProblem(
            invalid.Fields.ToDictionary(f => f.Key, f => new[] { f.Value }),
            title: "Noen felt må rettes.",
            detail: string.Join(" ", invalid.Fields.Select(f => $"{f.Key}: {f.Value}"))),
        NotFound nf => TypedResults.Problem(title: "Ikke funnet", detail: nf.Message, statusCode: StatusCodes.Status404NotFound),
        Conflict c => TypedResults.Problem(title: "Konflikt", detail: c.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = c.StaleRevision ? StaleRevisionCode : "conflict" }),
        Domain.TimeSheets.TransitionRefused t => TypedResults.Problem(title: "Ikke tillatt i denne tilstanden", detail: t.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = "conflict" }),
        Forbidden f => TypedResults.Problem(title: "Ingen tilgang", detail: f.Message, statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Problem(title: "Noe gikk galt", detail: error.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    /// <summary>
    /// Whether an unhandled exception means the database is out of reach for now (a dropped or refused connection, a lock
    /// held too long): the request gets 503 with <c>Retry-After</c> instead of 500, so a client retries (quality.md R2).
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true } or TimeoutException) return true;
        }
        return false;
    }

    /// <summary>The seconds a client is asked to wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The problem's <c>code</c> when the revision the caller read is stale (409 from the body, 412 from <c>If-Match</c>).</summary>
    public const string StaleRevisionCode = "stale_revision";

    public static IResult NotFoundProblem() => new NotFound().ToHttp();

    /// <summary>Norwegian titles for the statuses the framework itself produces (400 on unreadable input, 401, 404, 405, 415, 500).</summary>
    public static string TitleFor(int status) => status switch
    {
        400 => "Ugyldig forespørsel",
        401 => "Du må logge inn",
        403 => "Ingen tilgang",
        404 => "Ikke funnet",
        405 => "Metoden er ikke tillatt",
        409 => "Konflikt",
        413 => "Forespørselen er for stor",
        415 => "Innholdstypen støttes ikke",
        503 => "Tjenesten er midlertidig utilgjengelig",
        _ when status >= 500 => "Noe gikk galt hos oss",
        _ => "Feil",
    };

    public static string DetailFor(int status) => status switch
    {
        400 => "Forespørselen kunne ikke leses. Sjekk at innholdet er gyldig JSON med riktige felt.",
        401 => "Logg inn eller bruk en gyldig API-nøkkel.",
        403 => "Du har ikke tilgang til dette.",
        404 => "Fant ikke det du lette etter.",
        405 => "Denne adressen støtter ikke denne metoden.",
        415 => "Send innholdet som application/json.",
        503 => "Databasen svarer ikke akkurat nå. Prøv igjen om noen sekunder; ingenting du allerede har lagret er tapt.",
        _ when status >= 500 => "Feilen er logget. Prøv igjen om litt. Ingenting du allerede har lagret er tapt.",
        _ => "Forespørselen kunne ikke behandles.",
    };
}

/// <summary>
/// Reads a JSON body strictly: unknown fields are refused (a typo must not silently change meaning)
/// and every failure names the field in Norwegian.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            MaxDepth = 32,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new TextWithoutNul());
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return o;
    }

    /// <summary>
    /// Refuses a text holding the NUL character (U+0000): no one means it, PostgreSQL cannot store it in a text column,
    /// and a client sending it has a bug worth hearing about (quality.md S6). The field is named like any other bad field.
    /// </summary>
    internal sealed class TextWithoutNul : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0', StringComparison.Ordinal) ? throw new NulInTextException() : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }

    internal sealed class NulInTextException() : JsonException("Teksten inneholder et nulltegn (U+0000), som ikke kan lagres.");

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Invalid.Field("Content-Type", "Innholdet må sendes som application/json.");
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? Invalid.Field("$", "Forespørselen mangler innhold.") : value;
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? FieldFromMessage(ex.Message) : ex.Path.TrimStart('$', '.');
            var message = ex is NulInTextException ? "Teksten inneholder et nulltegn (U+0000), som ikke kan lagres."
                : ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Ukjent felt."
                : "Feltet har feil format eller type.";
            return Invalid.Field(string.IsNullOrEmpty(field) ? "$" : field, message);
        }
    }

    private static string FieldFromMessage(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return start >= 0 && end > start ? message[(start + 1)..end] : "$";
    }
}
