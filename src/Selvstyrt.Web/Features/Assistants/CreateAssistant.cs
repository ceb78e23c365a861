using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Assistants;

/// <summary>
/// Registers a new assistant with an employment. Only a provider administrator (any office) or an
/// office coordinator (their own office) may do it. Idempotent: a retry with the same key returns the
/// assistant made the first time instead of a duplicate (non-negotiable 5).
/// </summary>
public static class CreateAssistant
{
    public sealed record Command(
        string? FullName, string? Email, string? Phone, LocalDate? BirthDate, Guid? OfficeId,
        EmploymentKind? Kind, decimal? PositionPercent, LocalDate? Start, LocalDate? SeniorityFrom, string? IdempotencyKey);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    public static class Validator
    {
        public static Dictionary<string, string> Validate(Command c, LocalDate today)
        {
            ArgumentNullException.ThrowIfNull(c);
            var fields = Assistant.Validate(c.FullName, c.Email, c.Phone);
            if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100)
                fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).";
            if (c.OfficeId is null) fields["officeId"] = "Velg kontor.";
            if (c.Kind is null) fields["kind"] = "Velg fast ansatt eller tilkallingsvikar.";
            if (c.Start is null) fields["start"] = "Startdato må fylles ut.";
            else if (c.Start < today.PlusYears(-50) || c.Start > today.PlusYears(2)) fields["start"] = "Startdato må være en realistisk dato.";
            if (c.BirthDate is { } b && (b > today.PlusYears(-15) || b < today.PlusYears(-100)))
                fields["birthDate"] = "Fødselsdato må gi en alder mellom 15 og 100 år.";
            if (c.PositionPercent is null && c.Kind == EmploymentKind.Permanent) fields["positionPercent"] = "Stillingsprosent må fylles ut for en fast ansatt.";
            return fields;
        }
    }

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<Created>> HandleAsync(Command c, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(c);
            var fields = Validator.Validate(c, user.Today);
            if (fields.Count > 0) return new Invalid(fields);

            var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == c.OfficeId, ct);
            var grants = await access.ManagingGrants(ct);
            var allowed = office is not null && grants.Any(g => g.ProviderId == office.ProviderId
                && (g.Role == ProviderRole.ProviderAdmin || g.OfficeId == office.Id));
            if (!allowed) return Invalid.Field("officeId", "Velg et kontor du kan registrere assistenter for.");

            var existing = await FindAsync(office!.ProviderId, c.IdempotencyKey!, ct);
            if (existing is not null) return new Created(existing.Value, true);

            var created = Assistant.Create(Guid.CreateVersion7(), office.ProviderId, office.Id, c.FullName ?? "", c.Email, c.Phone, c.BirthDate, null, c.IdempotencyKey);
            if (!created.IsSuccess) return created.Error!;
            var assistant = created.Value!;
            var employment = assistant.AddEmployment(Guid.CreateVersion7(), c.Kind!.Value, c.Kind == EmploymentKind.OnCall ? 0m : c.PositionPercent ?? 0m,
                c.Start!.Value, null, c.SeniorityFrom ?? c.Start.Value);
            if (!employment.IsSuccess) return employment.Error!;

            db.Assistants.Add(assistant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent retry with the same key won the unique index; answer with its record.
                db.ChangeTracker.Clear();
                var winner = await FindAsync(office.ProviderId, c.IdempotencyKey!, ct);
                if (winner is null) throw;
                return new Created(winner.Value, true);
            }
            return new Created(assistant.Id, false);
        }

        private Task<Guid?> FindAsync(Guid providerId, string key, CancellationToken ct)
            => db.Assistants.AsNoTracking().Where(a => a.ProviderId == providerId && a.IdempotencyKey == key).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The offices the user may register assistants for (for the form's choices).</summary>
    public sealed class Offices(ArrangementAccess access)
    {
        public async Task<List<(Guid Id, string Name)>> HandleAsync(CancellationToken ct)
        {
            var offices = await access.ManagedOffices().AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
            return offices.Select(o => (o.Id, o.Name)).ToList();
        }
    }
}
