using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Shared.Forms;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>One field an import can fill, with the column names other systems use for it (for the first guess at a mapping). The page's label and help come from the resources (<c>Import.Field.*</c>, <c>ArrangementImport.Field.*</c>); <see cref="Label"/> names a column the file lacks in a message.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Names);

/// <summary>A bad value: the row as the spreadsheet numbers it (the header is row 1), the file's column name, and why.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>What an import did (or would do): rows read, records new, changed and unchanged, and every bad value.</summary>
public sealed record ImportReport(int Rows, int New, int Changed, int Unchanged, IReadOnlyList<ImportIssue> Issues)
{
    public bool Clean => Issues.Count == 0;
}

/// <summary>What one row did to the records.</summary>
public enum RowOutcome
{
    Unchanged,
    New,
    Changed,
}

/// <summary>
/// What every import shares (issue 16: bulk import of assistants and of arrangements): the first guess at a column mapping
/// from the names other systems use, the check of the mapping itself, and the run over every row that counts what each
/// row did and collects every bad value. The kinds of import say only what their fields are and what a row means.
/// </summary>
public static class ImportRows
{
    /// <summary>Each field to the file column with one of its usual names (or its label), each column used once.</summary>
    public static Dictionary<string, string> Guess(IReadOnlyList<ImportField> fields, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(headers);
        var mapping = new Dictionary<string, string>();
        foreach (var field in fields)
        {
            var match = headers.FirstOrDefault(h => field.Names.Any(n => Normal(h) == Normal(n)) || Normal(h) == Normal(field.Label));
            if (match is not null && !mapping.ContainsValue(match)) mapping[field.Key] = match;
        }
        return mapping;
    }

    private static string Normal(string text) => new string(text.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '%').ToArray());

    /// <summary>Known fields, columns that exist, every required field mapped, no column chosen twice.</summary>
    public static List<ImportIssue> CheckMapping(IReadOnlyList<ImportField> fields, ImportTable table, IReadOnlyDictionary<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var issues = new List<ImportIssue>();
        foreach (var (key, column) in mapping)
        {
            var field = fields.FirstOrDefault(f => f.Key == key);
            if (field is null) issues.Add(new(1, column, $"Ukjent felt «{key}»."));
            else if (!table.Headers.Contains(column, StringComparer.OrdinalIgnoreCase)) issues.Add(new(1, column, $"Filen har ingen kolonne «{column}» for {field.Label.ToLowerInvariant()}."));
        }
        foreach (var field in fields.Where(f => f.Required && !mapping.ContainsKey(f.Key)))
            issues.Add(new(1, field.Label, $"Velg kolonnen for {field.Label.ToLowerInvariant()}."));
        foreach (var twice in mapping.GroupBy(m => m.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            issues.Add(new(1, twice.Key, $"Kolonnen «{twice.Key}» er valgt for flere felt."));
        return issues;
    }

    /// <summary>
    /// Runs <paramref name="applyRow"/> on every row when the mapping is sound (<paramref name="mappingIssues"/> empty) and
    /// counts the rows without issues by what they did. The report names every bad value.
    /// </summary>
    public static ImportReport Apply(IReadOnlyList<ImportField> fields, ImportTable table, IReadOnlyDictionary<string, string> mapping, List<ImportIssue> mappingIssues,
        Func<RowReader, RowOutcome> applyRow)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(mappingIssues);
        ArgumentNullException.ThrowIfNull(applyRow);
        var issues = mappingIssues;
        if (issues.Count > 0) return new ImportReport(table.Rows.Count, 0, 0, 0, issues);
        var columns = mapping.ToDictionary(m => m.Key, m => (Index: IndexOf(table.Headers, m.Value), Name: table.Headers[IndexOf(table.Headers, m.Value)]));
        int added = 0, changed = 0, unchanged = 0;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = new RowReader(fields, table.Rows[i], i + 2, columns, issues);
            var before = issues.Count;
            var outcome = applyRow(row);
            if (issues.Count > before) continue;
            switch (outcome)
            {
                case RowOutcome.New: added++; break;
                case RowOutcome.Changed: changed++; break;
                default: unchanged++; break;
            }
        }
        return new ImportReport(table.Rows.Count, added, changed, unchanged, issues);
    }

    /// <summary>The office a row names among those the user manages; the only one when the row leaves it out.</summary>
    public static Guid Office(RowReader row, IReadOnlyList<(Guid Id, string Name)> offices)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(offices);
        var name = row.Text("office");
        if (name is null)
        {
            if (offices.Count == 1) return offices[0].Id;
            row.Fail("office", "Kontor må fylles ut fordi du administrerer flere kontorer.");
            return Guid.Empty;
        }
        var matches = offices.Where(o => string.Equals(o.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return matches[0].Id;
        row.Fail("office", $"Fant ikke kontoret «{name}» blant kontorene du administrerer ({string.Join(", ", offices.Select(o => o.Name))}).");
        return Guid.Empty;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

/// <summary>Reads one row's values by field and records its issues under the file's column names.</summary>
public sealed class RowReader(IReadOnlyList<ImportField> fields, IReadOnlyList<string> cells, int number, Dictionary<string, (int Index, string Name)> columns, List<ImportIssue> issues)
{
    private readonly HashSet<string> _failed = [];

    public int Number { get; } = number;
    public bool HasIssues => _failed.Count > 0;

    public bool Has(string field) => columns.ContainsKey(field);

    public bool Failed(string field) => _failed.Contains(field);

    public string? Text(string field)
    {
        if (!columns.TryGetValue(field, out var column)) return null;
        var value = ImportTable.Cell(cells, column.Index);
        return value.Length == 0 ? null : value;
    }

    public void Fail(string field, string message)
    {
        _failed.Add(field);
        var column = columns.TryGetValue(field, out var c) ? c.Name : fields.First(f => f.Key == field).Label;
        issues.Add(new ImportIssue(Number, column, message));
    }

    public void FailAll(Error error, string fallbackField, string prefix = "")
    {
        if (error is Invalid invalid)
            foreach (var (field, message) in invalid.Fields) Fail(fields.Any(f => f.Key == field) && columns.ContainsKey(field) ? field : fallbackField, prefix + message);
        else Fail(fallbackField, prefix + error.Message);
    }

    private static readonly LocalDatePattern[] DatePatterns =
    [
        LocalDatePattern.Iso,
        LocalDatePattern.CreateWithInvariantCulture("dd.MM.uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("d.M.uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("d/M/uuuu"),
    ];

    public LocalDate? Date(string field)
    {
        var text = Text(field);
        if (text is null) return null;
        // Excel keeps a time of day on some date cells («2026-01-05 00:00:00»): the date is what counts.
        var datePart = text.Split(' ', 2)[0];
        foreach (var pattern in DatePatterns)
        {
            var parsed = pattern.Parse(datePart);
            if (parsed.Success && parsed.Value.Year is >= 1900 and <= 2200) return parsed.Value;
        }
        Fail(field, $"«{text}» er ikke en dato. Skriv den som dd.mm.åååå, for eksempel 01.02.2026.");
        return null;
    }

    public decimal? Amount(string field)
    {
        var text = Text(field);
        if (text is null) return null;
        var clean = text.Replace("%", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
        // Two decimals, as the records keep them: more would read as a change on every re-import.
        if (FormInput.TryParseNumber(clean, out var value)) return Math.Round(value, 2, MidpointRounding.AwayFromZero);
        Fail(field, $"«{text}» er ikke et tall.");
        return null;
    }
}
