using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Domain.Users;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Transfers;
using Selvstyrt.Web.Resources;
using Selvstyrt.Web.Shared.Pdf;

namespace Selvstyrt.Web.Features.AccessRequests;

/// <summary>
/// A person's access request (GDPR article 15, quality.md S7): everything Selvstyrt holds about them, as JSON (every field
/// of every record, like the arrangement bundle) and as a Norwegian PDF that says what it is, why it is kept, for how long,
/// and what they may ask for. Made at once: anyone signed in takes out their own; the provider's administrator or the
/// office's coordinator takes it out for an assistant who asks (who may have no account).
/// </summary>
public sealed class PersonalData(SelvstyrtDb db, CurrentUser user, IStringLocalizer<Texts> t)
{
    /// <summary>
    /// What a person's data is: the account's roles and notices; as an assistant, the employment and everything recorded
    /// about their work; as a recipient, their arrangements, decisions and hour account entries, the incidents there, and
    /// who has read their data (the access log).
    /// </summary>
    public static readonly IReadOnlyList<BundleSection> Sections =
    [
        new("assistants", typeof(Assistant), SectionSelect.Children, "UserId"),
        new("recipients", typeof(Recipient), SectionSelect.Children, "UserId"),
        new("providerGrants", typeof(ProviderGrant), SectionSelect.Children, "UserId"),
        new("arrangementRoles", typeof(ArrangementRole), SectionSelect.Children, "UserId"),
        new("roleChanges", typeof(RoleChange), SectionSelect.Children, "UserId", Of: typeof(AppUser)),
        new("notifications", typeof(Notification), SectionSelect.Children, "UserId"),
        new("employments", typeof(Employment), SectionSelect.Children, "AssistantId"),
        new("otherEmployerHours", typeof(OtherEmployerHours), SectionSelect.Children, "AssistantId"),
        new("assistantCompetences", typeof(AssistantCompetence), SectionSelect.Children, "AssistantId"),
        new("employmentContracts", typeof(EmploymentContract), SectionSelect.Children, "AssistantId"),
        new("policeCertificates", typeof(PoliceCertificate), SectionSelect.Children, "AssistantId"),
        new("confidentialityDeclarations", typeof(ConfidentialityDeclaration), SectionSelect.Children, "AssistantId"),
        new("referenceLetters", typeof(ReferenceLetter), SectionSelect.Children, "AssistantId"),
        new("talks", typeof(Talk), SectionSelect.Children, "AssistantId"),
        new("trainingItems", typeof(TrainingItem), SectionSelect.Children, "AssistantId"),
        new("absences", typeof(Absence), SectionSelect.Children, "AssistantId"),
        new("absenceShifts", typeof(AbsenceShift), SectionSelect.Children, "AbsenceId"),
        new("holidayRequests", typeof(HolidayRequest), SectionSelect.Children, "AssistantId"),
        new("holidayCarryOvers", typeof(HolidayCarryOver), SectionSelect.Children, "AssistantId"),
        new("agreementMembers", typeof(AgreementMember), SectionSelect.Children, "AssistantId"),
        new("planShifts", typeof(PlanShift), SectionSelect.Children, "AssistantId"),
        new("planDeviations", typeof(PlanDeviation), SectionSelect.Children, "AssistantId"),
        new("shiftOfferRecipients", typeof(ShiftOfferRecipient), SectionSelect.Children, "AssistantId"),
        new("timeSheets", typeof(TimeSheet), SectionSelect.Children, "AssistantId"),
        new("timeEntries", typeof(TimeEntry), SectionSelect.Children, "SheetId"),
        new("sheetTransitions", typeof(SheetTransition), SectionSelect.Children, "SheetId"),
        new("calendarFeeds", typeof(CalendarFeed), SectionSelect.Children, "AssistantId"),
        new("arrangements", typeof(Arrangement), SectionSelect.Children, "RecipientId"),
        new("decisions", typeof(Decision), SectionSelect.Children, "ArrangementId"),
        new("decisionNeeds", typeof(DecisionNeed), SectionSelect.Children, "DecisionId"),
        new("unusedHours", typeof(UnusedHours), SectionSelect.Children, "ArrangementId"),
        new("openingBalances", typeof(OpeningBalance), SectionSelect.Children, "ArrangementId"),
        new("incidents", typeof(Incident), SectionSelect.Children, "ArrangementId"),
        new("accessLog", typeof(Selvstyrt.Data.Interceptors.AccessLogEntry), SectionSelect.Children, "ArrangementId", Of: typeof(Arrangement)),
    ];

    /// <summary>Secrets and their hashes never leave, not even to their owner (a calendar feed's token, a session ticket).</summary>
    private static bool Secret(IProperty property) =>
        property.Name.Contains("Hash", StringComparison.Ordinal) || property.Name.Contains("Secret", StringComparison.Ordinal)
        || property.Name.Contains("Token", StringComparison.Ordinal) || property.Name.Contains("Ticket", StringComparison.Ordinal);

    public sealed record Download(string FileName, byte[] Content);

    /// <summary>The signed-in person's own data.</summary>
    public async Task<Result<Download>> MineAsync(CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.Id, ct);
        if (account is null) return new NotFound();
        return await BuildAsync(account, null, ct);
    }

    /// <summary>
    /// An assistant's data at the user's provider, for its administrator or the coordinator of the assistant's office: from the
    /// assistant record (which may have no account), never the person's roles or records at another provider.
    /// </summary>
    public async Task<Result<Download>> ForAssistantAsync(Guid assistantId, CancellationToken ct)
    {
        var assistant = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assistantId, ct);
        if (assistant is null) return new NotFound();
        // A restricted record (after an erasure request) is the administrator's alone, also for an access request.
        var allowed = assistant.RestrictedOn is null
            ? await Assistants.SaveAssistantPay.ManagesAsync(db, user.Id, assistant, ct)
            : await Assistants.SaveAssistantPay.AdministersAsync(db, user.Id, assistant, ct);
        if (!allowed) return new NotFound();
        return await BuildAsync(null, assistant, ct);
    }

    /// <summary>The account's own sections: taken from the account, so only in the person's own request.</summary>
    private static readonly HashSet<string> FromAccount = ["assistants", "recipients", "providerGrants", "arrangementRoles", "roleChanges", "notifications"];

    private async Task<Download> BuildAsync(AppUser? account, Assistant? assistant, CancellationToken ct)
    {
        var taken = new Dictionary<Type, Dictionary<object, object>>();
        var today = user.Today;
        if (account is not null)
        {
            taken[typeof(AppUser)] = new() { [account.Id] = account };
            await BundleExport.TakeAsync(db, Sections, taken, null, today, ct);
        }
        else
        {
            foreach (var section in Sections.Where(s => FromAccount.Contains(s.Name))) taken[section.Type] = [];
            taken[typeof(Assistant)][assistant!.Id] = await db.Assistants.SingleAsync(a => a.Id == assistant.Id, ct);
            await BundleExport.TakeAsync(db, Sections.Where(s => !FromAccount.Contains(s.Name)).ToList(), taken, null, today, ct);
        }
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var (sections, _) = BundleExport.Write(db, Sections, taken, files, Secret);
        var name = account?.DisplayName ?? assistant!.FullName;
        var document = new JsonObject
        {
            ["format"] = "selvstyrt.personal-data",
            ["madeAt"] = JsonSerializer.SerializeToNode(user.Now, BundleFormat.Json),
            ["person"] = new JsonObject
            {
                ["name"] = name,
                ["account"] = account is null ? null : new JsonObject
                {
                    ["id"] = account.Id.ToString(), ["email"] = account.Email, ["name"] = account.DisplayName, ["phone"] = account.PhoneNumber,
                    ["twoStepSignIn"] = account.TwoFactorEnabled, ["hasPassword"] = account.PasswordHash is not null, ["closed"] = account.IsDisabled,
                },
            },
            ["sections"] = sections,
        };
        var providers = await ProvidersAsync(taken, ct);
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            BundleArchive.Add(zip, "personopplysninger.json", JsonSerializer.SerializeToUtf8Bytes(document, BundleFormat.Json));
            BundleArchive.Add(zip, "innsyn.pdf", Pdf(name, providers, sections));
            foreach (var (path, bytes) in files) BundleArchive.Add(zip, path, bytes);
        }
        return new Download($"innsyn-{BundleReadable.Slug(name)}-{today:yyyy-MM-dd}.zip", stream.ToArray());
    }

    /// <summary>The providers that hold the data (the controllers): those of the assistant, recipient and role records.</summary>
    private async Task<List<string>> ProvidersAsync(Dictionary<Type, Dictionary<object, object>> taken, CancellationToken ct)
    {
        var ids = taken.GetValueOrDefault(typeof(Assistant))?.Values.Cast<Assistant>().Select(a => a.ProviderId).ToHashSet() ?? [];
        ids.UnionWith(taken.GetValueOrDefault(typeof(Recipient))?.Values.Cast<Recipient>().Select(r => r.ProviderId) ?? []);
        ids.UnionWith(taken.GetValueOrDefault(typeof(ProviderGrant))?.Values.Cast<ProviderGrant>().Select(g => g.ProviderId) ?? []);
        ids.UnionWith(taken.GetValueOrDefault(typeof(Arrangement))?.Values.Cast<Arrangement>().Select(a => a.ProviderId) ?? []);
        var roleArrangements = taken.GetValueOrDefault(typeof(ArrangementRole))?.Values.Cast<ArrangementRole>().Select(r => r.ArrangementId).ToList() ?? [];
        ids.UnionWith(await db.Arrangements.AsNoTracking().Where(a => roleArrangements.Contains(a.Id)).Select(a => a.ProviderId).ToListAsync(ct));
        return await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name + " (org.nr. " + p.OrganisationNumber + ")").ToListAsync(ct);
    }

    /// <summary>The readable copy: who holds the data and why, for how long, the person's rights, then every section's rows.</summary>
    private byte[] Pdf(string name, List<string> providers, JsonObject sections)
    {
        using var pdf = new FlowingText(t["PersonalData.Pdf.Title", name]);
        pdf.Title(t["PersonalData.Pdf.Title", name]);
        pdf.Paragraph(t["PersonalData.Pdf.Intro", Selvstyrt.Web.Shared.Format.Date(user.Today), providers.Count == 0 ? "–" : string.Join(", ", providers)]);
        pdf.Heading(t["PersonalData.Pdf.Why"]);
        pdf.Paragraph(t["PersonalData.Pdf.WhyText"]);
        pdf.Heading(t["PersonalData.Pdf.HowLong"]);
        foreach (var rule in RetentionRule.All) pdf.Paragraph($"{rule.What}: {rule.KeptUntil} ({rule.Basis})", small: true);
        pdf.Paragraph(t["PersonalData.Pdf.HowLongRest"], small: true);
        pdf.Heading(t["PersonalData.Pdf.Rights"]);
        pdf.Paragraph(t["PersonalData.Pdf.RightsText"]);
        foreach (var (section, rows) in sections)
        {
            var list = (JsonArray)rows!;
            if (list.Count == 0) continue;
            pdf.Heading(t["PersonalData.Pdf.Section", t[$"PersonalData.Section.{section}"], list.Count]);
            foreach (var row in list.Take(MaxRowsInPdf))
                pdf.Paragraph(Line((JsonObject)row!), small: true);
            if (list.Count > MaxRowsInPdf) pdf.Paragraph(t["PersonalData.Pdf.More", list.Count - MaxRowsInPdf], small: true);
        }
        return pdf.ToBytes();
    }

    /// <summary>How many rows of one kind the PDF lists; the JSON file has them all.</summary>
    public const int MaxRowsInPdf = 300;

    /// <summary>A row as «field: value» pairs, identifiers and empty fields left out, for people to read.</summary>
    private static string Line(JsonObject row)
    {
        var parts = new List<string>();
        foreach (var (field, value) in row)
        {
            if (value is null || field.EndsWith("Id", StringComparison.Ordinal) || field == "id") continue;
            var text = value switch
            {
                JsonArray list => list.Count == 0 ? null : string.Join(", ", list.Select(i => i is JsonObject o ? Line(o) : i?.ToString())),
                JsonObject o => Line(o),
                _ => value.ToString(),
            };
            if (!string.IsNullOrWhiteSpace(text)) parts.Add($"{field}: {text}");
        }
        return string.Join("; ", parts);
    }
}
