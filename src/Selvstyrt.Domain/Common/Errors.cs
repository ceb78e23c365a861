namespace Selvstyrt.Domain.Common;

/// <summary>
/// Expected failures as typed values (architecture principle 5). Pages and the API map them in one
/// place: <see cref="NotFound"/> to 404, <see cref="Invalid"/> to 400 with the field named,
/// <see cref="Conflict"/> to 409. Exceptions are reserved for bugs.
/// </summary>
public abstract record Error(string Code, string Message);

/// <summary>The object does not exist, or the caller may not know that it exists (both answer 404).</summary>
public sealed record NotFound(string Message = "Fant ikke det du lette etter.") : Error("not_found", Message);

/// <summary>One or more fields are wrong. Keys are field names as the caller sent them.</summary>
public sealed record Invalid(IReadOnlyDictionary<string, string> Fields)
    : Error("invalid", "Noen felt må rettes: " + string.Join(" ", Fields.Values))
{
    public static Invalid Field(string field, string message) => new(new Dictionary<string, string> { [field] = message });
}

/// <summary>Somebody else changed the same record first; the caller should reload and try again.</summary>
public sealed record Conflict(string Message = "Noen andre har endret dette samtidig. Last inn på nytt og prøv igjen.")
    : Error("conflict", Message)
{
    /// <summary>The caller's revision (or version) is not the stored one: a precondition they sent failed (HTTP 412 for <c>If-Match</c>).</summary>
    public bool StaleRevision { get; init; }
}

/// <summary>The caller may see the object but not change it.</summary>
public sealed record Forbidden(string Message = "Du har ikke tilgang til å endre dette.") : Error("forbidden", Message);

/// <summary>Either a value or an error; no exceptions for expected failures.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>
    /// The same outcome with the value as <c>object</c>. (A conditional <c>ok ? (object?)value : error</c> would not do:
    /// its type is <c>object</c>, so the error would become a successful result holding the error.)
    /// </summary>
    public Result<object?> Boxed() => IsSuccess ? new Result<object?>(Value, null) : new Result<object?>(null, Error);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
