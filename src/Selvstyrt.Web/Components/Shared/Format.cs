using System.Globalization;
using NodaTime;

namespace Selvstyrt.Web.Components.Shared;

/// <summary>Dates and numbers as Norwegians write them (in the current UI culture).</summary>
public static class Format
{
    public static string Date(LocalDate date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(LocalDate? date, string none) => date is { } d ? Date(d) : none;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>Hours in an account: always two decimals, thousands grouped («1 234,50»).</summary>
    public static string AccountHours(decimal hours) => hours.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>A signed deviation such as «+10,1 %»; «–» when there is nothing to compare with.</summary>
    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>«Fast ansatt, 80 %», «Tilkallingsvikar» or «Ikke ansatt nå».</summary>
    public static string Employment(Microsoft.Extensions.Localization.IStringLocalizer texts, Selvstyrt.Domain.People.EmploymentKind? kind, decimal? percent) => kind switch
    {
        Selvstyrt.Domain.People.EmploymentKind.Permanent => string.Format(CultureInfo.CurrentCulture, texts["Employment.PermanentPercent"], Hours(percent ?? 0)),
        Selvstyrt.Domain.People.EmploymentKind.OnCall => texts["EmploymentKind.OnCall"],
        _ => texts["Employment.None"],
    };
}

/// <summary>Numbers typed into forms: «7,5» or «7.5», with or without spaces between thousands.</summary>
public static class FormNumbers
{
    public static bool TryParse(string? text, out decimal value)
    {
        var clean = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace('−', '-');
        return decimal.TryParse(clean, NumberStyles.Number, CultureInfo.GetCultureInfo("nb-NO"), out value)
            || decimal.TryParse(clean, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }
}
