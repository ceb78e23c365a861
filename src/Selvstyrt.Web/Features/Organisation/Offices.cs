using Microsoft.EntityFrameworkCore;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Organisation;

/// <summary>
/// A provider's offices: the administrator creates and renames them; a coordinator sees their own. Creating is
/// idempotent: the office's id comes from the client's key, so a retry finds the office made the first time.
/// </summary>
public sealed class Offices(SelvstyrtDb db, ArrangementAccess access, AdministeredProvider providers)
{
    /// <summary><see cref="Version"/>: what a rename sends back, so a change saved in between is a conflict.</summary>
    public sealed record Row(Guid Id, Guid ProviderId, string Name, string Region, int Arrangements, int Assistants, bool CanEdit)
    {
        public string? Version { get; init; }
    }

    public sealed record Command(Guid? ProviderId, string? Name, string? Region, string? IdempotencyKey);

    public sealed record Saved(Guid Id, bool AlreadyExisted);

    /// <summary>The offices the user administers (all of the provider) or coordinates (their own), by name.</summary>
    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var grants = await access.ManagingGrants(ct);
        var admin = grants.Where(g => g.Role == ProviderRole.ProviderAdmin).Select(g => g.ProviderId).ToList();
        var own = grants.Where(g => g.OfficeId is not null).Select(g => g.OfficeId!.Value).ToList();
        var rows = await db.Offices.AsNoTracking().Where(o => admin.Contains(o.ProviderId) || own.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new
            {
                Row = new Row(o.Id, o.ProviderId, o.Name, o.Region,
                    db.Arrangements.Count(a => a.OfficeId == o.Id && a.EndDate == null),
                    db.Assistants.Count(a => a.OfficeId == o.Id),
                    admin.Contains(o.ProviderId)),
                o.CreatedAt, o.UpdatedAt,
            })
            .ToListAsync(ct);
        // The version only where the user may rename (the administrator).
        return rows.Select(r => r.Row.CanEdit ? r.Row with { Version = RecordVersion.Of(r.CreatedAt, r.UpdatedAt) } : r.Row)
            .ToList();
    }

    /// <summary>One office the user administers, for its edit form (without the counts); not found for anyone else.</summary>
    public async Task<Result<Row>> GetAsync(Guid id, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (office is null || !await providers.AdministersAsync(office.ProviderId, ct)) return new NotFound();
        return new Row(office.Id, office.ProviderId, office.Name, office.Region, 0, 0, true) { Version = RecordVersion.Of(office) };
    }

    public async Task<Result<Saved>> CreateAsync(Command c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100)
            return Invalid.Field("idempotencyKey", "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).");
        var provider = await providers.ResolveAsync(c.ProviderId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        var id = KeyedId.For($"office:{provider.Value}", c.IdempotencyKey);
        if (await db.Offices.AnyAsync(o => o.Id == id, ct)) return new Saved(id, true);
        var office = Office.New(id, provider.Value, c.Name, c.Region);
        if (!office.IsSuccess) return office.Error!;
        if (await db.Offices.AnyAsync(o => o.ProviderId == provider.Value && o.Name == office.Value!.Name, ct))
            return Invalid.Field("name", "Leverandøren har allerede et kontor med dette navnet.");
        db.Offices.Add(office.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry with the same key saved the same id first.
            db.ChangeTracker.Clear();
            if (await db.Offices.AnyAsync(o => o.Id == id, ct)) return new Saved(id, true);
            throw;
        }
        return new Saved(id, false);
    }

    public async Task<Result<Saved>> RenameAsync(Guid id, string? name, string? region, string? version, CancellationToken ct)
    {
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (office is null || !await providers.AdministersAsync(office.ProviderId, ct)) return new NotFound();
        if (string.IsNullOrWhiteSpace(version)) return Invalid.Field("version", "Send versjonen du leste (version), så ingen endringer går tapt.");
        if (version != RecordVersion.Of(office))
            return new Conflict("Kontoret er endret av noen andre etter at du åpnet det. Endringen din er ikke lagret: se hvordan det er nå, og lagre på nytt.") { StaleRevision = true };
        var renamed = office.Rename(name, region);
        if (!renamed.IsSuccess) return renamed.Error!;
        if (await db.Offices.AnyAsync(o => o.ProviderId == office.ProviderId && o.Id != id && o.Name == office.Name, ct))
            return Invalid.Field("name", "Leverandøren har allerede et kontor med dette navnet.");
        await db.SaveChangesAsync(ct);
        return new Saved(id, true);
    }
}
