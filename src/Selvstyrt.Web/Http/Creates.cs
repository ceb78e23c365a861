using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Http;

/// <summary>How an idempotent create reads its key and answers: 201 with the new id, or 200 with the first one when the key was seen before.</summary>
public static class Creates
{
    /// <summary>The request's <c>Idempotency-Key</c> header, or null when it has none.</summary>
    public static string? Key(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
    }

    /// <summary>
    /// The id a create gets: derived from the idempotency key within <paramref name="scope"/> (so a retry finds the record it made),
    /// or a new one without a key; a key over 100 characters is refused, naming the field.
    /// </summary>
    public static Result<Guid> IdFor(string scope, string? key)
        => key is { Length: > 100 } ? Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.")
            : string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For(scope, key);

    public static IResult Answer(Result<(Guid Id, bool Existed)> result, string location)
        => !result.IsSuccess ? result.Error!.ToHttp()
            : result.Value.Existed ? Results.Ok(new ApiContract.RecordId(result.Value.Id)) : Results.Created(location, new ApiContract.RecordId(result.Value.Id));
}

/// <summary>How an edit answers: 200 with the record's id, or the error.</summary>
public static class Changes
{
    public static IResult Answer(Result<Guid> result) => result.IsSuccess ? Results.Ok(new ApiContract.RecordId(result.Value)) : result.Error!.ToHttp();
}
