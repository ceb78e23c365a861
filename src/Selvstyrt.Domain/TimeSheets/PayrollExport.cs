using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>
/// A payroll export as a record: which sheets, which month, which format, when and by whom, the file itself and its
/// SHA-256 checksum, so that what payroll received can be shown and verified later. A sheet is exported once; exporting
/// it again must be asked for explicitly (<see cref="IsReexport"/>).
/// </summary>
public sealed class PayrollExport : AuditedAggregate
{
    private readonly List<ExportedSheet> _sheets = [];

    private PayrollExport(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public LocalDate Month { get; private set; }
    public string Format { get; private set; } = "";
    public Instant At { get; private set; }
    public string By { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Checksum { get; private set; } = "";
    public int RowCount { get; private set; }
    /// <summary>Paid time: ordinary, passive (at its factor) and overtime minutes; supplement minutes label the same time and are not added.</summary>
    public long TotalMinutes { get; private set; }
    public decimal TotalAmount { get; private set; }
    public bool IsReexport { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<ExportedSheet> Sheets => _sheets;

    public static PayrollExport Create(Guid id, Guid providerId, LocalDate month, string format, SheetActor actor, string fileName, string contentType,
        byte[] content, IReadOnlyList<PayrollRow> rows, IEnumerable<Guid> sheetIds, bool reexport, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sheetIds);
        var export = new PayrollExport(id)
        {
            ProviderId = providerId, Month = month, Format = format, At = actor.At, By = actor.By, ByName = actor.Name,
            FileName = fileName, ContentType = contentType, Content = content,
            Checksum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            RowCount = rows.Count, TotalMinutes = rows.Where(r => PayCategory.IsTime(r.Category)).Sum(r => r.Minutes), TotalAmount = rows.Sum(r => r.Amount),
            IsReexport = reexport, IdempotencyKey = idempotencyKey,
        };
        foreach (var sheet in sheetIds) export._sheets.Add(new ExportedSheet(Guid.CreateVersion7(), id, sheet));
        return export;
    }
}

/// <summary>A sheet in an export.</summary>
public sealed class ExportedSheet : Entity
{
    internal ExportedSheet(Guid id, Guid exportId, Guid sheetId) : base(id)
    {
        ExportId = exportId;
        SheetId = sheetId;
    }

    public Guid ExportId { get; private set; }
    public Guid SheetId { get; private set; }
}
