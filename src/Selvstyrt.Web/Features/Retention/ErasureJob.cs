using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Retention;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>
/// Carries out erasure requests from the daily job (quality.md S7: «deletable data gone in one job cycle, the rest
/// restricted»), after the retention purge. A received request deletes what <see cref="ErasureParts"/> marks deletable,
/// clears the record's own contact and care details and the sign-in (an account used for nothing else is emptied and
/// disabled), and restricts the rest. A request about an account (ADR 0036) deletes what <see cref="AccountErasureParts"/> marks
/// deletable and empties the account. Both write the initials where kept free texts name the person
/// (<see cref="NamesInText"/>). A restricted request is completed when the last time sheet has gone under the accounting
/// rule and every employment ended before its cut-off: then the rest and the assistant record go too. Each request in its
/// own transaction, so one failure leaves the others done.
/// </summary>
public static class ErasureJob
{
    public sealed record Outcome(int CarriedOut, int Completed);

    public static async Task<Outcome> RunAsync(SelvstyrtDb db, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = now.InZone(Auth.CurrentUser.Zone).Date;
        var carriedOut = 0;
        var completed = 0;
        var received = await db.ErasureRequests.Where(r => r.State == ErasureState.Received).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in received)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var request = await db.ErasureRequests.SingleAsync(r => r.Id == id, ct);
            var assistant = request.AssistantId is { } aid ? await db.Assistants.SingleOrDefaultAsync(a => a.Id == aid, ct) : null;
            var deleted = 0;
            var restricted = 0;
            if (assistant is not null)
            {
                (deleted, restricted) = await ErasureParts.ApplyAsync(ErasureParts.All, db, assistant.Id, today, ct);
                deleted += await NamesInText.ReplaceAsync(db, request.ProviderId, assistant.FullName, request.Initials, ct);
                var account = assistant.UserId;
                deleted += assistant.Restrict(today);
                deleted += await ReleaseAsync(db, account, request.Initials, today, ct);
            }
            else if (request.RecipientId is { } rid && await db.Recipients.SingleOrDefaultAsync(r => r.Id == rid, ct) is { } recipient)
            {
                var arrangements = await db.Arrangements.Where(a => a.RecipientId == rid).ToListAsync(ct);
                foreach (var arrangement in arrangements)
                {
                    var (gone, kept) = await ErasureParts.ApplyAsync(RecipientErasureParts.All, db, arrangement.Id, today, ct);
                    deleted += gone;
                    restricted += kept;
                    deleted += arrangement.Restrict(request.Initials, today);
                }
                deleted += await NamesInText.ReplaceAsync(db, request.ProviderId, recipient.FullName, request.Initials, ct);
                var account = recipient.UserId;
                deleted += recipient.Restrict(today);
                deleted += await ReleaseAsync(db, account, request.Initials, today, ct);
            }
            else if (request.UserId is { } userId && await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) is { } person)
            {
                (deleted, restricted) = await ErasureParts.ApplyAsync(AccountErasureParts.All, db, userId, today, ct);
                deleted += await NamesInText.ReplaceAsync(db, request.ProviderId, person.DisplayName, request.Initials, ct);
                db.Entry(person).State = EntityState.Detached;
                deleted += await EmptyAccountAsync(db, userId, request.Initials, ct);
            }
            request.CarriedOut(now, deleted, restricted);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            carriedOut++;
        }

        var cutoff = RetentionRule.AccountingCutoff(today);
        var waiting = await db.ErasureRequests.Where(r => r.State == ErasureState.Restricted && r.AssistantId != null)
            .Where(r => !db.TimeSheets.Any(s => s.AssistantId == r.AssistantId))
            .Where(r => !db.Employments.Any(e => e.AssistantId == r.AssistantId && (e.End == null || e.End >= cutoff)))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in waiting)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var request = await db.ErasureRequests.SingleAsync(r => r.Id == id, ct);
            var assistantId = request.AssistantId!.Value;
            foreach (var part in ErasureParts.All.Where(p => p.Fate == ErasureFate.Keep)) await part.EraseAsync(db, assistantId, today, ct);
            request.Complete(now);
            await db.SaveChangesAsync(ct);
            await db.Assistants.Where(a => a.Id == assistantId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            completed++;
        }
        // A request about an account finishes when the kept rows pointing to it have gone under their own rules.
        var accounts = await db.ErasureRequests.Where(r => r.State == ErasureState.Restricted && r.UserId != null).Select(r => new { r.Id, r.UserId }).ToListAsync(ct);
        foreach (var waitingAccount in accounts)
        {
            var kept = 0;
            foreach (var part in AccountErasureParts.All.Where(p => p.Fate == ErasureFate.Keep)) kept += await part.CountAsync(db, waitingAccount.UserId!.Value, today, ct);
            if (kept > 0) continue;
            var request = await db.ErasureRequests.SingleAsync(r => r.Id == waitingAccount.Id, ct);
            request.Complete(now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            completed++;
        }
        return new Outcome(carriedOut, completed);
    }

    /// <summary>Saves the restriction, then empties the sign-in the record was linked to when nothing else uses it; returns the rows cleared.</summary>
    private static async Task<int> ReleaseAsync(SelvstyrtDb db, Guid? account, string initials, LocalDate today, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return account is { } userId && !await InUseAsync(db, userId, today, ct) ? await EmptyAccountAsync(db, userId, initials, ct) : 0;
    }

    /// <summary>Whether the account still serves the person: another assistant record, a role at a provider or a lasting one in an arrangement, or a recipient record.</summary>
    private static async Task<bool> InUseAsync(SelvstyrtDb db, Guid userId, LocalDate today, CancellationToken ct)
        => await db.Assistants.AnyAsync(a => a.UserId == userId, ct)
            || await db.ProviderGrants.AnyAsync(g => g.UserId == userId, ct)
            || await db.ArrangementRoles.AnyAsync(r => r.UserId == userId && (r.To == null || r.To >= today), ct)
            || await db.Recipients.AnyAsync(r => r.UserId == userId, ct);

    /// <summary>
    /// Empties a sign-in no longer used: the person's notices and outside logins go, the account keeps only the initials, a
    /// placeholder address and no password, and is closed (the rows that still point to it, kept for a law, then name no
    /// one). Returns the rows deleted or cleared.
    /// </summary>
    private static async Task<int> EmptyAccountAsync(SelvstyrtDb db, Guid userId, string initials, CancellationToken ct)
    {
        var cleared = await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        cleared += await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        cleared += await db.UserTokens.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        cleared += await db.UserClaims.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (account is null) return cleared;
        var placeholder = $"slettet-{userId:N}@slettet.invalid";
        account.Email = placeholder;
        account.NormalizedEmail = placeholder.ToUpperInvariant();
        account.UserName = placeholder;
        account.NormalizedUserName = placeholder.ToUpperInvariant();
        account.DisplayName = initials;
        account.PhoneNumber = null;
        account.PasswordHash = null;
        account.IsDisabled = true;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        await db.SaveChangesAsync(ct);
        return cleared + 1;
    }
}
