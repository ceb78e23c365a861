using System.Globalization;
using NodaTime;

namespace Selvstyrt.Web.Shared.Forms;

/// <summary>
/// Fields typed into forms: dates from <c>&lt;input type="date"&gt;</c> (ISO), numbers as «7,5» or «7.5» with or without
/// spaces between thousands. Empty gives null; an unreadable value records <c>message</c> under the field's name.
/// </summary>
public static class FormInput
{
    public static LocalDate? Date(string? text, IDictionary<string, string> errors, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success) return parsed.Value;
        errors[field] = message;
        return null;
    }

    public static decimal? Number(string? text, IDictionary<string, string> errors, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParseNumber(text, out var value)) return value;
        errors[field] = message;
        return null;
    }

    public static bool TryParseNumber(string? text, out decimal value)
    {
        var clean = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace('−', '-');
        return decimal.TryParse(clean, NumberStyles.Number, CultureInfo.GetCultureInfo("nb-NO"), out value)
            || decimal.TryParse(clean, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }
}
