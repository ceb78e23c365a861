using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>A bundle file as read: the document, the stored files it names, and the file's SHA-256.</summary>
public sealed record ReadBundle(JsonObject Document, IReadOnlyDictionary<string, byte[]> Files, string Sha256);

/// <summary>
/// The bundle as one ZIP file: <c>arrangement.json</c> (the data), <c>skjema/arrangement-bundle-v1.schema.json</c>, the
/// stored documents under <c>dokumenter/</c>, readable PDFs under <c>lesbar/</c> (made for people; never read back) and
/// <c>LES-MEG.txt</c> saying all this in Norwegian. Reading refuses anything but a well-formed bundle within the limits.
/// </summary>
public static class BundleArchive
{
    public const string DocumentName = "arrangement.json";
    public const string SchemaName = "skjema/arrangement-bundle-v1.schema.json";

    /// <summary>The most a bundle may unpack to (a large arrangement's ten years with its PDFs stays well below).</summary>
    public const long MaxUnpacked = 512L * 1024 * 1024;

    public const int MaxEntries = 100_000;

    public static byte[] Write(ExportedBundle bundle, string schema, IReadOnlyDictionary<string, byte[]> readable, string readme)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(readable);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "LES-MEG.txt", Encoding.UTF8.GetBytes(readme));
            Add(zip, DocumentName, JsonSerializer.SerializeToUtf8Bytes(bundle.Document, BundleFormat.Json));
            Add(zip, SchemaName, Encoding.UTF8.GetBytes(schema));
            foreach (var (path, bytes) in bundle.Files) Add(zip, path, bytes);
            foreach (var (path, bytes) in readable.OrderBy(r => r.Key, StringComparer.Ordinal)) Add(zip, "lesbar/" + path, bytes);
        }
        return stream.ToArray();
    }

    /// <summary>One entry of a ZIP file (also the access request's).</summary>
    internal static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        // One fixed time stamp on every entry: when the bundle was made is said once, in arrangement.json.
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var target = entry.Open();
        target.Write(bytes);
    }

    public static Result<ReadBundle> Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) return Invalid.Field("file", $"Pakken har flere enn {MaxEntries} filer.");
            JsonObject? document = null;
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                if (entry.FullName != DocumentName && !entry.FullName.StartsWith("dokumenter/", StringComparison.Ordinal)) continue;
                total += entry.Length;
                if (total > MaxUnpacked) return Invalid.Field("file", "Pakken er større enn 512 MB pakket ut.");
                using var source = entry.Open();
                using var copy = new MemoryStream();
                source.CopyTo(copy);
                if (copy.Length != entry.Length) return Invalid.Field("file", "Pakken er skadet.");
                if (entry.FullName == DocumentName)
                    document = JsonNode.Parse(copy.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject;
                else files[entry.FullName] = copy.ToArray();
            }
            return document is null
                ? Invalid.Field("file", $"Pakken mangler {DocumentName}; er det en ordningspakke fra Selvstyrt?")
                : new ReadBundle(document, files, sha);
        }
        catch (InvalidDataException)
        {
            return Invalid.Field("file", "Filen er ikke en ZIP-fil, eller den er skadet.");
        }
        catch (JsonException)
        {
            return Invalid.Field("file", $"{DocumentName} i pakken er ikke gyldig JSON.");
        }
    }
}
