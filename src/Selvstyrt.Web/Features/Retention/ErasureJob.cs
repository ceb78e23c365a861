using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Retention;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>
/// Carries out erasure requests from the daily job (quality.md S7: «deletable data gone in one job cycle, the rest
/// restricted»), after the retention purge. A received request deletes what <see cref="ErasureParts"/> marks deletable,
/// clears the record's own contact and care details and the sign-in (an account used for nothing else is emptied and
/// disabled), and restricts the rest. A restricted request is completed when the last time sheet has gone under the
/// accounting rule and every employment ended before its cut-off: then the rest and the assistant record go too. Each
/// request in its own transaction, so one failure leaves the others done.
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
                foreach (var part in ErasureParts.All)
                {
                    if (part.Fate == ErasureFate.Delete) deleted += await part.EraseAsync(db, assistant.Id, today, ct);
                    else restricted += await part.CountAsync(db, assistant.Id, today, ct);
                }
                var account = assistant.UserId;
                deleted += assistant.Restrict(today);
                await db.SaveChangesAsync(ct);
                if (account is { } userId) deleted += await ReleaseAccountAsync(db, userId, request.Initials, ct);
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
        return new Outcome(carriedOut, completed);
    }

    /// <summary>
    /// The person's sign-in: their notices go; an account with no other use (no other assistant record, no role at any
    /// provider or arrangement, not a recipient) is emptied (no password, no e-mail, no outside logins) and disabled. Returns
    /// the rows deleted or cleared.
    /// </summary>
    private static async Task<int> ReleaseAccountAsync(SelvstyrtDb db, Guid userId, string initials, CancellationToken ct)
    {
        var used = await db.Assistants.AnyAsync(a => a.UserId == userId, ct)
            || await db.ProviderGrants.AnyAsync(g => g.UserId == userId, ct)
            || await db.ArrangementRoles.AnyAsync(r => r.UserId == userId, ct)
            || await db.Recipients.AnyAsync(r => r.UserId == userId, ct);
        if (used) return 0;
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
