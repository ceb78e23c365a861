using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.AccessLog;

/// <summary>
/// The recipient's access log («innsynslogg», quality.md S3, Normen): who read the arrangement's personal data, when, in
/// which role or for which purpose, and what. Newest first, a page at a time, with the state of the arrangement's hash chain
/// checked on every read. The recipient, those who lead the arrangement on their behalf and the provider's administrator may
/// read it; reading the log is not itself logged (it holds no health-related data).
/// </summary>
public static class ReadAccessLog
{
    public const int PageSize = 100;

    /// <summary>One read: when, by whom (a person's name, or an integration's), in which roles or for which purpose, and what.</summary>
    public sealed record Row(long Sequence, Instant At, Guid UserId, string Who, bool Integration, bool You, IReadOnlyList<Relation> Roles, string? Purpose, string What);

    /// <summary>The chain: how many reads are logged and whether every one is there, in order and unchanged.</summary>
    public sealed record ChainState(long Rows, bool Intact, IReadOnlyList<string> Problems);

    public sealed record Page(Guid ArrangementId, string ArrangementName, IReadOnlyList<Row> Rows, long? OlderThan, ChainState Chain);

    public static bool CanRead(Relation relation)
        => (relation & (Relation.Recipient | RelationExtensions.Leaders | Relation.ProviderAdmin)) != 0;

    public sealed class Handler(SelvstyrtDb db, ArrangementAccess access, CurrentUser user)
    {
        /// <summary>A page of the log: the newest reads, or with <paramref name="before"/> those numbered below it (the «older» link).</summary>
        public async Task<Result<Page>> HandleAsync(Guid arrangementId, long? before, CancellationToken ct)
        {
            var relation = await access.RelationTo(arrangementId, ct);
            // Like the decision: those who may not read the log are told it is not found, as for a foreign arrangement.
            if (!CanRead(relation)) return new NotFound();
            var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).SingleAsync(ct);
            var rows = await db.AccessLog.AsNoTracking()
                .Where(a => a.ArrangementId == arrangementId && (before == null || a.Sequence < before))
                .OrderByDescending(a => a.Sequence).ThenByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
            var more = rows.Count > PageSize;
            if (more) rows.RemoveAt(rows.Count - 1);
            var userIds = rows.Select(r => r.UserId).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.IsServiceAccount }).ToDictionaryAsync(u => u.Id, ct);
            var views = rows.Select(r =>
            {
                var person = people.GetValueOrDefault(r.UserId);
                var (roles, purpose) = Describe(r.Purpose);
                return new Row(r.Sequence, r.At, r.UserId, person?.DisplayName ?? "", person?.IsServiceAccount ?? false, r.UserId == user.Id, roles, purpose, r.What);
            }).ToList();
            var chain = await AccessLogChain.VerifyAsync(db, arrangementId, ct);
            return new Page(arrangementId, name, views, more ? rows[^1].Sequence : null, new ChainState(chain.Rows, chain.Intact, [.. chain.Breaks.Select(b => $"{b.Sequence}: {b.Problem}")]));
        }

        /// <summary>A row's purpose is the reader's roles (as the access check named them) or, for an auditor, the purpose they gave.</summary>
        private static (IReadOnlyList<Relation> Roles, string? Purpose) Describe(string purpose)
        {
            var parts = purpose.Split(", ", StringSplitOptions.RemoveEmptyEntries);
            var roles = new List<Relation>();
            foreach (var part in parts)
            {
                if (!Enum.TryParse<Relation>(part, ignoreCase: false, out var role) || !Enum.IsDefined(role)) return ([], purpose);
                roles.Add(role);
            }
            return (roles, null);
        }
    }
}
