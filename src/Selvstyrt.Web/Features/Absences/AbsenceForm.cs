using System.Globalization;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Web.Shared.Forms;

namespace Selvstyrt.Web.Features.Absences;

/// <summary>The absence form as posted, shared by the assistant's «Fravær» and the employer's «Fravær og permisjon».</summary>
public sealed class AbsenceForm
{
    public string? Key { get; set; }
    public string? AssistantId { get; set; }
    public string? Kind { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Degree { get; set; }
    public string? CertificateDate { get; set; }

    /// <summary>The report to send, or null with the field errors (dates and a degree that are not what they say) in <paramref name="errors"/>.</summary>
    public AbsenceReports.Input? Read(Guid? assistantId, Dictionary<string, string> errors, string dateFormat, string degreeFormat)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var from = FormInput.Date(From, errors, "from", dateFormat);
        var to = FormInput.Date(To, errors, "to", dateFormat);
        var certificate = FormInput.Date(CertificateDate, errors, "certificateDate", dateFormat);
        int? degree = null;
        if (!string.IsNullOrWhiteSpace(Degree))
        {
            if (int.TryParse(Degree.Trim().TrimEnd('%').Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) degree = parsed;
            else errors["degree"] = degreeFormat;
        }
        if (errors.Count > 0) return null;
        return new AbsenceReports.Input(assistantId ?? (Guid.TryParse(AssistantId, out var a) ? a : null),
            Enum.TryParse<AbsenceKind>(Kind, out var kind) ? kind : null, from, to, degree, certificate);
    }
}
