using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Reports;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>A payroll file format. The README documents each one's columns.</summary>
public sealed record PayrollFormat(string Key, string Name, string Extension, string ContentType);

/// <summary>One assistant's month on the attest page.</summary>
public sealed record PayrollPerson(Guid AssistantId, string Name, string? EmployeeNumber, IReadOnlyList<SheetSummary> Sheets, PayBasis? Basis);

/// <summary>The provider's month: sheets by state, pay bases of the sheets past approval, and the exports made.</summary>
public sealed record PayrollMonth(Guid ProviderId, string ProviderName, LocalDate Month, IReadOnlyList<PayrollPerson> People, IReadOnlyList<PayrollExportSummary> Exports,
    Domain.Rules.Pay.Tariff? Tariff, WageTypeMapping WageTypes)
{
    public int Count(SheetState state) => People.Sum(p => p.Sheets.Count(s => s.State == state));
    public decimal Amount => People.Sum(p => p.Basis?.Amount ?? 0);
    public long Minutes(string category) => People.Sum(p => p.Basis?.Minutes(category) ?? 0);
}

/// <summary>An export in the list.</summary>
public sealed record PayrollExportSummary(Guid Id, string Format, Instant At, string ByName, string FileName, string Checksum, int Sheets, int Rows, long Minutes, decimal Amount, bool IsReexport);

/// <summary>
/// The provider's side of time sheets: the month's sheets with totals, attestation, and payroll export. Only the
/// provider's administrator (all arrangements) and an office's coordinator (their office's) reach it. An export takes
/// every attested sheet of the month, computes the pay bases in one run, writes the file, records it with its
/// checksum and marks the sheets exported, all in one save: two exports at once cannot both take the same sheet.
/// </summary>
public sealed class PayrollService(SelvstyrtDb db, CurrentUser user, SheetPay pay)
{
    public static IReadOnlyList<PayrollFormat> Formats { get; } =
    [
        new("generisk", "Generisk CSV (med overskrifter)", "csv", ReportFiles.CsvType),
        new("lonnsart-import", "Lønnsartimport (CSV uten overskrifter)", "csv", ReportFiles.CsvType),
        new("excel", "Excel", "xlsx", ReportFiles.XlsxType),
    ];

    /// <summary>The grants that let the user attest and export: administrator or coordinator.</summary>
    private Task<List<ProviderGrant>> GrantsAsync(CancellationToken ct)
    {
        var uid = user.Id;
        return db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator)).ToListAsync(ct);
    }

    /// <summary>
    /// The sheets of a month the user may attest: all the provider's for an administrator, the office's for a coordinator. The
    /// sheets of an arrangement taken over from another provider for months before the takeover are that provider's payroll
    /// (they came with the history) and never enter this one's.
    /// </summary>
    private async Task<IQueryable<TimeSheet>?> ScopeAsync(Guid providerId, CancellationToken ct)
    {
        var grants = (await GrantsAsync(ct)).Where(g => g.ProviderId == providerId).ToList();
        if (grants.Count == 0) return null;
        var ours = db.TimeSheets.Where(s => s.ProviderId == providerId && !db.ArrangementTransfers.Any(t => t.ArrangementId == s.ArrangementId && s.Month < t.FirstDay));
        if (grants.Any(g => g.Role == ProviderRole.ProviderAdmin)) return ours;
        var offices = grants.Select(g => g.OfficeId).ToList();
        return ours.Where(s => db.Arrangements.Any(a => a.Id == s.ArrangementId && offices.Contains(a.OfficeId)));
    }

    /// <summary>The providers the user handles payroll for.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ProvidersAsync(CancellationToken ct)
    {
        var ids = (await GrantsAsync(ct)).Select(g => g.ProviderId).Distinct().ToList();
        return (await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task<Result<PayrollMonth>> MonthAsync(Guid providerId, LocalDate month, CancellationToken ct)
    {
        month = new LocalDate(month.Year, month.Month, 1);
        if (await ScopeAsync(providerId, ct) is not { } scope) return new NotFound();
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        var sheets = await scope.Where(s => s.Month == month).Include(s => s.Entries).AsNoTracking().ToListAsync(ct);
        var summaries = await TimeSheetService.Summaries(db, scope.Where(s => s.Month == month)).ToListAsync(ct);
        var paid = sheets.Where(s => s.State is SheetState.Approved or SheetState.Attested or SheetState.Exported).ToList();
        var run = await pay.RunAsync(paid, ct);
        var bases = run.Pay.Bases().ToDictionary(b => b.AssistantId);
        var assistantIds = sheets.Select(s => s.AssistantId).Distinct().ToList();
        var people = (await db.Assistants.AsNoTracking().Where(a => assistantIds.Contains(a.Id)).Select(a => new { a.Id, a.FullName, a.EmployeeNumber }).ToListAsync(ct))
            .OrderBy(a => a.FullName, StringComparer.CurrentCulture)
            .Select(a => new PayrollPerson(a.Id, a.FullName, a.EmployeeNumber, [.. summaries.Where(s => s.AssistantId == a.Id).OrderBy(s => s.ArrangementName, StringComparer.CurrentCulture)],
                bases.GetValueOrDefault(a.Id)))
            .ToList();
        var exports = await ExportsAsync(providerId, month, ct);
        return new PayrollMonth(providerId, provider.Name, month, people, exports, run.Tariff, Mapping(provider.WageTypes));
    }

    /// <summary>
    /// The pay bases per assistant of a month's paid sheets (approved, attested or exported), through the same pay run as
    /// <see cref="MonthAsync"/> but without what only the page shows (the holiday-pay report needs a year of these).
    /// </summary>
    public async Task<Result<List<PayBasis>>> BasesAsync(Guid providerId, LocalDate month, CancellationToken ct)
    {
        month = new LocalDate(month.Year, month.Month, 1);
        if (await ScopeAsync(providerId, ct) is not { } scope) return new NotFound();
        var paid = await scope.Where(s => s.Month == month && (s.State == SheetState.Approved || s.State == SheetState.Attested || s.State == SheetState.Exported))
            .Include(s => s.Entries).AsNoTracking().ToListAsync(ct);
        var run = await pay.RunAsync(paid, ct);
        return run.Pay.Bases().ToList();
    }

    private static WageTypeMapping Mapping(string? text)
        => text is null ? WageTypeMapping.Defaults : WageTypeMapping.Parse(text).Value ?? WageTypeMapping.Defaults;

    private async Task<List<PayrollExportSummary>> ExportsAsync(Guid providerId, LocalDate month, CancellationToken ct)
        => (await db.PayrollExports.AsNoTracking().Where(e => e.ProviderId == providerId && e.Month == month)
                .Select(e => new PayrollExportSummary(e.Id, e.Format, e.At, e.ByName, e.FileName, e.Checksum, e.Sheets.Count, e.RowCount, e.TotalMinutes, e.TotalAmount, e.IsReexport))
                .ToListAsync(ct))
            .OrderByDescending(e => e.At).ToList();

    /// <summary>
    /// Exports the month's attested sheets to a payroll file. A retry with the same key answers with the first export.
    /// With no attested sheet left, the export is refused; <paramref name="reexportOf"/> makes the file of an earlier
    /// export again, explicitly, and records that it did.
    /// </summary>
    public async Task<Result<Guid>> ExportAsync(Guid providerId, LocalDate month, string? format, string? key, Guid? reexportOf, CancellationToken ct)
    {
        month = new LocalDate(month.Year, month.Month, 1);
        if (await ScopeAsync(providerId, ct) is not { } scope) return new NotFound();
        var fields = new Dictionary<string, string>();
        var chosen = Formats.FirstOrDefault(f => f.Key == format);
        if (chosen is null) fields["format"] = "Velg et filformat.";
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (1-100 tegn).";
        if (fields.Count > 0) return new Invalid(fields);
        var existing = await db.PayrollExports.AsNoTracking().Where(e => e.ProviderId == providerId && e.IdempotencyKey == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (existing is { } known) return known;

        List<TimeSheet> sheets;
        if (reexportOf is { } earlier)
        {
            var sheetIds = await db.ExportedSheets.AsNoTracking().Where(x => x.ExportId == earlier).Select(x => x.SheetId).ToListAsync(ct);
            sheets = await scope.Where(s => sheetIds.Contains(s.Id) && s.Month == month).Include(s => s.Entries).ToListAsync(ct);
            if (sheets.Count == 0) return new NotFound("Fant ikke eksporten som skal lages på nytt.");
        }
        else
        {
            sheets = await scope.Where(s => s.Month == month && s.State == SheetState.Attested).Include(s => s.Entries).ToListAsync(ct);
            if (sheets.Count == 0)
            {
                var exported = await scope.CountAsync(s => s.Month == month && s.State == SheetState.Exported, ct);
                return exported > 0
                    ? new Conflict($"Alle attesterte timelister for {TimeSheetService.Month(month)} er allerede overført til lønn. Velg «Lag filen på nytt» ved eksporten hvis lønnssystemet trenger den igjen.")
                    : Invalid.Field("sheets", $"Ingen attesterte timelister for {TimeSheetService.Month(month)} å overføre.");
            }
        }

        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        var run = await pay.RunAsync(sheets, ct);
        var assistantIds = sheets.Select(s => s.AssistantId).Distinct().ToList();
        var employees = await db.Assistants.AsNoTracking().Where(a => assistantIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new PayrollEmployee(a.Id, a.EmployeeNumber, a.FullName), ct);
        var rows = PayrollRows.Build(run.Pay.Bases(), employees, Mapping(provider.WageTypes), month, month.PlusMonths(1).PlusDays(-1));
        if (!rows.IsSuccess) return rows.Error!;
        var content = Write(chosen!, rows.Value!);
        var id = Guid.CreateVersion7();
        var actor = new SheetActor(user.Now, user.Id.ToString(), user.DisplayName, SheetRole.Employer);
        var fileName = $"lonn-{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}-{chosen!.Key}-{id.ToString("N")[..8]}.{chosen.Extension}";
        var export = PayrollExport.Create(id, providerId, month, chosen.Key, actor, fileName, chosen.ContentType, content, rows.Value!, sheets.Select(s => s.Id), reexportOf is not null, key);
        if (reexportOf is null)
        {
            foreach (var sheet in sheets)
            {
                var moved = sheet.MarkExported(id, actor);
                if (!moved.IsSuccess) return moved.Error!;
            }
        }
        db.PayrollExports.Add(export);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Conflict("Timelistene ble endret eller overført samtidig. Ingenting er overført: last inn siden og prøv igjen.");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var won = await db.PayrollExports.AsNoTracking().Where(e => e.ProviderId == providerId && e.IdempotencyKey == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (won is null) throw;
            return won.Value;
        }
        return id;
    }

    /// <summary>The provider's payroll settings as the form shows them.</summary>
    public sealed record Settings(string? TariffId, int DeadlineDay, string WageTypes, bool CanChange);

    public async Task<Settings?> SettingsAsync(Guid providerId, CancellationToken ct)
    {
        var grants = (await GrantsAsync(ct)).Where(g => g.ProviderId == providerId).ToList();
        if (grants.Count == 0) return null;
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        return new Settings(provider.TariffId, provider.TimeSheetDeadlineDay, Mapping(provider.WageTypes).Format(), grants.Any(g => g.Role == ProviderRole.ProviderAdmin));
    }

    /// <summary>Changes the agreement, the deadline day and the wage types: the provider's administrator only.</summary>
    public async Task<Result<Guid>> SaveSettingsAsync(Guid providerId, string? tariffId, string? deadlineDay, string? wageTypes, CancellationToken ct)
    {
        var grants = (await GrantsAsync(ct)).Where(g => g.ProviderId == providerId).ToList();
        if (grants.Count == 0) return new NotFound();
        if (!grants.Any(g => g.Role == ProviderRole.ProviderAdmin)) return new Forbidden("Bare leverandørens administrator kan endre lønnsoppsettet.");
        var fields = new Dictionary<string, string>();
        var tariff = string.IsNullOrWhiteSpace(tariffId) ? null : tariffId.Trim();
        if (tariff is not null && !Domain.Rules.Pay.Tariffs.All.ContainsKey(tariff)) fields["tariffId"] = "Velg en tariffavtale fra listen.";
        if (!int.TryParse(deadlineDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day)) fields["deadlineDay"] = "Fristen må være en dag mellom 1 og 28 i måneden etter.";
        var mapping = WageTypeMapping.Parse(wageTypes);
        if (!mapping.IsSuccess) foreach (var (k, v) in ((Invalid)mapping.Error!).Fields) fields[k] = v;
        if (fields.Count > 0) return new Invalid(fields);
        var provider = await db.Providers.FirstAsync(p => p.Id == providerId, ct);
        var set = provider.SetPayroll(tariff, day, mapping.Value!.Format());
        if (!set.IsSuccess) return set.Error!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict();
        }
        return providerId;
    }

    /// <summary>The stored file of an export (exactly what payroll received).</summary>
    public async Task<PayrollExport?> FileAsync(Guid exportId, CancellationToken ct)
    {
        var export = await db.PayrollExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == exportId, ct);
        if (export is null) return null;
        var grants = await GrantsAsync(ct);
        return grants.Any(g => g.ProviderId == export.ProviderId) ? export : null;
    }

    /// <summary>Writes rows in a format.</summary>
    public static byte[] Write(PayrollFormat format, IReadOnlyList<PayrollRow> rows)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(rows);
        return format.Key switch
        {
            "lonnsart-import" => Compact(rows),
            "excel" => ReportFiles.Xlsx(Table(rows)),
            _ => ReportFiles.Csv(Table(rows)),
        };
    }

    /// <summary>The generic layout: one row per employee, wage type and rate, with headers.</summary>
    public static ReportTable Table(IReadOnlyList<PayrollRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ReportTable("Lønnsgrunnlag", ["Ansattnummer", "Navn", "Lønnsart", "Kategori", "Antall timer", "Sats", "Beløp", "Fra", "Til"],
            [.. rows.Select(r => new object?[] { r.EmployeeNumber, r.EmployeeName, r.WageType, r.Category, r.Hours, r.Rate, r.Amount, r.From, r.To })]);
    }

    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>The compact import layout: no headers; employee number; wage type; hours; rate; amount; from; to (dd.MM.yyyy), decimal comma.</summary>
    private static byte[] Compact(IReadOnlyList<PayrollRow> rows)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions { Separator = ';', FormatProvider = Norwegian, WriteByteOrderMark = false, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            foreach (var r in rows)
            {
                csv.WriteField(r.EmployeeNumber);
                csv.WriteField(r.WageType);
                csv.WriteField(r.Hours, "0.00");
                csv.WriteField(r.Rate, "0.00");
                csv.WriteField(r.Amount, "0.00");
                csv.WriteField(r.From.ToString("dd.MM.yyyy", Norwegian));
                csv.WriteField(r.To.ToString("dd.MM.yyyy", Norwegian));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }
}
