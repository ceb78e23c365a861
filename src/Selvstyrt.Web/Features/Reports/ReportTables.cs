using System.Globalization;
using Microsoft.Extensions.Localization;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.Reports;

/// <summary>The reports as tables with Norwegian column names from the resources: the same columns in CSV, Excel and on the page.</summary>
public static class ReportTables
{
    public static ReportTable Monthly(MunicipalityReports.MonthlyReport r, IStringLocalizer<Texts> t)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        var headers = new List<string>
        {
            t["Report.Col.Arrangement"], t["Report.Col.Recipient"], t["Report.Col.CaseNumber"], t["Report.Col.Granted"], t["Report.Col.Used"],
            t["Report.Col.Difference"], t["Report.Col.DifferencePercent"],
        };
        headers.AddRange(DecisionNeeds.All.Select(n => string.Format(CultureInfo.CurrentCulture, t["Report.Col.GrantedNeed"], t[$"Purpose.{n}"])));
        headers.AddRange([t["Report.Col.AwakeNight"], t["Report.Col.SleepingNight"], t["Report.Col.TwoToOne"], t["Report.Col.Unused"], t["Report.Col.TrainingPlanned"], t["Report.Col.TrainingDone"],
            t["Report.Col.Relatives"], t["Report.Col.Source"]]);
        var source = r.UsedIsPlanned ? t["Report.SourcePlanned"].Value : t["Report.SourceApproved"].Value;
        var rows = r.Rows.Select(x =>
        {
            var cells = new List<object?> { x.Name, x.RecipientName, x.CaseNumber, x.Granted, x.Used, x.Difference, x.DifferencePercent };
            cells.AddRange(DecisionNeeds.All.Select(n => (object?)x.GrantedByNeed.FirstOrDefault(g => g.Need == n)?.Granted));
            cells.AddRange([x.AwakeNight, x.SleepingNight, x.TwoToOne, x.Unused, x.TrainingPlanned, x.TrainingDone, x.RelativesWithoutApproval, source]);
            return cells.ToArray();
        }).ToList();
        return new ReportTable($"{r.MunicipalityName} {r.Month:yyyy-MM}", headers, rows);
    }

    public static ReportTable Invoice(MunicipalityReports.InvoiceBasis r, IStringLocalizer<Texts> t)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        string[] headers =
        [
            t["Report.Col.Arrangement"], t["Report.Col.CaseNumber"], t["Report.Col.From"], t["Report.Col.To"], t["Report.Col.DeliveredHours"],
            t["Report.Col.HourlyRate"], t["Report.Col.Amount"], t["Report.Col.Contract"],
        ];
        var rows = r.Lines.Select(l => new object?[] { l.Name, l.CaseNumber, l.From, l.To, l.Hours, l.HourlyRate, l.Amount, l.Contract }).ToList();
        return new ReportTable($"Fakturagrunnlag {r.Month:yyyy-MM}", headers, rows);
    }

    public static ReportTable Resource(MunicipalityReports.ResourceReport r, IStringLocalizer<Texts> t)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        string[] headers = [t["Report.Col.Recipient"], t["Report.Col.Age"], t["Report.Col.Hours"], t["Report.Col.WageCost"]];
        var rows = r.Rows.Select(x => new object?[] { x.RecipientName, x.AgeAtYearStart, x.Hours, x.WageCost is { } w ? w : t["Report.WageCostMissing"].Value }).ToList();
        return new ReportTable($"Ressurskrevende {r.Year}", headers, rows);
    }
}
