using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.HourAccounts;

/// <summary>
/// Registers unused hours (absence without a substitute: work leader, co-work leader, coordinator, administrator)
/// and opening balances (an arrangement moving from another provider: coordinator and administrator). Both are
/// idempotent on the client's key: a retry returns the first record.
/// </summary>
public static class RegisterHours
{
    public sealed record UnusedCommand(LocalDate? Date, decimal? Hours, string? Reason, string? IdempotencyKey);

    public sealed record OpeningCommand(LocalDate? Date, decimal? Hours, string? Note, string? IdempotencyKey);

    public sealed record Created(Guid Id, bool AlreadyExisted);

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        public async Task<Result<Created>> UnusedAsync(Guid arrangementId, UnusedCommand c, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(c);
            var relation = await access.RelationTo(arrangementId, ct);
            if (!relation.CanSeeHourAccount()) return new NotFound();
            if (!relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan føre ubrukte timer.");
            return await CreateOnceAsync(c.Date, c.Hours, c.IdempotencyKey,
                db.UnusedHours.AsNoTracking().Where(u => u.ArrangementId == arrangementId && u.IdempotencyKey == c.IdempotencyKey).Select(u => u.Id),
                () => UnusedHours.Create(Guid.CreateVersion7(), arrangementId, c.Date!.Value, c.Hours!.Value, c.Reason, c.IdempotencyKey, user.Today), ct);
        }

        public async Task<Result<Created>> OpeningAsync(Guid arrangementId, OpeningCommand c, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(c);
            var relation = await access.RelationTo(arrangementId, ct);
            if (!relation.CanSeeHourAccount()) return new NotFound();
            if (!relation.CanManageDecisions()) return new Forbidden("Bare leverandøren kan føre inngående saldo.");
            return await CreateOnceAsync(c.Date, c.Hours, c.IdempotencyKey,
                db.OpeningBalances.AsNoTracking().Where(o => o.ArrangementId == arrangementId && o.IdempotencyKey == c.IdempotencyKey).Select(o => o.Id),
                () => OpeningBalance.Create(Guid.CreateVersion7(), arrangementId, c.Date!.Value, c.Hours!.Value, c.Note, c.IdempotencyKey), ct);
        }

        /// <summary>
        /// Validates the common fields, answers with the first record for a known key, else creates and saves; when a
        /// concurrent retry with the same key wins the unique index, answers with its record.
        /// </summary>
        private async Task<Result<Created>> CreateOnceAsync<T>(LocalDate? date, decimal? hours, string? key, IQueryable<Guid> sameKey, Func<Result<T>> create, CancellationToken ct)
            where T : Domain.Common.Entity
        {
            var fields = Common(date, hours, key);
            if (fields.Count > 0) return new Invalid(fields);
            var existing = await sameKey.Select(id => (Guid?)id).FirstOrDefaultAsync(ct);
            if (existing is { } known) return new Created(known, true);
            var created = create();
            if (!created.IsSuccess) return created.Error!;
            db.Add(created.Value!);
            try
            {
                await db.SaveChangesAsync(ct);
                return new Created(created.Value!.Id, false);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var won = await sameKey.Select(id => (Guid?)id).FirstOrDefaultAsync(ct);
                if (won is null) throw;
                return new Created(won.Value, true);
            }
        }

        private static Dictionary<string, string> Common(LocalDate? date, decimal? hours, string? key)
        {
            var fields = new Dictionary<string, string>();
            if (date is null) fields["date"] = "Dato må fylles ut.";
            if (hours is null) fields["hours"] = "Timer må fylles ut.";
            if (string.IsNullOrWhiteSpace(key) || key.Length > 100) fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).";
            return fields;
        }
    }
}
