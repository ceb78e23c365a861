using System.Globalization;
using NodaTime;

namespace Selvstyrt.Web.Components.Shared;

/// <summary>Dates and numbers as Norwegians write them (in the current UI culture).</summary>
public static class Format
{
    public static string Date(LocalDate date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(LocalDate? date, string none) => date is { } d ? Date(d) : none;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>«Fast ansatt, 80 %», «Tilkallingsvikar» or «Ikke ansatt nå».</summary>
    public static string Employment(Microsoft.Extensions.Localization.IStringLocalizer texts, Selvstyrt.Domain.People.EmploymentKind? kind, decimal? percent) => kind switch
    {
        Selvstyrt.Domain.People.EmploymentKind.Permanent => string.Format(CultureInfo.CurrentCulture, texts["Employment.PermanentPercent"], Hours(percent ?? 0)),
        Selvstyrt.Domain.People.EmploymentKind.OnCall => texts["EmploymentKind.OnCall"],
        _ => texts["Employment.None"],
    };
}
