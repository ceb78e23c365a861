using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Selvstyrt.Web.Features.Reports;

/// <summary>A report as a table: the same columns on the page, in CSV and in Excel.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Writes report tables as CSV (semicolon-separated, decimal comma, UTF-8 with BOM: what Excel in Norway opens
/// correctly; text that a spreadsheet would run as a formula is escaped) with CsvHelper, and as Excel workbooks with ClosedXML (numbers stay numbers, dates stay dates).
/// </summary>
public static class ReportFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static byte[] Csv(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Separator = ';', FormatProvider = Norwegian, WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteRecord(table.Headers.ToArray());
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    switch (cell)
                    {
                        case decimal d:
                            csv.WriteField(d, "0.00");
                            break;
                        case int i:
                            csv.WriteField(i, "");
                            break;
                        default:
                            csv.WriteField(Text(cell));
                            break;
                    }
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName(table.Title));
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.Value = table.Headers[c];
            cell.Style.Font.Bold = true;
            sheet.Column(c + 1).Width = Math.Clamp(table.Headers[c].Length + 4, 12, 40);
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (table.Rows[r][c])
                {
                    case null:
                        break;
                    case decimal d:
                        cell.Value = d;
                        cell.Style.NumberFormat.Format = "#,##0.00";
                        break;
                    case int i:
                        cell.Value = i;
                        break;
                    case NodaTime.LocalDate date:
                        cell.Value = date.ToDateTimeUnspecified();
                        cell.Style.DateFormat.Format = "dd.mm.yyyy";
                        break;
                    case var other:
                        cell.Value = Text(other);
                        break;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", Norwegian),
        NodaTime.LocalDate date => date.ToString("dd.MM.yyyy", Norwegian),
        IFormattable f => f.ToString(null, Norwegian),
        _ => value.ToString() ?? "",
    };

    private static string SheetName(string title)
    {
        var clean = new string(title.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Rapport" : clean;
    }
}
