using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Decisions;

/// <summary>The decision letter: upload (provider roles) and download (everyone who may see the decision).</summary>
public sealed class DecisionDocuments(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
{
    public sealed record File(string Name, byte[] Content);

    public async Task<Result<Guid>> UploadAsync(Guid arrangementId, Guid decisionId, string fileName, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeeDecision()) return new NotFound();
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId && d.ArrangementId == arrangementId, ct);
        if (decision is null) return new NotFound();
        if (!relation.CanManageDecisions()) return new Forbidden("Bare leverandøren kan legge ved vedtaksbrev.");
        var document = DecisionDocument.Create(Guid.CreateVersion7(), decisionId, fileName, content, user.Now);
        if (!document.IsSuccess) return document.Error!;
        db.DecisionDocuments.Add(document.Value!);
        decision.AttachDocument(document.Value!.Id, document.Value.FileName);
        await db.SaveChangesAsync(ct);
        return document.Value.Id;
    }

    /// <summary>Reads an uploaded form file whole (Kestrel caps a request at 10 MB; the domain checks the 8 MB limit).</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public async Task<Result<File>> DownloadAsync(Guid arrangementId, Guid decisionId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeeDecision()) return new NotFound();
        var documentId = await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId && d.ArrangementId == arrangementId).Select(d => d.DocumentId).SingleOrDefaultAsync(ct);
        if (documentId is null) return new NotFound("Vedtaket har ikke noe vedlagt vedtaksbrev.");
        var file = await db.DecisionDocuments.AsNoTracking().Where(x => x.Id == documentId).Select(x => new File(x.FileName, x.Content)).SingleAsync(ct);
        await access.LogReadAsync(arrangementId, relation, "vedtaksbrev", ct);
        return file;
    }
}
