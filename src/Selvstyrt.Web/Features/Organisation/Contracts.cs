using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Billing;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Organisation;

/// <summary>
/// The municipalities a provider serves and its contracts with them (NS 8435: the hourly rate, the VEDTAK-1 warning
/// threshold, the contact who receives the reports). A municipality is shared reference data found by its number;
/// adding one the provider already serves is refused, and a new rate is a new contract version from a date, which ends
/// the one before. Only the provider's administrator sees and changes contracts (they are commercial terms).
/// Creates are idempotent on the client's key.
/// </summary>
public sealed class Contracts(SelvstyrtDb db, CurrentUser user, AdministeredProvider providers)
{
    public sealed record Row(Guid ContractId, Guid MunicipalityId, string Number, string Name, LocalDate ValidFrom, LocalDate? ValidTo,
        decimal HourlyRate, decimal WarnThresholdPercent, string Reference, string? ReportContactName, string? ReportContactEmail);

    /// <summary>A contract's terms; with <c>Number</c> and <c>Name</c> when the municipality is added with it.</summary>
    public sealed record Command(Guid? ProviderId, string? Number, string? Name, decimal? HourlyRate, LocalDate? ValidFrom,
        decimal? WarnThresholdPercent, string? Reference, string? ReportContactName, string? ReportContactEmail, string? IdempotencyKey);

    public sealed record Saved(Guid ContractId, Guid MunicipalityId, bool AlreadyExisted);

    /// <summary>Every contract version of the providers the user administers, the municipality's number first, newest version first.</summary>
    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        var rows = await db.MunicipalityContracts.AsNoTracking().Where(c => administered.Contains(c.ProviderId))
            .Join(db.Municipalities, c => c.MunicipalityId, m => m.Id, (c, m) => new Row(c.Id, m.Id, m.Number, m.Name, c.ValidFrom, c.ValidTo,
                c.HourlyRate, c.WarnThresholdPercent, c.Reference, c.ReportContactName, c.ReportContactEmail))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Number, StringComparer.Ordinal).ThenByDescending(r => r.ValidFrom).ToList();
    }

    /// <summary>Adds a municipality (found by number, or created) with the provider's first contract with it.</summary>
    public async Task<Result<Saved>> AddMunicipalityAsync(Command c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var checkedFirst = await PrepareAsync(c, ct);
        if (!checkedFirst.IsSuccess) return checkedFirst.Error!;
        var (providerId, id) = checkedFirst.Value;
        if (await db.MunicipalityContracts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } earlier) return new Saved(id, earlier.MunicipalityId, true);

        var candidate = Municipality.New(Guid.CreateVersion7(), c.Number, c.Name);
        var existing = candidate.Value is { } valid ? await db.Municipalities.SingleOrDefaultAsync(m => m.Number == valid.Number, ct) : null;
        var municipality = existing ?? candidate.Value;
        var terms = Terms(c, providerId, municipality?.Id ?? Guid.Empty, id);
        var fields = candidate.Error is Invalid invalid ? new Dictionary<string, string>(invalid.Fields) : [];
        if (terms.Error is Invalid termErrors) foreach (var (k, v) in termErrors.Fields) fields[k] = v;
        if (fields.Count > 0) return new Invalid(fields);

        if (existing is null) db.Municipalities.Add(municipality!);
        else if (await db.MunicipalityContracts.AnyAsync(x => x.ProviderId == providerId && x.MunicipalityId == existing.Id, ct))
            return Invalid.Field("number", $"{existing.Name} er allerede lagt til. Ny timepris legges inn som en ny avtale fra en dato.");
        db.MunicipalityContracts.Add(terms.Value!);
        return await SaveAsync(id, municipality!.Id, ct);
    }

    /// <summary>A new contract version with a municipality the provider serves, from a date after the current one's start; the current one ends the day before.</summary>
    public async Task<Result<Saved>> AddContractAsync(Guid municipalityId, Command c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var checkedFirst = await PrepareAsync(c, ct);
        if (!checkedFirst.IsSuccess) return checkedFirst.Error!;
        var (providerId, id) = checkedFirst.Value;
        if (await db.MunicipalityContracts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } earlier) return new Saved(id, earlier.MunicipalityId, true);
        var versions = await db.MunicipalityContracts.Where(x => x.ProviderId == providerId && x.MunicipalityId == municipalityId).OrderBy(x => x.ValidFrom).ToListAsync(ct);
        if (versions.Count == 0) return new NotFound();
        var terms = Terms(c, providerId, municipalityId, id);
        if (!terms.IsSuccess) return terms.Error!;
        var latest = versions[^1];
        if (terms.Value!.ValidFrom <= latest.ValidFrom)
            return Invalid.Field("validFrom", $"Den nye avtalen må gjelde fra en dato etter {latest.ValidFrom.ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))}, da den forrige begynte.");
        if (latest.ValidTo is null || latest.ValidTo >= terms.Value.ValidFrom) latest.EndBefore(terms.Value.ValidFrom);
        db.MunicipalityContracts.Add(terms.Value);
        return await SaveAsync(id, municipalityId, ct);
    }

    private async Task<Result<(Guid ProviderId, Guid ContractId)>> PrepareAsync(Command c, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100)
            return Invalid.Field("idempotencyKey", "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).");
        var provider = await providers.ResolveAsync(c.ProviderId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        return (provider.Value, KeyedId.For($"contract:{provider.Value}", c.IdempotencyKey));
    }

    private Result<MunicipalityContract> Terms(Command c, Guid providerId, Guid municipalityId, Guid id)
    {
        var fields = new Dictionary<string, string>();
        if (c.HourlyRate is null) fields["hourlyRate"] = "Timeprisen må fylles ut.";
        if (c.ValidFrom is null) fields["validFrom"] = "Fra-dato må fylles ut.";
        else if (c.ValidFrom < user.Today.PlusYears(-20) || c.ValidFrom > user.Today.PlusYears(5)) fields["validFrom"] = "Fra-datoen må være en realistisk dato.";
        // Missing rate or date are named above; stand-ins let the contract's own checks name every other field at once.
        var contract = MunicipalityContract.Create(id, providerId, municipalityId, c.ValidFrom ?? user.Today, null, c.HourlyRate ?? 1m,
            c.WarnThresholdPercent ?? MunicipalityContract.DefaultThresholdPercent, c.Reference ?? "", c.ReportContactName, c.ReportContactEmail);
        if (contract.Error is Invalid invalid) foreach (var (k, v) in invalid.Fields) fields.TryAdd(k, v);
        return fields.Count > 0 ? new Invalid(fields) : contract;
    }

    private async Task<Result<Saved>> SaveAsync(Guid id, Guid municipalityId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent retry with the same key, or the same municipality number added at the same moment.
            db.ChangeTracker.Clear();
            if (await db.MunicipalityContracts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) is { } winner) return new Saved(id, winner.MunicipalityId, true);
            return new Conflict("Noen andre la til det samme samtidig. Last inn siden og se om det allerede er der.");
        }
        return new Saved(id, municipalityId, false);
    }
}
