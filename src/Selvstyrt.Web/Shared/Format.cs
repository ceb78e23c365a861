using System.Globalization;
using NodaTime;

namespace Selvstyrt.Web.Shared;

/// <summary>Dates and numbers as Norwegians write them (in the current UI culture).</summary>
public static class Format
{
    public static string Date(LocalDate date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(LocalDate? date, string none) => date is { } d ? Date(d) : none;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.CurrentCulture);

    /// <summary>Minutes as hours and minutes: «7 t 30 min».</summary>
    public static string Duration(long minutes) => minutes % 60 == 0
        ? string.Create(CultureInfo.CurrentCulture, $"{minutes / 60} t")
        : string.Create(CultureInfo.CurrentCulture, $"{minutes / 60} t {Math.Abs(minutes % 60)} min");

    /// <summary>Kroner with two decimals: «1 234,50 kr».</summary>
    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture) + " kr";

    /// <summary>A local clock time of an instant in Norway: «08:00».</summary>
    /// <summary>A moment as Norwegians read it, in Norway's time: «3. desember 2026 kl. 10:42».</summary>
    public static string DateTime(Instant at)
    {
        var local = at.InZone(Auth.CurrentUser.Zone).LocalDateTime;
        return $"{Date(local.Date)} kl. {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string Clock(Instant at) => at.InZone(Auth.CurrentUser.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A month: «november 2026».</summary>
    public static string Month(LocalDate month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

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
