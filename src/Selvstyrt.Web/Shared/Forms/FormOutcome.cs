using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Shared.Forms;

/// <summary>How a form page reports a failed step: field errors go to the error summary, anything else is the status line.</summary>
public static class FormOutcome
{
    /// <summary>Puts an <see cref="Invalid"/> error's fields into <paramref name="errors"/> and returns null; otherwise returns the error's message.</summary>
    public static string? Apply(Error error, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(errors);
        if (error is not Invalid invalid) return error.Message;
        foreach (var (field, message) in invalid.Fields) errors[field] = message;
        return null;
    }
}
