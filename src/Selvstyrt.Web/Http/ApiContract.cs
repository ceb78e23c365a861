namespace Selvstyrt.Web.Http;

/// <summary>
/// What an API endpoint promises beyond its route, declared beside its handler as endpoint metadata that the OpenAPI document
/// reads (<see cref="ApiDocument"/>, ADR 0027): the multipart form it reads, a create that takes an <c>Idempotency-Key</c>, a
/// change that takes the revision the caller read in <c>If-Match</c>, the files it can answer with, and the shared answers of
/// creates and changes. Also the feature groups that tag the routes, and the 412 for a stale <c>If-Match</c>.
/// </summary>
public static class ApiContract
{
    /// <summary>The multipart form of a document upload: the PDF in <c>document</c>.</summary>
    public sealed record DocumentUpload(IFormFile Document);

    /// <summary>
    /// The multipart form of an import: the CSV or Excel file, the column choice as a JSON object from field to column, the
    /// provider (for a user of several), and <c>commit=true</c> to apply what the preview shows.
    /// </summary>
    public sealed record ImportUpload(IFormFile File, string? Mapping, Guid? ProviderId, bool? Commit);

    /// <summary>
    /// A multipart form the handler reads itself (<see cref="DocumentUpload"/>, <see cref="ImportUpload"/>): documented, and
    /// unlike <c>Accepts</c> not enforced by routing, so the handler's own Norwegian message names the missing part and an
    /// anonymous caller still gets 401 first.
    /// </summary>
    public sealed record Upload(Type Form);

    /// <summary>The create reads <c>Idempotency-Key</c>: a retry with the same key answers with the first record.</summary>
    public sealed record IdempotentCreate(bool KeyRequired);

    /// <summary>The change takes the revision the caller read (<c>If-Match</c>, or <c>revision</c>/<c>version</c> in the body).</summary>
    public sealed record TakesRevision(bool Required);

    /// <summary>A file the endpoint can answer with instead of JSON (by <c>format</c> or always).</summary>
    public sealed record Download(IReadOnlyList<string> ContentTypes);

    /// <summary>
    /// The answer of a create or a change: the record's id (a create answers 201, or 200 with the first record's id when its
    /// key was seen before; <see cref="Changes.Answer"/> answers 200).
    /// </summary>
    public sealed record RecordId(Guid Id);

    /// <summary>The answer of a create that also says where the new record is read.</summary>
    public sealed record CreatedAt(Guid Id, string Location);

    /// <summary>The answer of a document upload: the stored document's id.</summary>
    public sealed record DocumentStored(Guid DocumentId);

    /// <summary>A group for one feature's routes, tagged in the document (the tag must be one of <see cref="ApiDocument.Tags"/>).</summary>
    public static RouteGroupBuilder Feature(this RouteGroupBuilder api, string tag)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (!ApiDocument.Tags.Any(t => t.Name == tag)) throw new ArgumentException($"The tag {tag} has no description in ApiDocument.Tags.", nameof(tag));
        return api.MapGroup("").WithTags(tag);
    }

    /// <summary>Declares that the create takes <c>Idempotency-Key</c> (and whether it refuses a request without one).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder, bool keyRequired = false)
        => builder.WithMetadata(new IdempotentCreate(keyRequired));

    /// <summary>Declares that the change takes the caller's revision in <c>If-Match</c> (a stale one answers 412).</summary>
    public static RouteHandlerBuilder Revised(this RouteHandlerBuilder builder, bool required = true)
        => builder.WithMetadata(new TakesRevision(required));

    /// <summary>Declares the multipart form the handler reads (see <see cref="Upload"/>).</summary>
    public static RouteHandlerBuilder Uploads<TForm>(this RouteHandlerBuilder builder)
        => builder.WithMetadata(new Upload(typeof(TForm)));

    /// <summary>Declares the files the endpoint can answer with.</summary>
    public static RouteHandlerBuilder Downloads(this RouteHandlerBuilder builder, params string[] contentTypes)
        => builder.WithMetadata(new Download(contentTypes));

    /// <summary>Declares the answer of a create that answers with <see cref="RecordId"/>.</summary>
    public static RouteHandlerBuilder ProducesCreatedId(this RouteHandlerBuilder builder)
        => builder.Produces<RecordId>(StatusCodes.Status201Created).Produces<RecordId>(StatusCodes.Status200OK);

    /// <summary>Declares the answer of a create that answers with <see cref="CreatedAt"/> (201 new, 200 when the key was seen before).</summary>
    public static RouteHandlerBuilder ProducesCreatedAt(this RouteHandlerBuilder builder)
        => builder.Produces<CreatedAt>(StatusCodes.Status201Created).Produces<CreatedAt>(StatusCodes.Status200OK);

    /// <summary>
    /// A change refused because the revision the caller read is stale answers 412 Precondition Failed when the revision came
    /// in <c>If-Match</c> (RFC 9110: the precondition was false), and 409 when it came in the body.
    /// </summary>
    public static object? PreconditionFailedWhenStale(HttpContext http, object? result)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (result is not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } problem
            || http.Request.Headers.IfMatch.Count == 0
            || !problem.ProblemDetails.Extensions.TryGetValue("code", out var code) || code as string != ErrorMapping.StaleRevisionCode)
            return result;
        return TypedResults.Problem(title: "Revisjonen er utdatert", detail: problem.ProblemDetails.Detail,
            statusCode: StatusCodes.Status412PreconditionFailed, extensions: new Dictionary<string, object?> { ["code"] = ErrorMapping.StaleRevisionCode });
    }

    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";
}
