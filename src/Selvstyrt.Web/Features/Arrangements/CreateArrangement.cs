using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Arrangements;

/// <summary>
/// Creates an arrangement with its recipient: in an office the user manages (the provider's administrator, or the
/// office's coordinator), in a municipality the provider has a contract with, with who the employer is and a start
/// date. A recipient already registered with the provider, whose arrangements have all ended, can be chosen instead of a
/// new one (a recipient who moves and gets a new arrangement). Idempotent on the client's key: the ids come from it.
/// </summary>
public static class CreateArrangement
{
    public sealed record Command(Guid? OfficeId, Guid? MunicipalityId, Guid? RecipientId, string? RecipientName, LocalDate? RecipientBirthDate,
        string? Name, EmployerModel? EmployerModel, LocalDate? StartDate, string? IdempotencyKey);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    /// <summary>
    /// What the form offers: the offices the user manages, the municipalities their providers have contracts with, and the
    /// recipients who may get a new arrangement (<see cref="Handler.Choosable"/>).
    /// </summary>
    public sealed record Choices(IReadOnlyList<(Guid Id, string Name)> Offices, IReadOnlyList<(Guid Id, string Name)> Municipalities)
    {
        public IReadOnlyList<(Guid Id, string Name)> Recipients { get; init; } = [];
    }

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Choices> ChoicesAsync(CancellationToken ct)
        {
            var offices = await access.ManagedOffices().AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.ProviderId }).ToListAsync(ct);
            var providers = offices.Select(o => o.ProviderId).Distinct().ToList();
            var municipalities = await db.Municipalities.AsNoTracking()
                .Where(m => db.MunicipalityContracts.Any(c => c.MunicipalityId == m.Id && providers.Contains(c.ProviderId)))
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Number, m.Name }).ToListAsync(ct);
            var recipients = await Choosable().AsNoTracking().OrderBy(r => r.FullName).Select(r => new { r.Id, r.FullName, r.BirthDate }).ToListAsync(ct);
            return new Choices(offices.Select(o => (o.Id, o.Name)).ToList(), municipalities.Select(m => (m.Id, $"{m.Name} ({m.Number})")).ToList())
            {
                Recipients = recipients.Select(r => (r.Id, $"{r.FullName} (født {r.BirthDate.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)})")).ToList(),
            };
        }

        /// <summary>
        /// The recipients a new arrangement can be made for (one who moves, or comes back): every arrangement of theirs has
        /// ended, and one of them was in an office the user manages. Nobody else's recipients are shown or accepted.
        /// </summary>
        public IQueryable<Recipient> Choosable()
        {
            var today = user.Today;
            var managed = access.ManagedOffices().Select(o => o.Id);
            return db.Recipients.Where(r =>
                db.Arrangements.Any(a => a.RecipientId == r.Id && managed.Contains(a.OfficeId))
                && !db.Arrangements.Any(a => a.RecipientId == r.Id && (a.EndDate == null || a.EndDate >= today)));
        }

        public async Task<Result<Created>> HandleAsync(Command c, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(c);
            var fields = new Dictionary<string, string>();
            if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100)
                return Invalid.Field("idempotencyKey", "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).");
            var office = c.OfficeId is { } officeId ? await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, ct) : null;
            var grants = await access.ManagingGrants(ct);
            if (office is null || !grants.Any(g => g.ProviderId == office.ProviderId && (g.Role == ProviderRole.ProviderAdmin || g.OfficeId == office.Id)))
                return grants.Count == 0
                    ? new Forbidden("Bare leverandørens administrator og kontorets koordinator kan opprette ordninger.")
                    : Invalid.Field("officeId", "Velg et kontor du kan opprette ordninger for.");
            var providerId = office.ProviderId;
            var id = KeyedId.For($"arrangement:{providerId}", c.IdempotencyKey);
            if (await db.Arrangements.AnyAsync(a => a.Id == id, ct)) return new Created(id, true);

            if (c.MunicipalityId is not { } municipalityId
                || !await db.MunicipalityContracts.AnyAsync(x => x.ProviderId == providerId && x.MunicipalityId == municipalityId, ct))
                fields["municipalityId"] = "Velg en kommune dere har avtale med. Nye kommuner legges til under «Organisasjon».";
            if (c.StartDate is null) fields["startDate"] = "Startdato må fylles ut.";
            else if (c.StartDate < user.Today.PlusYears(-30) || c.StartDate > user.Today.PlusYears(2)) fields["startDate"] = "Startdatoen må være en realistisk dato.";
            if (c.EmployerModel is null || !Enum.IsDefined(c.EmployerModel.Value)) fields["employerModel"] = "Velg hvem som er arbeidsgiver.";

            Recipient? recipient = null;
            if (c.RecipientId is { } recipientId)
            {
                recipient = await Choosable().SingleOrDefaultAsync(r => r.Id == recipientId && r.ProviderId == providerId, ct);
                if (recipient is null) fields["recipientId"] = "Velg en tjenestemottaker hos leverandøren som ikke har en ordning som løper.";
            }
            else
            {
                var made = Recipient.New(KeyedId.For($"recipient:{providerId}", c.IdempotencyKey), providerId, c.RecipientName, c.RecipientBirthDate,
                    c.MunicipalityId ?? Guid.Empty, user.Today);
                if (made.Error is Invalid invalid) foreach (var (k, v) in invalid.Fields) fields[k] = v;
                else recipient = made.Value;
            }
            var name = string.IsNullOrWhiteSpace(c.Name) && recipient is not null ? $"Ordningen til {recipient.FullName.Split(' ')[0]}" : c.Name;
            if (fields.Count > 0) return new Invalid(fields);

            var arrangement = Arrangement.Create(id, providerId, office.Id, c.MunicipalityId!.Value, recipient!.Id, name ?? "", c.EmployerModel!.Value, c.StartDate!.Value);
            if (!arrangement.IsSuccess) return arrangement.Error!;
            if (c.RecipientId is null) db.Recipients.Add(recipient);
            db.Arrangements.Add(arrangement.Value!);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent retry with the same key saved the same ids first.
                db.ChangeTracker.Clear();
                if (await db.Arrangements.AnyAsync(a => a.Id == id, ct)) return new Created(id, true);
                throw;
            }
            return new Created(id, false);
        }
    }
}
