using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>
/// The provider's wage types (lønnsarter) per pay category. Every provider's payroll system has its own codes, so the
/// mapping is the provider's setting; <see cref="Defaults"/> are only a starting point.
/// </summary>
public sealed record WageTypeMapping(IReadOnlyDictionary<string, string> Codes)
{
    public static WageTypeMapping Defaults { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PayCategory.Normal] = "1000",
        [PayCategory.Passive] = "1010",
        [PayCategory.Overtime] = "1200",
        [PayCategory.OvertimeHigh] = "1210",
        ["eveningNight"] = "1300",
        ["evening"] = "1301",
        ["night"] = "1302",
        ["weekend"] = "1310",
        ["holiday"] = "1320",
        [PayCategory.SickPay] = "1400",
        [PayCategory.SickChildPay] = "1410",
        [PayCategory.PaidLeave] = "1420",
        [PayCategory.HolidayLeave] = "1430",
    });

    /// <summary>The code for a category, or null when the provider has not mapped it (the export is then refused, naming it).</summary>
    public string? CodeFor(string category) => Codes.TryGetValue(category, out var code) && !string.IsNullOrWhiteSpace(code) ? code : null;

    /// <summary>Parses «kategori=kode» lines (the settings form), naming the line that is wrong.</summary>
    public static Result<WageTypeMapping> Parse(string? text)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length is 0 or > 20 || !parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
                return Invalid.Field("wageTypes", string.Create(CultureInfo.InvariantCulture, $"Linje {i + 1} må ha formen kategori=kode, med en kode på høyst 20 bokstaver eller sifre."));
            codes[parts[0]] = parts[1];
        }
        if (codes.Count == 0) return Invalid.Field("wageTypes", "Oppgi minst én lønnsart.");
        return new WageTypeMapping(codes);
    }

    public string Format() => string.Join("\n", Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}

/// <summary>One line of a payroll file: an employee, a wage type, a quantity in hours, a rate and an amount, for a period.</summary>
public sealed record PayrollRow(Guid AssistantId, string EmployeeNumber, string EmployeeName, string WageType, string Category, long Minutes, decimal Rate, decimal Amount, LocalDate From, LocalDate To)
{
    /// <summary>Hours with two decimals, as payroll systems take them.</summary>
    public decimal Hours => Math.Round(Minutes / 60m, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Who an assistant is to the payroll system.</summary>
public sealed record PayrollEmployee(Guid AssistantId, string? EmployeeNumber, string Name);

/// <summary>Builds the rows of a payroll file from monthly pay bases; what cannot be exported is named, never guessed.</summary>
public static class PayrollRows
{
    public static Result<IReadOnlyList<PayrollRow>> Build(IEnumerable<PayBasis> bases, IReadOnlyDictionary<Guid, PayrollEmployee> employees, WageTypeMapping mapping, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(employees);
        ArgumentNullException.ThrowIfNull(mapping);
        var rows = new List<PayrollRow>();
        var missingNumbers = new SortedSet<string>(StringComparer.Ordinal);
        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var basis in bases)
        {
            var who = employees[basis.AssistantId];
            if (string.IsNullOrWhiteSpace(who.EmployeeNumber)) missingNumbers.Add(who.Name);
            foreach (var item in basis.Items)
            {
                var code = mapping.CodeFor(item.Category);
                if (code is null) { unmapped.Add(item.Category); continue; }
                rows.Add(new PayrollRow(basis.AssistantId, who.EmployeeNumber ?? "", who.Name, code, item.Category, item.Minutes, item.Rate, item.Amount, from, to));
            }
        }
        var fields = new Dictionary<string, string>();
        if (missingNumbers.Count > 0) fields["employeeNumber"] = "Mangler ansattnummer: " + string.Join(", ", missingNumbers) + ".";
        if (unmapped.Count > 0) fields["wageTypes"] = "Mangler lønnsart for: " + string.Join(", ", unmapped) + ".";
        if (fields.Count > 0) return new Invalid(fields);
        return rows.OrderBy(r => r.EmployeeNumber, StringComparer.Ordinal).ThenBy(r => r.WageType, StringComparer.Ordinal).ThenBy(r => r.Rate).ToList();
    }
}
