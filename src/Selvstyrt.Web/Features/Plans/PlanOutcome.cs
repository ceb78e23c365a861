using System.Globalization;
using Microsoft.Extensions.Localization;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>How every plan page reports an edit: the live region's line, or the field errors for the error summary.</summary>
public static class PlanOutcome
{
    /// <summary>
    /// Puts an invalid edit's field errors into <paramref name="errors"/> and returns null; otherwise returns the status
    /// line: what was done and what it did to the findings, or the error's own message (a conflict, a refusal).
    /// </summary>
    public static string? Apply(Result<PlanEdited> result, IDictionary<string, string> errors, IStringLocalizer<Texts> texts, string done)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        if (result.IsSuccess)
        {
            var check = result.Value!.Check;
            return string.Format(CultureInfo.CurrentCulture, texts["Plans.Saved"], done, check.Added, check.Removed, check.Findings.Count, check.OpenBreaches);
        }
        return Shared.Forms.FormOutcome.Apply(result.Error!, errors);
    }
}
