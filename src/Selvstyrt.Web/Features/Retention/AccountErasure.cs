using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Data.Identity;
using Selvstyrt.Data.Interceptors;
using Selvstyrt.Data.Sessions;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.HourAccounts;
using Selvstyrt.Domain.Imports;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Domain.Users;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>
/// The kinds of records that point to a person's account (a work leader, deputy, coordinator, or a recipient who signs in),
/// each with its fate on an erasure request about the account (ADR 0036). A test reads the data model's foreign keys to an
/// account and every <c>UserId</c> column, so a record type added later without a decision fails there. The ids of the
/// person in signature columns (who approved a sheet, who recorded a discussion) stay with the records they sign, which are
/// kept for their own law; the name in those records is what the person signed with.
/// </summary>
public static class AccountErasureParts
{
    public const string Leadership = "ledelse";
    public const string AccessControl = "tilgang";
    public const string ReadLog = "innsyn";
    public const string Hms = "hms";

    public static readonly IReadOnlyList<ErasureParts.Part> All =
    [
        Delete<Notification>("varsler"),
        Delete<OutboxMessage>("epost"),
        Delete<OneTimeLink>("engangslenker"),
        Delete<UserSession>("okter"),
        Delete<ImportDraft>("importutkast"),
        Delete<IdentityUserLogin<Guid>>("innlogginger"),
        Delete<IdentityUserToken<Guid>>("innloggingsnokler"),
        Delete<IdentityUserClaim<Guid>>("kontoopplysninger"),
        Delete<IdentityUserRole<Guid>>("kontoroller"),
        Delete<ApiKey>("apinokler"),
        Delete<ProviderGrant>("leverandorroller"),
        new("kobletAssistent", typeof(Assistant), ErasureFate.Delete, null,
            (db, id, _, ct) => db.Assistants.CountAsync(a => a.UserId == id, ct),
            (db, id, _, ct) => db.Assistants.Where(a => a.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, (Guid?)null), ct)),
        new("kobletMottaker", typeof(Recipient), ErasureFate.Delete, null,
            (db, id, _, ct) => db.Recipients.CountAsync(r => r.UserId == id, ct),
            (db, id, _, ct) => db.Recipients.Where(r => r.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, (Guid?)null), ct)),
        Keep<ArrangementRole>("rollerIOrdninger", Leadership),
        Keep<ActingPeriod>("fungering", Leadership),
        Keep<RoleChange>("rollelogg", AccessControl),
        Keep<AccessLogEntry>("innsynslogg", ReadLog),
        Keep<ReadConfirmation>("lesebekreftelser", Hms),
        Keep<SurveyInvitation>("undersokelser", Hms),
    ];

    private static ErasureParts.Part Delete<T>(string key) where T : class => ErasureParts.Rows<T>(key, "UserId");

    private static ErasureParts.Part Keep<T>(string key, string basis) where T : class => ErasureParts.Rows<T>(key, "UserId", basis);

    /// <summary>
    /// Why the request cannot be carried out now: the person still holds a role that needs the account (GDPR art. 17 no. 3
    /// b; the role is taken away first, on «Brukere og tilganger»), or their assistant record must go by its own request.
    /// </summary>
    public static async Task<string?> RefusalAsync(SelvstyrtDb db, Guid userId, string name, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ProviderGrants.AnyAsync(g => g.UserId == userId, ct))
            return $"{name} har fortsatt en rolle hos en leverandør (administrator, koordinator, revisor eller tillitsvalgt). Fjern rollen først.";
        if (await db.ArrangementRoles.AnyAsync(r => r.UserId == userId && (r.To == null || r.To >= today), ct)
            || await db.ActingPeriods.AnyAsync(p => p.UserId == userId && p.EndedByUserId == null && p.To >= today, ct))
            return $"{name} leder fortsatt en ordning (arbeidsleder, medarbeidsleder, stedfortreder eller fungerende). Fjern rollen først.";
        if (await db.Assistants.AnyAsync(a => a.UserId == userId, ct))
            return $"{name} er registrert som assistent. Registrer sletteforespørselen på assistentens side; den tar med kontoen.";
        if (await db.Recipients.AnyAsync(r => r.UserId == userId && db.Arrangements.Any(a => a.RecipientId == r.Id && (a.EndDate == null || a.EndDate >= today)), ct))
            return $"{name} mottar fortsatt assistanse i en ordning. Opplysningene trengs så lenge ordningen varer.";
        return null;
    }
}

/// <summary>
/// Free texts written by people in records kept for a law (plan changes, time entries, incidents, requests to the employer):
/// they may name the person. On an erasure request the person's full name, as written in the records, is replaced by their
/// initials in these texts at the request's provider; the record and its meaning stay (ADR 0036). A test checks that every
/// text here belongs to a record the provider can be found from.
/// </summary>
public static class NamesInText
{
    public const string Key = "navnIFritekst";

    public sealed record Text(Type Type, string Property,
        Func<SelvstyrtDb, Guid, string, CancellationToken, Task<int>> CountAsync,
        Func<SelvstyrtDb, Guid, string, string, CancellationToken, Task<int>> ReplaceAsync);

    public static readonly IReadOnlyList<Text> All =
    [
        Of<PlanChange>(nameof(PlanChange.Description)),
        Of<PlanDeviation>(nameof(PlanDeviation.Note)),
        Of<FindingOverride>(nameof(FindingOverride.Reason)),
        Of<PlanDiscussion>(nameof(PlanDiscussion.Participants)),
        Of<PlanDiscussion>(nameof(PlanDiscussion.Note)),
        Of<ShiftSwap>(nameof(ShiftSwap.Note)),
        Of<ShiftSwap>(nameof(ShiftSwap.ClosedReason)),
        Of<TimeEntry>(nameof(TimeEntry.Reason)),
        Of<TimeEntry>(nameof(TimeEntry.OvertimeReason)),
        Of<TimeSheet>(nameof(TimeSheet.RejectionComment)),
        Of<SheetTransition>(nameof(SheetTransition.Comment)),
        Of<EmployerRequest>(nameof(EmployerRequest.Text)),
        Of<EmployerRequest>(nameof(EmployerRequest.Answer)),
        Of<Talk>(nameof(Talk.Present)),
        Of<Talk>(nameof(Talk.Minutes)),
        Of<Incident>(nameof(Incident.WhatHappened)),
        Of<Incident>(nameof(Incident.ImmediateAction)),
        Of<Incident>(nameof(Incident.Cause)),
        Of<Incident>(nameof(Incident.EscalationNote)),
        Of<Incident>(nameof(Incident.Evaluation)),
        Of<Audit>(nameof(Audit.Summary)),
        Of<Audit>(nameof(Audit.Conclusion)),
        Of<WorkplaceMapping>(nameof(WorkplaceMapping.Participants)),
        Of<PlanMeasure>(nameof(PlanMeasure.Text)),
        Of<AgreementVersion>(nameof(AgreementVersion.Note)),
        Of<UnusedHours>(nameof(UnusedHours.Reason)),
        Of<OpeningBalance>(nameof(OpeningBalance.Note)),
        Of<ActingPeriod>(nameof(ActingPeriod.Reason)),
    ];

    /// <summary>How many texts at the provider hold the name (as a whole word run: «Dina Dahl», not inside «Dina Dahlberg»).</summary>
    public static async Task<int> CountAsync(SelvstyrtDb db, Guid providerId, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Usable(name)) return 0;
        var count = 0;
        foreach (var text in All) count += await text.CountAsync(db, providerId, name, ct);
        return count;
    }

    /// <summary>Writes the initials where the texts at the provider hold the name; returns the texts changed.</summary>
    public static async Task<int> ReplaceAsync(SelvstyrtDb db, Guid providerId, string name, string initials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Usable(name)) return 0;
        var changed = 0;
        foreach (var text in All) changed += await text.ReplaceAsync(db, providerId, name, initials, ct);
        return changed;
    }

    /// <summary>The rows of <typeparamref name="T"/> that belong to the provider, by the first way the model offers.</summary>
    public static IQueryable<T> AtProvider<T>(SelvstyrtDb db, Guid providerId) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var set = db.Set<T>();
        // Only a key every row has (a nullable one would leave rows out): the provider, the arrangement, the time sheet, the
        // plan or the agreement, in that order.
        bool Has(string property) => type.FindProperty(property) is { IsNullable: false } p && p.ClrType == typeof(Guid);
        if (Has("ProviderId")) return set.Where(e => EF.Property<Guid>(e, "ProviderId") == providerId);
        var arrangements = db.Arrangements.Where(a => a.ProviderId == providerId).Select(a => a.Id);
        if (Has("ArrangementId")) return set.Where(e => arrangements.Contains(EF.Property<Guid>(e, "ArrangementId")));
        foreach (var sheet in new[] { "TimeSheetId", "SheetId" })
        {
            if (Has(sheet)) return set.Where(e => db.TimeSheets.Any(s => s.Id == EF.Property<Guid>(e, sheet) && arrangements.Contains(s.ArrangementId)));
        }
        if (Has("PlanId")) return set.Where(e => db.WorkPlans.Any(p => p.Id == EF.Property<Guid>(e, "PlanId") && arrangements.Contains(p.ArrangementId)));
        if (Has("AgreementId")) return set.Where(e => db.Agreements.Any(a => a.Id == EF.Property<Guid>(e, "AgreementId") && a.ProviderId == providerId));
        throw new InvalidOperationException($"{typeof(T).Name} has no way to its provider.");
    }

    /// <summary>A name of two letters or fewer would match inside other words; such a name is left alone.</summary>
    private static bool Usable(string name) => name.Trim().Length > 2;

    private static Text Of<T>(string property) where T : class => new(typeof(T), property,
        async (db, providerId, name, ct) => (await NamingAsync<T>(db, providerId, property, name, ct)).Count,
        async (db, providerId, name, initials, ct) =>
        {
            var rows = await NamingAsync<T>(db, providerId, property, name, ct);
            foreach (var (id, text) in rows)
            {
                var replaced = WholeName(name).Replace(text, initials);
                await db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string>(e, property), replaced), ct);
            }
            return rows.Count;
        });

    /// <summary>The texts at the provider that hold the name as a whole (not «Dina Dahl» inside «Dina Dahlberg»).</summary>
    private static async Task<List<(Guid Id, string Text)>> NamingAsync<T>(SelvstyrtDb db, Guid providerId, string property, string name, CancellationToken ct) where T : class
    {
        var candidates = await AtProvider<T>(db, providerId).Where(e => EF.Property<string>(e, property).Contains(name))
            .Select(e => new { Id = EF.Property<Guid>(e, "Id"), Text = EF.Property<string>(e, property) }).ToListAsync(ct);
        var whole = WholeName(name);
        return [.. candidates.Where(c => whole.IsMatch(c.Text)).Select(c => (c.Id, c.Text))];
    }

    private static Regex WholeName(string name) => new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// The kinds of records of an arrangement, each with its fate when the recipient of arrangements that have ended asks to be
/// erased (ADR 0036). Counted and erased per arrangement. Almost all of it is kept for a law (the municipality is billed on
/// the decision and the hour account, the assistants are paid on the time sheets, the plans are the working-time record,
/// the HMS work is documented), so the arrangement and the recipient are restricted instead: read by the administrator and
/// an auditor with a purpose only, changed by no one. A test reads the model so that a new kind of record gets a decision.
/// </summary>
public static class RecipientErasureParts
{
    public const string Recruitment = "rekruttering";

    public static readonly IReadOnlyList<ErasureParts.Part> All =
    [
        Delete<Selvstyrt.Domain.Absences.ShiftOffer>("vikartilbudIOrdningen"),
        Delete<Selvstyrt.Domain.Absences.HolidayRound>("ferierunder"),
        Delete<RosterProposal>("turnusforslag"),
        Keep<Decision>("vedtak", ErasureParts.Accounting),
        Keep<UnusedHours>("timekontoUbrukt", ErasureParts.Accounting),
        Keep<OpeningBalance>("timekontoInngaende", ErasureParts.Accounting),
        Keep<TimeSheet>("timelisterIOrdningen", ErasureParts.Accounting),
        Keep<Selvstyrt.Domain.Absences.AbsenceShift>("fravaersvakter", ErasureParts.Pay),
        Keep<WorkPlan>("turnuser", ErasureParts.WorkingTime),
        Keep<ShiftTemplate>("vaktmaler", ErasureParts.WorkingTime),
        Keep<ShiftSwap>("vaktbytter", ErasureParts.WorkingTime),
        Keep<PlanDiscussion>("droftinger", ErasureParts.WorkingTime),
        Keep<WorkingTimeAgreement>("arbeidstidsavtalerIOrdningen", ErasureParts.WorkingTime),
        Keep<Assignment>("assistenterIOrdningen", ErasureParts.WorkingTime),
        Keep<ArrangementRole>("lederroller", AccountErasureParts.Leadership),
        Keep<ActingPeriod>("fungeringIOrdningen", AccountErasureParts.Leadership),
        Keep<ArrangementTransfer>("overdragelser", ErasureParts.Employment),
        Keep<Talk>("medarbeidersamtaler", ErasureParts.Employment),
        Keep<EmployerRequest>("henvendelserIOrdningen", ErasureParts.Employment),
        Keep<JobPosting>("utlysninger", Recruitment),
        Keep<TrainingItem>("opplaeringIOrdningen", AccountErasureParts.Hms),
        Keep<Incident>("avvik", AccountErasureParts.Hms),
        Keep<RiskAnalysis>("risikovurderinger", AccountErasureParts.Hms),
        Keep<WheelTask>("arshjul", AccountErasureParts.Hms),
        Keep<Audit>("revisjoner", AccountErasureParts.Hms),
        Keep<WorkplaceMapping>("kartlegginger", AccountErasureParts.Hms),
        Keep<AccessLogEntry>("innsynsloggIOrdningen", AccountErasureParts.ReadLog),
    ];

    private static ErasureParts.Part Delete<T>(string key) where T : class => ErasureParts.Rows<T>(key, "ArrangementId");

    private static ErasureParts.Part Keep<T>(string key, string basis) where T : class => ErasureParts.Rows<T>(key, "ArrangementId", basis);

    /// <summary>Why the request cannot be carried out now: an arrangement of the recipient is still in force.</summary>
    public static async Task<string?> RefusalAsync(SelvstyrtDb db, Recipient recipient, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        var open = await db.Arrangements.AsNoTracking().Where(a => a.RecipientId == recipient.Id && (a.EndDate == null || a.EndDate >= today))
            .OrderBy(a => a.StartDate).Select(a => new { a.Name, a.EndDate }).FirstOrDefaultAsync(ct);
        if (open is null) return null;
        return open.EndDate is { } end
            ? $"{open.Name} varer til og med {end:dd.MM.yyyy}. Opplysningene trengs så lenge ordningen varer; registrer forespørselen etter siste dag."
            : $"{open.Name} er ikke avsluttet. Opplysningene trengs så lenge ordningen varer; avslutt ordningen først.";
    }
}
