using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Mail;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Organisation;
using Selvstyrt.Web.Features.TimeSheets;
using Selvstyrt.Web.Resources;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>
/// A recipient changes provider (a transfer of undertaking, AML chapter 16): the old provider's administrator takes the
/// arrangement out as a bundle file, the new provider's administrator takes it in. Taking out is a read of everything about
/// the arrangement and is written to its access log; taking in makes the records, accounts for the people who lead and work
/// in it, and mails those without a password a link to choose one.
/// </summary>
public sealed class Transfers(SelvstyrtDb db, UserManager<AppUser> users, ArrangementAccess access, AdministeredProvider providers, CurrentUser user,
    TimeSheetService sheets, IStringLocalizer<Texts> t, IConfiguration configuration)
{
    public sealed record Download(string FileName, byte[] Content, int Rows);

    public sealed record Imported(Guid ArrangementId, string Name, int Rows, IReadOnlyList<string> NewAccounts, bool AlreadyImported);

    public sealed record Received(Guid ArrangementId, string Name, LocalDate FirstDay, string FromProvider, string? FromOrganisationNumber, int Rows, Instant At, string By);

    /// <summary>What the export page shows: the arrangement's name, and whether the user may take it out.</summary>
    public sealed record ExportView(Guid Id, string Name, bool CanExport);

    public async Task<Result<ExportView>> ExportViewAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (relation == Relation.None) return new NotFound();
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId).Select(a => a.Name).FirstAsync(ct);
        return new ExportView(arrangementId, name, relation.HasFlag(Relation.ProviderAdmin) && !relation.HasFlag(Relation.Restricted));
    }

    /// <summary>The bundle file of one arrangement, for the provider's administrator only.</summary>
    public async Task<Result<Download>> ExportAsync(Guid arrangementId, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        // Like the other administrator-only records, not there for anyone else (the page says who may take it out).
        if (!relation.HasFlag(Relation.ProviderAdmin)) return new NotFound();
        // Restricted after the recipient's erasure request (ADR 0036): kept, not moved or used for anything else.
        if (relation.HasFlag(Relation.Restricted)) return new Conflict(Arrangement.RestrictedMessage);
        await access.LogReadAsync(arrangementId, relation, "ordningspakke for flytting til annen leverandør", ct);
        var today = user.Today;
        var bundle = await BundleExport.ExportAsync(db, arrangementId, today, user.Now, ct);
        var readable = await BundleReadable.BuildAsync(db, sheets, t, arrangementId, relation, today, ct);
        var name = (string)bundle.Document["sections"]!["arrangements"]![0]!["name"]!;
        var provider = (string)bundle.Document["source"]!["name"]!;
        var file = BundleArchive.Write(bundle, BundleSchema.Generate(db), readable, BundleReadable.Readme(t, name, provider, today, bundle.Rows));
        return new Download($"ordningspakke-{BundleReadable.Slug(name)}-{today:yyyy-MM-dd}.zip", file, bundle.Rows);
    }

    /// <summary>The offices an import can place the arrangement in, at the providers the user administers.</summary>
    public async Task<List<(Guid Id, string Name)>> OfficesAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        return (await db.Offices.AsNoTracking().Where(o => administered.Contains(o.ProviderId)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>The arrangements taken over by the providers the user administers, newest first.</summary>
    public async Task<List<Received>> ReceivedAsync(CancellationToken ct)
    {
        var administered = await providers.AllAsync(ct);
        return await db.ArrangementTransfers.AsNoTracking().Where(x => administered.Contains(x.ProviderId)).OrderByDescending(x => x.At)
            .Join(db.Arrangements, x => x.ArrangementId, a => a.Id, (x, a) => new Received(a.Id, a.Name, x.FirstDay, x.FromProvider, x.FromOrganisationNumber, x.Rows, x.At, x.By))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Takes a bundle in at the user's provider: into <paramref name="officeId"/>, as employer from <paramref name="firstDay"/>
    /// (the first of a month). The same file again answers with what it made the first time.
    /// </summary>
    public async Task<Result<Imported>> ImportAsync(byte[]? file, Guid? providerId, Guid? officeId, LocalDate? firstDay, CancellationToken ct)
    {
        var provider = await providers.ResolveAsync(providerId, ct);
        if (provider.Error is { } refused) return refused;
        var errors = new Dictionary<string, string>();
        if (file is null || file.Length == 0) errors["file"] = t["Transfers.NoFile"];
        if (officeId is null) errors["officeId"] = t["Transfers.NoOffice"];
        else if (!await db.Offices.AnyAsync(o => o.Id == officeId && o.ProviderId == provider.Value, ct)) errors["officeId"] = t["Transfers.UnknownOffice"];
        if (firstDay is null) errors["firstDay"] = t["Transfers.NoFirstDay"];
        else if (firstDay.Value.Day != 1) errors["firstDay"] = t["Transfers.FirstOfMonth"];
        if (errors.Count > 0) return new Invalid(errors);
        var read = BundleArchive.Read(file!);
        if (read.Error is { } unreadable) return unreadable;
        var bundle = read.Value!;
        var receipt = await BundleImport.ImportAsync(db, users, bundle.Document, bundle.Files, bundle.Sha256,
            new ImportTarget(provider.Value, officeId!.Value, firstDay!.Value, user.DisplayName, user.Now), ct);
        if (receipt.Error is { } invalid) return invalid;
        var done = receipt.Value!;
        var name = await db.Arrangements.AsNoTracking().Where(a => a.Id == done.ArrangementId).Select(a => a.Name).FirstAsync(ct);
        if (!done.AlreadyImported) await WelcomeAsync(done, provider.Value, name, firstDay.Value, ct);
        return new Imported(done.ArrangementId, name, done.Rows, [.. done.NewAccounts.Select(u => u.Email!)], done.AlreadyImported);
    }

    /// <summary>
    /// Mails a link to choose a password to each new account that leads, works in or receives the arrangement from the first
    /// day on; people who only appear in its history (an earlier work leader, the reporter of an old incident) get an account
    /// to point to but no mail.
    /// </summary>
    private async Task WelcomeAsync(ImportReceipt receipt, Guid providerId, string name, LocalDate firstDay, CancellationToken ct)
    {
        if (receipt.NewAccounts.Count == 0) return;
        var id = receipt.ArrangementId;
        var roles = await db.ArrangementRoles.AsNoTracking().Where(r => r.ArrangementId == id && (r.To == null || r.To >= firstDay)).ToListAsync(ct);
        var recipientUser = await db.Arrangements.AsNoTracking().Where(a => a.Id == id)
            .Join(db.Recipients, a => a.RecipientId, r => r.Id, (a, r) => r.UserId).FirstOrDefaultAsync(ct);
        var assistantUsers = await db.Assignments.AsNoTracking().Where(s => s.ArrangementId == id && (s.To == null || s.To >= firstDay))
            .Join(db.Assistants, s => s.AssistantId, a => a.Id, (s, a) => a.UserId).Where(u => u != null).Select(u => u!.Value).ToListAsync(ct);
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.Name).FirstAsync(ct);
        var inviter = $"{user.DisplayName} ({providerName})";
        var publicUrl = PasswordLinks.PublicUrl(configuration);
        var now = user.Now;
        // Each was made without a password by this import.
        foreach (var person in receipt.NewAccounts)
        {
            var role = roles.FirstOrDefault(r => r.UserId == person.Id) is { } held ? $"{t[$"Transfers.Role.{held.Kind}"]} for {name}"
                : recipientUser == person.Id ? $"{t["Transfers.Role.Recipient"]} for {name}"
                : assistantUsers.Contains(person.Id) ? $"{t["Transfers.Role.Assistant"]} hos {providerName}"
                : null;
            if (role is null) continue;
            var personName = person.DisplayName;
            await PasswordLinks.IssueAsync(db, person, LinkPurpose.SetPassword, now, publicUrl, (url, expires) => MailTemplates.Invitation(personName, inviter, role, url, expires), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
