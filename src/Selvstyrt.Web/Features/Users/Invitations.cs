using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Mail;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Organisation;

namespace Selvstyrt.Web.Features.Users;

/// <summary>
/// Invites people to roles by e-mail and takes roles away. The provider's administrator gives every role; the office's
/// coordinator gives and takes the roles in the office's arrangements (work leader, co-work leader, deputy). Someone new
/// gets an account and a one-time link to choose a password; someone who already signs in is told of the new role.
/// Inviting someone to a role they hold changes nothing. Every grant and revocation is recorded with who and when, and
/// a revoked role stops access on the next request.
/// </summary>
public sealed class Invitations(SelvstyrtDb db, UserManager<AppUser> users, ArrangementAccess access, AdministeredProvider providers, CurrentUser user,
    IConfiguration configuration)
{
    public sealed record Command(string? Email, string? Name, RoleKind? Role, Guid? ScopeId, string? IdempotencyKey);

    public sealed record Invited(Guid UserId, bool AlreadyHeld, bool NewAccount);

    public sealed record Held(RoleKind Role, Guid? ScopeId, string Where, LocalDate? From);

    public sealed record Person(Guid UserId, string Name, string Email, bool HasPassword, bool Disabled, IReadOnlyList<Held> Roles);

    private sealed record Target(Guid ProviderId, string ProviderName, string RoleText);

    /// <summary>What the invitation form offers: offices and municipalities (administrators), and the arrangements the user manages.</summary>
    public sealed record Choices(bool Administers, IReadOnlyList<(Guid Id, string Name)> Offices, IReadOnlyList<(Guid Id, string Name)> Municipalities,
        IReadOnlyList<(Guid Id, string Name)> Arrangements);

    public async Task<Choices> ChoicesAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        var managed = access.ManagedOffices();
        var today = user.Today;
        var officeRows = await db.Offices.AsNoTracking().Where(o => administered.Contains(o.ProviderId)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var municipalityRows = await db.Municipalities.AsNoTracking()
            .Where(m => db.MunicipalityContracts.Any(x => x.MunicipalityId == m.Id && administered.Contains(x.ProviderId)))
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var arrangementRows = await db.Arrangements.AsNoTracking()
            .Where(a => managed.Any(o => o.Id == a.OfficeId) && (a.EndDate == null || a.EndDate >= today))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return new Choices(administered.Count > 0, officeRows.Select(o => (o.Id, o.Name)).ToList(), municipalityRows.Select(m => (m.Id, m.Name)).ToList(),
            arrangementRows.Select(a => (a.Id, a.Name)).ToList());
    }

    /// <summary>The people with a role at the providers the user administers, or in the arrangements of the offices they coordinate.</summary>
    public async Task<List<Person>> ListAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        var managed = access.ManagedOffices();
        var today = user.Today;
        var grants = await db.ProviderGrants.AsNoTracking().Where(g => administered.Contains(g.ProviderId)).ToListAsync(ct);
        var roles = await db.ArrangementRoles.AsNoTracking()
            .Where(r => (r.To == null || r.To >= today) && db.Arrangements.Any(a => a.Id == r.ArrangementId && managed.Any(o => o.Id == a.OfficeId)))
            .ToListAsync(ct);
        var arrangementNames = await db.Arrangements.AsNoTracking().Where(a => roles.Select(r => r.ArrangementId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var scopeNames = await ScopeNamesAsync(grants, ct);
        var assistants = await db.Assistants.AsNoTracking()
            .Where(a => a.UserId != null && (administered.Contains(a.ProviderId) || managed.Any(o => o.Id == a.OfficeId)))
            .Select(a => new { a.Id, UserId = a.UserId!.Value, a.FullName }).ToListAsync(ct);
        var userIds = grants.Select(g => g.UserId).Concat(roles.Select(r => r.UserId)).Concat(assistants.Select(a => a.UserId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.IsServiceAccount)
            .Select(u => new { u.Id, u.DisplayName, u.Email, HasPassword = u.PasswordHash != null, u.IsDisabled }).ToListAsync(ct);
        return people.Select(u => new Person(u.Id, u.DisplayName, u.Email ?? "", u.HasPassword, u.IsDisabled,
                grants.Where(g => g.UserId == u.Id).Select(g => new Held(KindOf(g.Role), g.OfficeId ?? g.MunicipalityId, scopeNames.GetValueOrDefault(g.OfficeId ?? g.MunicipalityId ?? g.ProviderId, ""), null))
                    .Concat(roles.Where(r => r.UserId == u.Id).Select(r => new Held(KindOf(r.Kind), r.ArrangementId, arrangementNames.GetValueOrDefault(r.ArrangementId, ""), r.From)))
                    .Concat(assistants.Where(a => a.UserId == u.Id).Select(a => new Held(RoleKind.Assistant, a.Id, a.FullName, null)))
                    .ToList()))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>A person who held a role at the provider and holds none now (for an erasure request, ADR 0036).</summary>
    public sealed record Former(Guid UserId, string Name, bool Disabled);

    /// <summary>
    /// The people the role log knows at the providers the user administers who hold no role there now and no lasting one
    /// anywhere, and are not assistants (those are handled on the assistant's page); empty for anyone else.
    /// </summary>
    public async Task<List<Former>> FormerAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        if (administered.Count == 0) return [];
        var today = user.Today;
        var rows = await db.Users.AsNoTracking()
            .Where(u => !u.IsServiceAccount && db.RoleChanges.Any(c => c.UserId == u.Id && administered.Contains(c.ProviderId)))
            .Where(u => !db.ProviderGrants.Any(g => g.UserId == u.Id))
            .Where(u => !db.ArrangementRoles.Any(r => r.UserId == u.Id && (r.To == null || r.To >= today)))
            .Where(u => !db.Assistants.Any(a => a.UserId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.IsDisabled }).ToListAsync(ct);
        return [.. rows.Select(r => new Former(r.Id, r.DisplayName, r.IsDisabled)).OrderBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    public async Task<Result<Invited>> InviteAsync(Command c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var fields = new Dictionary<string, string>();
        var email = (c.Email ?? "").Trim();
        if (email.Length == 0) fields["email"] = "E-postadressen må fylles ut.";
        else if (email.Length > 254 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)) fields["email"] = "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.";
        if (string.IsNullOrWhiteSpace(c.Name)) fields["name"] = "Navnet må fylles ut.";
        else if (c.Name.Trim().Length > 200) fields["name"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (c.Role is null || !Enum.IsDefined(c.Role.Value) || c.Role == RoleKind.ActingWorkLeader) fields["role"] = "Velg en rolle.";
        if (string.IsNullOrWhiteSpace(c.IdempotencyKey) || c.IdempotencyKey.Length > 100) fields["idempotencyKey"] = "Mangler en gyldig idempotensnøkkel (Idempotency-Key, 1-100 tegn).";
        if (fields.Count > 0) return new Invalid(fields);

        var target = await TargetAsync(c.Role!.Value, c.ScopeId, ct);
        if (!target.IsSuccess) return target.Error!;
        var (providerId, providerName, roleText) = target.Value!;
        var now = user.Now;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await Accounts.FindOrCreateAsync(users, db, email, c.Name!, "email");
        if (!account.IsSuccess) return account.Error!;
        var (person, newAccount) = account.Value!;

        if (await HoldsAsync(person.Id, providerId, c.Role.Value, c.ScopeId, ct)) return new Invited(person.Id, true, false);
        var granted = await GrantAsync(person.Id, providerId, c.Role.Value, c.ScopeId, ct);
        if (!granted.IsSuccess) return granted.Error!;
        var change = RoleChange.Record(Guid.CreateVersion7(), providerId, person.Id, c.Role.Value, c.Role is RoleKind.ProviderAdmin or RoleKind.Auditor or RoleKind.UnionRepresentative ? null : c.ScopeId,
            true, user.Id, now);
        db.RoleChanges.Add(change);

        var inviter = $"{user.DisplayName} ({providerName})";
        var name = person.DisplayName;
        var publicUrl = PasswordLinks.PublicUrl(configuration);
        if (!await users.HasPasswordAsync(person))
        {
            await PasswordLinks.IssueAsync(db, person, LinkPurpose.SetPassword, now, publicUrl, (url, expires) => MailTemplates.Invitation(name, inviter, roleText, url, expires), ct);
        }
        else
        {
            var mail = MailTemplates.NewRole(name, inviter, roleText, publicUrl + "/logg-inn");
            db.OutboxMessages.Add(OutboxMessage.Create(Guid.CreateVersion7(), person.Email!, name, mail.Subject, mail.Body, "new-role", person.Id, null, "role:" + change.Id, now).Value!);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Invited(person.Id, false, newAccount);
    }

    /// <summary>Takes a role away from today on (an arrangement role ends yesterday, so access stops now).</summary>
    public async Task<Result<bool>> RevokeAsync(Guid userId, RoleKind? role, Guid? scopeId, CancellationToken ct)
    {
        if (role is null || !Enum.IsDefined(role.Value) || role == RoleKind.ActingWorkLeader) return Invalid.Field("role", "Velg en rolle.");
        var target = await TargetAsync(role.Value, scopeId, ct);
        if (!target.IsSuccess) return target.Error!;
        var providerId = target.Value!.ProviderId;
        var today = user.Today;
        if (role == RoleKind.Assistant)
        {
            var assistant = await db.Assistants.SingleAsync(a => a.Id == scopeId, ct);
            if (assistant.UserId != userId) return new NotFound("Personen har ikke denne rollen.");
            assistant.UnlinkUser();
        }
        else if (RoleChange.InArrangement(role.Value))
        {
            var kind = ArrangementKind(role.Value);
            var arrangement = await db.Arrangements.Include(a => a.Roles).SingleAsync(a => a.Id == scopeId, ct);
            var held = arrangement.Roles.Where(r => r.UserId == userId && r.Kind == kind && (r.To == null || r.To >= today)).ToList();
            if (held.Count == 0) return new NotFound("Personen har ikke denne rollen.");
            foreach (var r in held) arrangement.EndRole(r.Id, today.PlusDays(-1));
        }
        else
        {
            var grants = await GrantsOf(userId, providerId, role.Value, scopeId).ToListAsync(ct);
            if (grants.Count == 0) return new NotFound("Personen har ikke denne rollen.");
            if (role == RoleKind.ProviderAdmin && userId == user.Id) return new Conflict("Du kan ikke fjerne din egen administratorrolle. Be en annen administrator gjøre det.");
            db.ProviderGrants.RemoveRange(grants);
        }
        db.RoleChanges.Add(RoleChange.Record(Guid.CreateVersion7(), providerId, userId, role.Value, scopeId, false, user.Id, user.Now));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Closes (or opens again) a person's account: every session ends at once and unused password links stop working.
    /// Only an administrator of every provider where the person holds a role may do it, since the account is theirs
    /// everywhere; elsewhere, taking away the roles here is the way.
    /// </summary>
    public async Task<Result<bool>> SetDisabledAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        if (administered.Count == 0) return new Forbidden("Bare leverandørens administrator kan stenge en konto.");
        var today = user.Today;
        var providersOfPerson = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.ProviderId)
            .Union(db.ArrangementRoles.AsNoTracking().Where(r => r.UserId == userId && (r.To == null || r.To >= today))
                .Join(db.Arrangements, r => r.ArrangementId, a => a.Id, (r, a) => a.ProviderId))
            .Union(db.Assistants.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.ProviderId))
            .Distinct().ToListAsync(ct);
        if (providersOfPerson.Count == 0 || !providersOfPerson.Any(administered.Contains)) return new NotFound();
        if (!providersOfPerson.All(administered.Contains))
            return new Forbidden("Personen har roller hos en annen leverandør. Fjern rollene hos dere i stedet for å stenge kontoen.");
        if (userId == user.Id) return new Conflict("Du kan ikke stenge din egen konto.");
        var person = await users.FindByIdAsync(userId.ToString());
        if (person is null || person.IsServiceAccount) return new NotFound();
        person.IsDisabled = disabled;
        await users.UpdateAsync(person);
        if (disabled)
        {
            await users.UpdateSecurityStampAsync(person);
            await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
            foreach (var link in await db.OneTimeLinks.Where(l => l.UserId == userId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(ct)) link.Revoke(user.Now);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>The provider, its name and the role in words, once the user is allowed to give or take it.</summary>
    private async Task<Result<Target>> TargetAsync(RoleKind role, Guid? scopeId, CancellationToken ct)
    {
        if (role == RoleKind.Assistant)
        {
            var assistant = scopeId is { } assistantId ? await db.Assistants.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assistantId, ct) : null;
            if (assistant is null || !await Assistants.SaveAssistantPay.ManagesAsync(db, user.Id, assistant, ct)) return Invalid.Field("scopeId", "Velg en assistent du administrerer.");
            var providerName = await ProviderNameAsync(assistant.ProviderId, ct);
            return new Target(assistant.ProviderId, providerName, $"assistent hos {providerName}");
        }
        if (RoleChange.InArrangement(role))
        {
            if (scopeId is not { } arrangementId) return Invalid.Field("scopeId", "Velg ordningen.");
            var relation = await access.RelationTo(arrangementId, ct);
            if (relation == Relation.None) return Invalid.Field("scopeId", "Velg en ordning du administrerer.");
            if (!relation.CanManageAssistants()) return new Forbidden("Bare leverandørens administrator og kontorets koordinator kan gi roller i ordningen.");
            var arrangement = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => new { a.ProviderId, a.Name }).SingleAsync(ct);
            return new Target(arrangement.ProviderId, await ProviderNameAsync(arrangement.ProviderId, ct), $"{RoleName(role)} for {arrangement.Name}");
        }
        if (role == RoleKind.OfficeCoordinator)
        {
            var office = scopeId is { } officeId ? await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, ct) : null;
            if (office is null || !await providers.AdministersAsync(office.ProviderId, ct))
                return (await providers.AllAsync(ct)).Count == 0 ? new Forbidden("Bare leverandørens administrator kan gi denne rollen.") : Invalid.Field("scopeId", "Velg kontoret.");
            return new Target(office.ProviderId, await ProviderNameAsync(office.ProviderId, ct), $"koordinator for {office.Name}");
        }
        var provider = await providers.ResolveAsync(null, ct);
        if (!provider.IsSuccess) return provider.Error!;
        var name = await ProviderNameAsync(provider.Value, ct);
        if (role == RoleKind.CaseWorker)
        {
            var municipality = scopeId is { } municipalityId && await db.MunicipalityContracts.AnyAsync(x => x.ProviderId == provider.Value && x.MunicipalityId == municipalityId, ct)
                ? await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId, ct) : null;
            if (municipality is null) return Invalid.Field("scopeId", "Velg en kommune dere har avtale med.");
            return new Target(provider.Value, name, $"saksbehandler i {municipality.Name} kommune");
        }
        return new Target(provider.Value, name, $"{RoleName(role)} hos {name}");
    }

    private async Task<bool> HoldsAsync(Guid userId, Guid providerId, RoleKind role, Guid? scopeId, CancellationToken ct)
    {
        var today = user.Today;
        if (role == RoleKind.Assistant) return await db.Assistants.AnyAsync(a => a.Id == scopeId && a.UserId == userId, ct);
        if (RoleChange.InArrangement(role))
        {
            var kind = ArrangementKind(role);
            return await db.ArrangementRoles.AnyAsync(r => r.ArrangementId == scopeId && r.UserId == userId && r.Kind == kind && (r.To == null || r.To >= today), ct);
        }
        return await GrantsOf(userId, providerId, role, scopeId).AnyAsync(ct);
    }

    /// <summary>A person's provider grants of one role: for a coordinator in the office, for a case worker in the municipality.</summary>
    private IQueryable<ProviderGrant> GrantsOf(Guid userId, Guid providerId, RoleKind role, Guid? scopeId)
    {
        var providerRole = ProviderRoleOf(role);
        var grants = db.ProviderGrants.Where(g => g.UserId == userId && g.ProviderId == providerId && g.Role == providerRole);
        return providerRole switch
        {
            ProviderRole.OfficeCoordinator => grants.Where(g => g.OfficeId == scopeId),
            ProviderRole.CaseWorker => grants.Where(g => g.MunicipalityId == scopeId),
            _ => grants,
        };
    }

    private async Task<Result<bool>> GrantAsync(Guid userId, Guid providerId, RoleKind role, Guid? scopeId, CancellationToken ct)
    {
        if (role == RoleKind.Assistant)
        {
            var assistant = await db.Assistants.SingleAsync(a => a.Id == scopeId, ct);
            var linked = assistant.LinkUser(userId);
            return linked.IsSuccess ? true : linked.Error!;
        }
        if (RoleChange.InArrangement(role))
        {
            var arrangement = await db.Arrangements.Include(a => a.Roles).SingleAsync(a => a.Id == scopeId, ct);
            var granted = arrangement.GrantRole(Guid.CreateVersion7(), userId, ArrangementKind(role), user.Today, arrangement.EndDate);
            if (!granted.IsSuccess) throw new InvalidOperationException(granted.Error!.Message);
            return true;
        }
        var providerRole = ProviderRoleOf(role);
        var grant = ProviderGrant.Create(Guid.CreateVersion7(), userId, providerId, providerRole,
            providerRole == ProviderRole.OfficeCoordinator ? scopeId : null, providerRole == ProviderRole.CaseWorker ? scopeId : null);
        db.ProviderGrants.Add(grant.Value ?? throw new InvalidOperationException(grant.Error!.Message));
        return true;
    }

    private Task<Dictionary<Guid, string>> ScopeNamesAsync(List<ProviderGrant> grants, CancellationToken ct)
        => PlaceNamesAsync(db, grants.SelectMany(g => new[] { g.OfficeId, g.MunicipalityId, (Guid?)g.ProviderId }).OfType<Guid>().Distinct().ToList(), ct);

    /// <summary>
    /// The names of the places a role can be held in (offices, municipalities, providers, arrangements, assistant records),
    /// by id, one query per kind: for the people list and the role log.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> PlaceNamesAsync(SelvstyrtDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0) return names;
        foreach (var o in await db.Offices.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)) names[o.Id] = o.Name;
        foreach (var m in await db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct)) names[m.Id] = m.Name;
        foreach (var p in await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct)) names[p.Id] = p.Name;
        foreach (var a in await db.Arrangements.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct)) names[a.Id] = a.Name;
        foreach (var a in await db.Assistants.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.FullName }).ToListAsync(ct)) names[a.Id] = a.FullName;
        return names;
    }

    private Task<string> ProviderNameAsync(Guid providerId, CancellationToken ct)
        => db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(ct);

    public static string RoleName(RoleKind role) => role switch
    {
        RoleKind.ProviderAdmin => "administrator",
        RoleKind.OfficeCoordinator => "koordinator",
        RoleKind.CaseWorker => "saksbehandler",
        RoleKind.Auditor => "revisor",
        RoleKind.WorkLeader => "arbeidsleder",
        RoleKind.CoWorkLeader => "medarbeidsleder",
        RoleKind.Deputy => "stedfortreder",
        RoleKind.Assistant => "assistent",
        RoleKind.UnionRepresentative => "tillitsvalgt",
        RoleKind.Recipient => "vedtakseier med lesetilgang",
        RoleKind.ActingWorkLeader => "fungerende arbeidsleder",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static ArrangementRoleKind ArrangementKind(RoleKind role) => role switch
    {
        RoleKind.WorkLeader => ArrangementRoleKind.WorkLeader,
        RoleKind.CoWorkLeader => ArrangementRoleKind.CoWorkLeader,
        RoleKind.Deputy => ArrangementRoleKind.Deputy,
        RoleKind.Recipient => ArrangementRoleKind.Recipient,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static ProviderRole ProviderRoleOf(RoleKind role) => role switch
    {
        RoleKind.ProviderAdmin => ProviderRole.ProviderAdmin,
        RoleKind.OfficeCoordinator => ProviderRole.OfficeCoordinator,
        RoleKind.CaseWorker => ProviderRole.CaseWorker,
        RoleKind.Auditor => ProviderRole.Auditor,
        RoleKind.UnionRepresentative => ProviderRole.UnionRepresentative,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static RoleKind KindOf(ProviderRole role) => role switch
    {
        ProviderRole.ProviderAdmin => RoleKind.ProviderAdmin,
        ProviderRole.OfficeCoordinator => RoleKind.OfficeCoordinator,
        ProviderRole.CaseWorker => RoleKind.CaseWorker,
        ProviderRole.Auditor => RoleKind.Auditor,
        ProviderRole.UnionRepresentative => RoleKind.UnionRepresentative,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static RoleKind KindOf(ArrangementRoleKind kind) => kind switch
    {
        ArrangementRoleKind.WorkLeader => RoleKind.WorkLeader,
        ArrangementRoleKind.CoWorkLeader => RoleKind.CoWorkLeader,
        ArrangementRoleKind.Deputy => RoleKind.Deputy,
        ArrangementRoleKind.Recipient => RoleKind.Recipient,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
