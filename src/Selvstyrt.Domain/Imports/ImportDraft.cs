using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Imports;

/// <summary>
/// An uploaded spreadsheet waiting for its column mapping and preview (bulk import, issue 16). Kept as the rows' text for a
/// day at most, for the person who uploaded it only, and deleted when imported; nothing in it counts until then.
/// </summary>
public sealed class ImportDraft : Entity
{
    public static readonly Duration Lifetime = Duration.FromHours(24);

    private ImportDraft(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid UserId { get; private set; }
    public string FileName { get; private set; } = "";

    /// <summary>The header and rows as JSON (<c>{"headers":[…],"rows":[[…]]}</c>).</summary>
    public string Content { get; private set; } = "";
    public int RowCount { get; private set; }
    public Instant CreatedAt { get; private set; }

    public static ImportDraft Create(Guid id, Guid providerId, Guid userId, string? fileName, string content, int rowCount, Instant now)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (name.Length == 0) name = "import";
        if (name.Length > 200) name = name[..200];
        return new ImportDraft(id) { ProviderId = providerId, UserId = userId, FileName = name, Content = content, RowCount = rowCount, CreatedAt = now };
    }

    public bool HasExpired(Instant now) => now - CreatedAt > Lifetime;
}
