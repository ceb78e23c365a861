using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Imports;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>What a file is imported as.</summary>
public enum ImportKind
{
    /// <summary>Assistants with their employment and places in arrangements (<see cref="AssistantImport"/>).</summary>
    Assistants = 1,

    /// <summary>Arrangements with their recipients (<see cref="ArrangementImport"/>).</summary>
    Arrangements = 2,
}

/// <summary>
/// The bulk imports for the provider's administrator and an office's coordinator (their offices only): upload a file (kept
/// as a draft for the uploader for a day), map its columns, preview every bad row, and import only a clean file, all rows
/// in one transaction. The API runs the same steps in one call. The kind of import decides the fields and what a row means.
/// </summary>
public sealed class Imports(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
{
    public static IReadOnlyList<ImportField> FieldsOf(ImportKind kind) => kind == ImportKind.Arrangements ? ArrangementImport.Fields : AssistantImport.Fields;

    public static Dictionary<string, string> Guess(ImportKind kind, IReadOnlyList<string> headers)
        => kind == ImportKind.Arrangements ? ArrangementImport.Guess(headers) : AssistantImport.Guess(headers);

    public sealed record Draft(Guid Id, string FileName, IReadOnlyList<string> Headers, int Rows, IReadOnlyList<IReadOnlyList<string>> Sample);

    /// <summary>What a run gave, with the column mapping it used (the caller's, or the guess).</summary>
    public sealed record Outcome(ImportReport Report, bool Applied, IReadOnlyDictionary<string, string> Mapping);

    private sealed record Stored(List<string> Headers, List<List<string>> Rows);

    /// <summary>Reads the file and keeps it as a draft for the mapping step; older drafts of the user are deleted.</summary>
    public async Task<Result<Draft>> UploadAsync(byte[] content, string? fileName, Guid? providerId, CancellationToken ct)
    {
        var provider = await ProviderAsync(providerId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        var table = ImportTable.Read(content, fileName);
        if (!table.IsSuccess) return table.Error!;
        var uid = user.Id;
        var stale = user.Now - ImportDraft.Lifetime;
        await db.ImportDrafts.Where(d => d.UserId == uid && d.CreatedAt < stale).ExecuteDeleteAsync(ct);
        var json = JsonSerializer.Serialize(new Stored(table.Value!.Headers.ToList(), table.Value.Rows.Select(r => r.ToList()).ToList()));
        var draft = ImportDraft.Create(Guid.CreateVersion7(), provider.Value, uid, fileName, json, table.Value.Rows.Count, user.Now);
        db.ImportDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return ToDraft(draft, table.Value);
    }

    public async Task<Result<Draft>> DraftAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        return loaded.IsSuccess ? ToDraft(loaded.Value!.Draft, loaded.Value.Table) : loaded.Error!;
    }

    /// <summary>Previews (or, with <paramref name="commit"/>, imports) a draft with a column mapping.</summary>
    public async Task<Result<Outcome>> RunDraftAsync(ImportKind kind, Guid id, IReadOnlyDictionary<string, string> mapping, bool commit, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var outcome = await RunAsync(kind, loaded.Value!.Table, mapping, loaded.Value.Draft.ProviderId, commit, ct);
        if (outcome.IsSuccess && outcome.Value!.Applied) await db.ImportDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(ct);
        return outcome;
    }

    /// <summary>The API's one call: read the file, map its columns (the given mapping, else the guess), preview or import.</summary>
    public async Task<Result<Outcome>> RunFileAsync(ImportKind kind, byte[] content, string? fileName, IReadOnlyDictionary<string, string>? mapping, Guid? providerId, bool commit,
        CancellationToken ct)
    {
        var provider = await ProviderAsync(providerId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        var table = ImportTable.Read(content, fileName);
        if (!table.IsSuccess) return table.Error!;
        return await RunAsync(kind, table.Value!, mapping ?? Guess(kind, table.Value!.Headers), provider.Value, commit, ct);
    }

    private async Task<Result<Outcome>> RunAsync(ImportKind kind, ImportTable table, IReadOnlyDictionary<string, string> mapping, Guid providerId, bool commit, CancellationToken ct)
    {
        var offices = await access.ManagedOffices().AsNoTracking().Where(o => o.ProviderId == providerId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        if (offices.Count == 0) return new Forbidden("Du administrerer ingen kontorer hos denne leverandøren.");
        var managed = offices.Select(o => (o.Id, o.Name)).ToList();
        ImportReport report;
        if (kind == ImportKind.Arrangements)
        {
            var world = await ArrangementWorldAsync(providerId, managed, ct);
            report = ArrangementImport.Apply(table, mapping, world);
            db.Recipients.AddRange(world.AddedRecipients);
            db.Arrangements.AddRange(world.AddedArrangements);
        }
        else
        {
            var world = await AssistantWorldAsync(providerId, managed, ct);
            report = AssistantImport.Apply(table, mapping, world);
            db.Assistants.AddRange(world.Added);
        }
        if (!commit || !report.Clean)
        {
            db.ChangeTracker.Clear();
            return new Outcome(report, false, mapping);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone changed the same records or imported the same keys meanwhile: nothing of this file is saved.
            db.ChangeTracker.Clear();
            return new Conflict("Noen endret de samme opplysningene samtidig. Ingenting fra filen er lagret; forhåndsvis og importer på nytt.");
        }
        return new Outcome(report, true, mapping);
    }

    private async Task<ArrangementWorld> ArrangementWorldAsync(Guid providerId, List<(Guid Id, string Name)> offices, CancellationToken ct)
    {
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => db.MunicipalityContracts.Any(c => c.MunicipalityId == m.Id && c.ProviderId == providerId))
            .OrderBy(m => m.Number).Select(m => new { m.Id, m.Number, m.Name }).ToListAsync(ct);
        var recipients = await db.Recipients.AsNoTracking().Where(r => r.ProviderId == providerId).ToListAsync(ct);
        var arrangements = await db.Arrangements.Where(a => a.ProviderId == providerId).ToListAsync(ct);
        return new ArrangementWorld(providerId, user.Today, offices, municipalities.Select(m => (m.Id, m.Number, m.Name)).ToList(), recipients, arrangements);
    }

    private async Task<ImportWorld> AssistantWorldAsync(Guid providerId, List<(Guid Id, string Name)> offices, CancellationToken ct)
    {
        var officeIds = offices.Select(o => o.Id).ToHashSet();
        var assistants = await db.Assistants.Include(a => a.Employments)
            .Where(a => a.ProviderId == providerId && a.EmployeeNumber != null).AsSplitQuery().ToListAsync(ct);
        var today = user.Today;
        var arrangements = await db.Arrangements.Include(a => a.Assignments)
            .Where(a => a.ProviderId == providerId && officeIds.Contains(a.OfficeId) && (a.EndDate == null || a.EndDate >= today))
            .AsSplitQuery().ToListAsync(ct);
        return new ImportWorld(providerId, today, offices, assistants, arrangements, officeIds);
    }

    private async Task<Result<(ImportDraft Draft, ImportTable Table)>> LoadAsync(Guid id, CancellationToken ct)
    {
        var uid = user.Id;
        var draft = await db.ImportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == uid, ct);
        if (draft is null || draft.HasExpired(user.Now)) return new NotFound("Fant ikke den opplastede filen. Den slettes etter et døgn; last den opp på nytt.");
        var stored = JsonSerializer.Deserialize<Stored>(draft.Content)!;
        return (draft, new ImportTable(stored.Headers, stored.Rows.Select(r => (IReadOnlyList<string>)r).ToList()));
    }

    /// <summary>The provider the import is for: the one whose offices the user manages, or the one named when there are several.</summary>
    private async Task<Result<Guid>> ProviderAsync(Guid? providerId, CancellationToken ct)
    {
        var providers = (await access.ManagingGrants(ct)).Select(g => g.ProviderId).Distinct().ToList();
        if (providers.Count == 0) return new Forbidden("Bare leverandørens administrator og kontorets koordinator kan importere.");
        if (providerId is { } wanted) return providers.Contains(wanted) ? wanted : new Forbidden("Du administrerer ikke denne leverandøren.");
        return providers.Count == 1 ? providers[0] : Invalid.Field("providerId", "Du administrerer kontorer hos flere leverandører: oppgi hvilken (providerId).");
    }

    private static Draft ToDraft(ImportDraft draft, ImportTable table)
        => new(draft.Id, draft.FileName, table.Headers, table.Rows.Count, table.Rows.Take(3).ToList());

    /// <summary>The issues as field errors for problem+json: «rad 5 – Stillingsprosent» with its messages.</summary>
    public static Invalid AsInvalid(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Invalid(report.Issues.GroupBy(i => $"rad {i.Row} – {i.Column}").ToDictionary(g => g.Key, g => string.Join(" ", g.Select(i => i.Message))));
    }
}
