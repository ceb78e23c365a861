using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>
/// A spreadsheet as other systems export it: a header row and rows of text. Read from CSV (semicolon, comma or tab;
/// UTF-8, or Latin-1 as older Norwegian Excel saves it) or from the first sheet of an Excel workbook (.xlsx), where a
/// date cell becomes an ISO date. Nothing is interpreted here; <see cref="AssistantImport"/> reads the values.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxColumns = 60;

    /// <summary>The value in <paramref name="column"/> of a row, trimmed; empty when the row is shorter.</summary>
    public static string Cell(IReadOnlyList<string> row, int column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return column < row.Count ? row[column].Trim() : "";
    }

    public static Result<ImportTable> Read(byte[] content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return Invalid.Field("file", "Filen er tom.");
        if (content.Length > MaxBytes) return Invalid.Field("file", "Filen er større enn 5 MB. Del den opp og importer delene hver for seg.");
        var isExcel = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (!isExcel && (fileName ?? "").EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
            return Invalid.Field("file", "Det gamle Excel-formatet (.xls) kan ikke leses. Lagre filen som .xlsx eller CSV og prøv igjen.");
        Result<List<List<string>>> raw;
        try
        {
            raw = isExcel ? ReadExcel(content) : ReadCsv(content);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or FormatException or ArgumentException or InvalidOperationException
            or System.Xml.XmlException or IOException)
        {
            return Invalid.Field("file", isExcel
                ? ExcelUnreadable
                : "CSV-filen kunne ikke leses. Sjekk at den er lagret som tekst med semikolon, komma eller tabulator mellom kolonnene.");
        }
        if (!raw.IsSuccess) return raw.Error!;
        var lines = raw.Value!.Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (lines.Count == 0) return Invalid.Field("file", "Filen har ingen rader.");
        var headers = lines[0].Select(h => h.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
        if (headers.Count == 0) return Invalid.Field("file", "Den første raden må ha kolonnenavn.");
        if (headers.Count > MaxColumns) return Invalid.Field("file", $"Filen har mer enn {MaxColumns} kolonner.");
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length == 0) return Invalid.Field("file", $"Kolonne {i + 1} i den første raden mangler navn.");
            if (headers[i].Length > 100) return Invalid.Field("file", $"Kolonnenavnet i kolonne {i + 1} er lengre enn 100 tegn.");
            if (headers.Take(i).Contains(headers[i], StringComparer.OrdinalIgnoreCase)) return Invalid.Field("file", $"Kolonnenavnet «{headers[i]}» står to ganger.");
        }
        if (lines.Count - 1 > MaxRows) return Invalid.Field("file", $"Filen har mer enn {MaxRows} rader. Del den opp.");
        return new ImportTable(headers, lines.Skip(1).Select(r => (IReadOnlyList<string>)r.Take(headers.Count).Select(c => c.Trim()).ToList()).ToList());
    }

    private static Result<List<List<string>>> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(content);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0', StringComparison.Ordinal)) return Invalid.Field("file", "Filen ser ikke ut som en CSV- eller Excel-fil.");
        // Separator detected among ; , tab and |; Excel's «sep=;» first line is honoured; ragged rows are allowed.
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, MaxRecordSize = 1024 * 1024 });
        var rows = new List<List<string>>();
        while (csv.Read())
        {
            var row = new List<string>(csv.FieldCount);
            for (var i = 0; i < csv.FieldCount && i <= MaxColumns; i++) row.Add(csv.GetString(i) ?? "");
            rows.Add(row);
            if (rows.Count > MaxRows + 1) break;
        }
        return rows;
    }

    private static Result<List<List<string>>> ReadExcel(byte[] content)
    {
        try
        {
            return ReadWorkbook(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and the Open XML SDK throw many kinds of exception on a damaged package (fuzzing found a
            // NullReferenceException from opening one, tests/fuzz-cases/import-xlsx); to the person each means the same.
            return Invalid.Field("file", ExcelUnreadable);
        }
    }

    private const string ExcelUnreadable = "Excel-filen kunne ikke leses. Lagre den på nytt som .xlsx og prøv igjen.";

    private static Result<List<List<string>>> ReadWorkbook(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheets.FirstOrDefault();
        var used = sheet?.RangeUsed();
        if (used is null) return Invalid.Field("file", "Excel-filen har ingen rader.");
        var lastColumn = Math.Min(used.LastColumn().ColumnNumber(), MaxColumns + 1);
        var rows = new List<List<string>>();
        foreach (var row in sheet!.Rows(1, used.LastRow().RowNumber()))
        {
            var cells = new List<string>(lastColumn);
            for (var c = 1; c <= lastColumn; c++) cells.Add(Text(row.Cell(c)));
            rows.Add(cells);
            if (rows.Count > MaxRows + 1) break;
        }
        return rows;
    }

    private static string Text(IXLCell cell)
    {
        if (cell.IsEmpty()) return "";
        return cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // A percentage cell holds 0.8 for «80 %»: give the number people see.
            XLDataType.Number when cell.Style.NumberFormat.Format.Contains('%', StringComparison.Ordinal) || cell.Style.NumberFormat.NumberFormatId is 9 or 10
                => ((decimal)cell.GetDouble() * 100m).ToString(CultureInfo.InvariantCulture),
            // Through decimal, so 0.55 stays 0.55 and not 0.55000000000000004.
            XLDataType.Number => ((decimal)cell.GetDouble()).ToString(CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "ja" : "nei",
            _ => cell.GetString(),
        };
    }
}
