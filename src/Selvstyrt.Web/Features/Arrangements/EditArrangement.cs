using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>
/// «Endre ordningen» (issue 16): the provider's administrator or the office's coordinator renames the arrangement, moves it
/// to another office they manage at the same provider, and corrects the recipient's name or date of birth. The form sends
/// back the version it read; a change someone else saved in between is a conflict, never overwritten.
/// </summary>
public sealed class EditArrangement(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
{
    public sealed record Input(string? Name, Guid? OfficeId, string? RecipientName, LocalDate? RecipientBirthDate, string? Version);

    public sealed record Current(Guid Id, string Name, Guid OfficeId, string RecipientName, LocalDate RecipientBirthDate, string Version,
        IReadOnlyList<(Guid Id, string Name)> Offices);

    public async Task<Result<Current>> CurrentAsync(Guid id, CancellationToken ct)
    {
        if (!(await access.RelationTo(id, ct)).CanManageAssistants()) return new NotFound();
        var arrangement = await db.Arrangements.AsNoTracking().SingleAsync(a => a.Id == id, ct);
        var recipient = await db.Recipients.AsNoTracking().SingleAsync(r => r.Id == arrangement.RecipientId, ct);
        var offices = await access.ManagedOffices().AsNoTracking().Where(o => o.ProviderId == arrangement.ProviderId).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        if (offices.All(o => o.Id != arrangement.OfficeId))
            offices.Insert(0, await db.Offices.AsNoTracking().Where(o => o.Id == arrangement.OfficeId).Select(o => new { o.Id, o.Name }).SingleAsync(ct));
        return new Current(id, arrangement.Name, arrangement.OfficeId, recipient.FullName, recipient.BirthDate, Version(arrangement, recipient),
            offices.Select(o => (o.Id, o.Name)).ToList());
    }

    public async Task<Result<Current>> HandleAsync(Guid id, Input input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var relation = await access.RelationTo(id, ct);
        if (relation == Relation.None) return new NotFound();
        if (!relation.CanManageAssistants()) return new Forbidden("Bare leverandørens administrator og kontorets koordinator kan endre ordningen.");
        if (string.IsNullOrWhiteSpace(input.Version)) return Invalid.Field("version", "Send versjonen du leste (version), så ingen endringer går tapt.");
        var arrangement = await db.Arrangements.SingleAsync(a => a.Id == id, ct);
        var recipient = await db.Recipients.SingleAsync(r => r.Id == arrangement.RecipientId, ct);
        if (input.Version != Version(arrangement, recipient))
            return new Conflict("Ordningen er endret av noen andre etter at du åpnet den. Endringen din er ikke lagret: se hvordan den er nå, og lagre på nytt.") { StaleRevision = true };

        var fields = new Dictionary<string, string>();
        var renamed = arrangement.Rename(input.Name);
        if (renamed.Error is Invalid badName) foreach (var (k, v) in badName.Fields) fields[k] = v;
        var corrected = recipient.Correct(input.RecipientName, input.RecipientBirthDate, user.Today);
        if (corrected.Error is Invalid badRecipient) foreach (var (k, v) in badRecipient.Fields) fields[k] = v;
        if (input.OfficeId is not { } officeId) fields["officeId"] = "Velg kontoret.";
        else if (officeId != arrangement.OfficeId)
        {
            var target = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, ct);
            var grants = await access.ManagingGrants(ct);
            if (target is null || target.ProviderId != arrangement.ProviderId
                || !grants.Any(g => g.ProviderId == target.ProviderId && (g.Role == ProviderRole.ProviderAdmin || g.OfficeId == target.Id)))
                fields["officeId"] = "Velg et kontor du administrerer hos samme leverandør.";
            else arrangement.MoveToOffice(officeId);
        }
        if (fields.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new Invalid(fields);
        }
        await db.SaveChangesAsync(ct);
        // The save stamped both records, so the version is the new one; the office choices are the form's, not the answer's.
        return new Current(id, arrangement.Name, arrangement.OfficeId, recipient.FullName, recipient.BirthDate, Version(arrangement, recipient), []);
    }

    /// <summary>What the form read: the last change of the arrangement and of its recipient.</summary>
    private static string Version(Domain.Arrangements.Arrangement a, Domain.People.Recipient r) => RecordVersion.Of(a, r);
}
