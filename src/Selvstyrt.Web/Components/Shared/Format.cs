using System.Globalization;
using NodaTime;

namespace Selvstyrt.Web.Components.Shared;

/// <summary>Dates and numbers as Norwegians write them (in the current UI culture).</summary>
public static class Format
{
    public static string Date(LocalDate date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(LocalDate? date, string none) => date is { } d ? Date(d) : none;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);
}
