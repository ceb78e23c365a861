using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Mail;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Cli;

/// <summary>
/// <c>selvstyrt admin create-provider</c>: the first step of a real provider on an empty database. Creates the
/// provider (organisation number checked with its MOD11 digit) and its first administrator, who gets a one-time
/// link to choose a password: by e-mail through the outbox when a mail server is configured, otherwise printed.
/// Running it again with the same organisation number changes nothing but a fresh link for an administrator who has
/// not chosen a password yet, so a retry never makes a second provider.
/// </summary>
public static class ProviderSetup
{
    public sealed record Request(string? Name, string? OrganisationNumber, string? AdminEmail, string? AdminName);

    /// <summary>The provider and its administrator; <c>LinkUrl</c> is the link to print, null when the administrator already has a password.</summary>
    public sealed record Created(Guid ProviderId, Guid AdminUserId, string? LinkUrl, bool ProviderExisted);

    public static async Task<Result<Created>> CreateAsync(SelvstyrtDb db, UserManager<AppUser> users, IClock clock, Request request,
        string publicUrl, bool mailConfigured, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string>();
        var email = (request.AdminEmail ?? "").Trim();
        if (email.Length == 0) fields["--admin-email"] = "Oppgi administratorens e-postadresse (--admin-email).";
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)) fields["--admin-email"] = "E-postadressen er ikke gyldig (--admin-email).";
        if (string.IsNullOrWhiteSpace(request.AdminName)) fields["--admin-name"] = "Oppgi administratorens navn (--admin-name).";
        var number = OrganisationNumbers.Normalise(request.OrganisationNumber);
        var candidate = Provider.Create(Guid.CreateVersion7(), request.Name ?? "", number);
        if (candidate.Error is Invalid invalid)
        {
            foreach (var (field, message) in invalid.Fields)
                fields[field == "organisationNumber" ? "--org-number" : "--name"] = message;
        }
        if (fields.Count > 0) return new Invalid(fields);

        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.OrganisationNumber == number, ct);
        var existed = provider is not null;
        if (provider is null)
        {
            provider = candidate.Value!;
            db.Providers.Add(provider);
            await db.SaveChangesAsync(ct);
        }

        var account = await Accounts.FindOrCreateAsync(users, db, email, request.AdminName!, "--admin-email");
        if (!account.IsSuccess) return account.Error!;
        var admin = account.Value!.User;

        if (!await db.ProviderGrants.AnyAsync(g => g.UserId == admin.Id && g.ProviderId == provider.Id && g.Role == ProviderRole.ProviderAdmin, ct))
            db.ProviderGrants.Add(ProviderGrant.Create(Guid.CreateVersion7(), admin.Id, provider.Id, ProviderRole.ProviderAdmin, null, null).Value!);

        string? url = null;
        if (!await users.HasPasswordAsync(admin))
        {
            var providerName = provider.Name;
            var adminName = admin.DisplayName;
            var issued = await PasswordLinks.IssueAsync(db, admin, LinkPurpose.SetPassword, now, publicUrl,
                mailConfigured ? (link, expires) => MailTemplates.FirstAdministrator(adminName, providerName, link, expires) : null, ct);
            url = issued.Url;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Created(provider.Id, admin.Id, url, existed);
    }
}
