using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Decisions;

/// <summary>
/// Registers a decision: a new one, or a new version of the one in force from a date (the old version ends the
/// day before and stays visible). Only the provider's administrator and the office's coordinator register
/// decisions. Idempotent on the client's key.
/// </summary>
public static class SaveDecision
{
    public sealed record NeedInput(DecisionPurposes Need, decimal? Hours);

    /// <summary>A decision to register; <c>ChangesDecisionId</c> is the version to change, null for a new decision.</summary>
    public sealed record Command(
        Guid? ChangesDecisionId, decimal? Hours, GrantUnit? Unit, LocalDate? ValidFrom, LocalDate? ValidTo, IReadOnlyList<NeedInput>? Needs,
        bool SavingAllowed, AveragingPeriod? Averaging, UnusedHoursPolicy? Unused, string? CaseNumber, string? IdempotencyKey);

    public sealed record Saved(Guid Id, bool AlreadyExisted);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access)
    {
        public async Task<Result<Saved>> HandleAsync(Guid arrangementId, Command c, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(c);
            var relation = await access.RelationTo(arrangementId, ct);
            if (!relation.CanSeeDecision()) return new NotFound();
            if (!relation.CanManageDecisions()) return new Forbidden("Bare leverandørens administrator og kontorets koordinator kan registrere vedtak.");

            var fields = new Dictionary<string, string>();
            if (c.Hours is null) fields["hours"] = "Timetallet må fylles ut.";
            if (c.Unit is null) fields["unit"] = "Velg om timene gjelder per uke, måned eller år.";
            if (c.ValidFrom is null) fields["validFrom"] = "Fra-dato må fylles ut.";
            if (c.Averaging is null) fields["averaging"] = "Velg en gjennomsnittsperiode.";
            if (c.Needs is null || c.Needs.Count == 0) fields["needs"] = "Velg minst ett behov vedtaket dekker.";
            if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100)
                fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).";
            var terms = fields.Count == 0
                ? new DecisionTerms(c.Hours!.Value, c.Unit!.Value, c.ValidFrom!.Value, c.ValidTo, (c.Needs ?? []).Select(n => new NeedHours(n.Need, n.Hours)).ToList(),
                    c.SavingAllowed, c.Averaging!.Value, c.Unused ?? UnusedHoursPolicy.ReturnedToMunicipality, c.CaseNumber ?? "")
                : null;
            if (terms is not null) foreach (var (k, v) in terms.Validate()) fields[k] = v;
            // Every problem at once: the hours per need are checked even when another field is missing.
            if (fields.Count > 0) return new Invalid(fields);

            var existing = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId && d.IdempotencyKey == c.IdempotencyKey)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
            if (existing is { } known) return new Saved(known, true);

            var all = await db.Decisions.Where(d => d.ArrangementId == arrangementId).ToListAsync(ct);
            Decision created;
            if (c.ChangesDecisionId is { } changes)
            {
                var old = all.SingleOrDefault(d => d.Id == changes);
                if (old is null) return Invalid.Field("changesDecisionId", "Fant ikke vedtaket som skal endres i denne ordningen.");
                if (all.Any(d => d.PreviousVersionId == old.Id)) return Invalid.Field("changesDecisionId", "Denne versjonen er allerede endret. Endre den nyeste versjonen.");
                var next = old.ChangeFrom(Guid.CreateVersion7(), terms!, c.IdempotencyKey);
                if (!next.IsSuccess) return next.Error!;
                created = next.Value!;
            }
            else
            {
                var overlapping = all.FirstOrDefault(d => !d.IsReplacedEntirely && d.ValidFrom <= (terms!.ValidTo ?? LocalDate.MaxIsoValue) && terms.ValidFrom <= (d.ValidTo ?? LocalDate.MaxIsoValue));
                if (overlapping is not null)
                    return Invalid.Field("validFrom", $"Ordningen har allerede et vedtak ({overlapping.CaseNumber}) i denne perioden. Registrer en endring av det i stedet.");
                var fresh = Decision.Create(Guid.CreateVersion7(), arrangementId, terms!, c.IdempotencyKey);
                if (!fresh.IsSuccess) return fresh.Error!;
                created = fresh.Value!;
            }
            db.Decisions.Add(created);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Conflict("Noen andre endret vedtaket samtidig. Last inn siden på nytt og prøv igjen; det du skrev er tatt vare på i skjemaet.");
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var winner = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId && d.IdempotencyKey == c.IdempotencyKey)
                    .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
                if (winner is null) throw;
                return new Saved(winner.Value, true);
            }
            return new Saved(created.Id, false);
        }
    }
}

/// <summary>The decisions of an arrangement, newest first, with their BPA-2-1D notes.</summary>
public static class ListDecisions
{
    public sealed record NeedView(DecisionPurposes Need, decimal? Hours);

    public sealed record View(
        Guid Id, int VersionNo, Guid? PreviousVersionId, decimal Hours, GrantUnit Unit, decimal HoursPerWeek, LocalDate ValidFrom, LocalDate? ValidTo,
        IReadOnlyList<NeedView> Needs, bool SavingAllowed, AveragingPeriod Averaging, UnusedHoursPolicy Unused, string CaseNumber,
        bool InForce, bool ReplacedEntirely, bool ChangedLater, string? DocumentName, IReadOnlyList<DecisionNote> Notes);

    public sealed record Page(string ArrangementName, Relation Relation, IReadOnlyList<View> Decisions);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<Page>> HandleAsync(Guid arrangementId, CancellationToken ct)
        {
            var relation = await access.RelationTo(arrangementId, ct);
            if (!relation.CanSeeDecision()) return new NotFound();
            var today = user.Today;
            var a = await db.Arrangements.AsNoTracking().Where(x => x.Id == arrangementId).Select(x => new { x.Name, x.RecipientId }).SingleAsync(ct);
            var birth = await db.Recipients.AsNoTracking().Where(r => r.Id == a.RecipientId).Select(r => r.BirthDate).SingleAsync(ct);
            var all = await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).ToListAsync(ct);
            var first = all.Count == 0 ? today : all.Min(d => d.ValidFrom);
            var views = all.OrderByDescending(d => d.ValidFrom).ThenByDescending(d => d.VersionNo)
                .Select(d => new View(d.Id, d.VersionNo, d.PreviousVersionId, d.Hours, d.Unit, d.HoursPerWeek, d.ValidFrom, d.ValidTo,
                    d.Needs.OrderBy(n => n.Need).Select(n => new NeedView(n.Need, n.Hours)).ToList(), d.SavingAllowed, d.Averaging, d.Unused, d.CaseNumber,
                    d.IsValidOn(today), d.IsReplacedEntirely, all.Any(x => x.PreviousVersionId == d.Id), d.DocumentName,
                    DecisionNotes.For(d.Terms, birth, first)))
                .ToList();
            await access.LogReadAsync(arrangementId, relation, "vedtak", ct);
            return new Page(a.Name, relation, views);
        }
    }
}

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
