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
