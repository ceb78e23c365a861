using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Incidents;

/// <summary>
/// Incidents (avvik; issue 20, part 1). Anyone in an arrangement (its assistants, leaders and recipient) and the office's staff
/// report; the reporter, those who may edit the arrangement (its leaders and the employer's side) and, for an office's own
/// incident, the office's managers read and follow up. The employer's side (the provider's administrator, the office's
/// coordinator) alone records notices to the authorities and always sees who reported; the arrangement does not when the
/// reporter asked to be anonymous. A read of an incident about the recipient's health is written to the access log.
/// </summary>
public sealed class IncidentRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, NotificationStore notices)
{
    /// <summary>Where the user may report: an arrangement (<see cref="ArrangementId"/>) or an office as a whole.</summary>
    public sealed record Place(Guid? ArrangementId, Guid OfficeId, string Name)
    {
        public string Value => ArrangementId is { } a ? $"a:{a}" : $"o:{OfficeId}";
    }

    public sealed record ReportInput(Guid? ArrangementId, Guid? OfficeId, IncidentKind? Kind, IncidentSeverity? Severity, Instant? OccurredAt, string? Place,
        string? WhatHappened, string? ImmediateAction, bool Anonymous);

    public sealed record Row(Guid Id, Guid? ArrangementId, string Where, IncidentKind Kind, IncidentSeverity Severity, Instant OccurredAt, IncidentStatus Status,
        string? Responsible, bool Escalated, bool DutyOpen);

    public sealed record Person(Guid UserId, string Name);

    /// <summary>An incident as the user may see it, with what they may do.</summary>
    public sealed record View(Incident Incident, string Where, string? Reporter, bool CanFollowUp, bool CanNotify, IReadOnlyList<Person> Responsibles)
    {
        public bool IsOpen => Incident.Status != IncidentStatus.Closed;
    }

    public sealed record MeasureInput(string? Text, string? Owner, LocalDate? DueOn);

    public sealed record NoticeInput(Authority? Authority, Instant? NotifiedAt, string? Reference, string? NotRequiredReason);

    /// <summary>One line of the statistics: counts per kind in a year and the year before, in the user's scope.</summary>
    public sealed record KindCount(IncidentKind Kind, int ThisYear, int LastYear);

    public sealed record ScopeCount(string Name, int ThisYear, int LastYear, int OpenNow);

    public sealed record Statistics(int Year, IReadOnlyList<KindCount> Kinds, IReadOnlyList<ScopeCount> Arrangements, IReadOnlyList<ScopeCount> Offices, int ThisYear,
        int LastYear, int Closed, double? MedianDaysToClose);

    /// <summary>The arrangements the user is part of today (assists, leads, receives or manages) and the offices they manage.</summary>
    public async Task<List<Place>> PlacesAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var editable = access.EditableArrangements().Select(a => a.Id);
        var assisted = access.AssistedArrangements().Select(a => a.Id);
        var arrangements = await db.Arrangements.AsNoTracking()
            .Where(a => a.EndDate == null || a.EndDate >= today)
            .Where(a => editable.Contains(a.Id) || assisted.Contains(a.Id) || a.Roles.Any(r => r.UserId == uid && r.From <= today && (r.To == null || r.To >= today)))
            .Select(a => new Place(a.Id, a.OfficeId, a.Name)).ToListAsync(ct);
        var offices = await access.ManagedOffices().AsNoTracking().Select(o => new Place(null, o.Id, o.Name)).ToListAsync(ct);
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        return [.. arrangements.OrderBy(p => p.Name, nb), .. offices.OrderBy(p => p.Name, nb)];
    }

    /// <summary>Records a report; the arrangement's leaders are told, and the office too when it is serious or the law asks for a notice. Idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> ReportAsync(ReportInput input, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"incident:{user.Id}", key);
        if (await db.Incidents.AnyAsync(i => i.Id == id, ct)) return (id, true);
        var places = await PlacesAsync(ct);
        var place = input.ArrangementId is { } aid ? places.FirstOrDefault(p => p.ArrangementId == aid)
            : input.OfficeId is { } oid ? places.FirstOrDefault(p => p.ArrangementId is null && p.OfficeId == oid) : null;
        if (place is null) return Invalid.Field("where", "Velg ordningen (eller kontoret) avviket gjelder.");
        var providerId = await db.Offices.AsNoTracking().Where(o => o.Id == place.OfficeId).Select(o => o.ProviderId).FirstAsync(ct);
        var made = Incident.Report(id, providerId, place.OfficeId, place.ArrangementId, input.Kind, input.Severity, input.OccurredAt, input.Place, input.WhatHappened,
            input.ImmediateAction, input.Anonymous, user.Id, user.DisplayName, user.Now, key);
        if (!made.IsSuccess) return made.Error!;
        var incident = made.Value!;
        db.Incidents.Add(incident);
        var who = incident.Anonymous ? "Noen" : user.DisplayName;
        var subject = $"Avvik i {place.Name}: {KindName(incident.Kind).ToLowerInvariant()}";
        var body = $"{who} har meldt et avvik ({SeverityName(incident.Severity).ToLowerInvariant()}) i {place.Name}. Les det og følg det opp.";
        var told = new List<Guid>();
        if (incident.ArrangementId is { } arrangement)
            told.AddRange(await Leading.On(db, user.Today).Where(l => l.ArrangementId == arrangement).Select(l => l.UserId).Distinct().ToListAsync(ct));
        if (incident.ArrangementId is null || incident.Severity >= IncidentSeverity.Serious || incident.Duties.Count > 0)
            told.AddRange(await OfficeManagersAsync(providerId, place.OfficeId, ct));
        await NotifyAsync(told, incident, subject, body, "reported", ct);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>The incidents the user may read, newest first; open ones only when <paramref name="openOnly"/>.</summary>
    public async Task<List<Row>> ListAsync(bool openOnly, Guid? arrangementId, CancellationToken ct)
    {
        var query = Visible();
        if (openOnly) query = query.Where(i => i.ClosedAt == null);
        if (arrangementId is { } a) query = query.Where(i => i.ArrangementId == a);
        var rows = await query.AsNoTracking()
            .GroupJoin(db.Arrangements, i => i.ArrangementId, a => a.Id, (i, a) => new { i, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.i, Arrangement = a == null ? null : a.Name })
            .Join(db.Offices, x => x.i.OfficeId, o => o.Id, (x, o) => new { x.i, x.Arrangement, Office = o.Name })
            .OrderByDescending(x => x.i.OccurredAt).Take(500).ToListAsync(ct);
        var now = user.Now;
        return [.. rows.Select(x => new Row(x.i.Id, x.i.ArrangementId, x.Arrangement ?? x.Office, x.i.Kind, x.i.Severity, x.i.OccurredAt, x.i.Status, x.i.ResponsibleName,
            x.i.EscalatedAt is not null, x.i.Duties.Any(d => d.StateAt(now) != DutyState.Done)))];
    }

    /// <summary>How many open incidents wait for the user (to follow up where they may), for the start page; one query.</summary>
    public Task<int> OpenToFollowUpAsync(CancellationToken ct) => FollowedUp().CountAsync(i => i.ClosedAt == null, ct);

    public async Task<Result<View>> GetAsync(Guid id, CancellationToken ct)
    {
        var incident = await Visible().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return new NotFound();
        var canFollowUp = await FollowedUp().AnyAsync(i => i.Id == id, ct);
        var employer = await EmployerSideAsync(incident, ct);
        var where = await WhereAsync(incident, ct);
        if (incident.HealthRelated && incident.ArrangementId is { } a) await access.LogReadAsync(a, await access.RelationTo(a, ct), "avvik", ct);
        var reporter = !incident.Anonymous || employer || incident.ReporterUserId == user.Id ? incident.ReporterName : null;
        var people = canFollowUp ? await ResponsiblesAsync(incident, ct) : [];
        return new View(incident, where, reporter, canFollowUp, employer, people);
    }

    public Task<Result<Guid>> FollowUpAsync(Guid id, Guid? responsibleUserId, string? cause, IncidentKind? kind, IncidentSeverity? severity, CancellationToken ct)
        => EditAsync(id, async incident =>
        {
            var people = await ResponsiblesAsync(incident, ct);
            var chosen = people.FirstOrDefault(p => p.UserId == responsibleUserId);
            if (responsibleUserId is not null && chosen is null) return Invalid.Field("responsible", "Velg en av dem som kan følge opp avviket.");
            var before = incident.ResponsibleUserId;
            var result = incident.FollowUp(chosen?.Name, chosen?.UserId, cause, kind, severity);
            if (result.IsSuccess && chosen is not null && chosen.UserId != before && chosen.UserId != user.Id)
                await NotifyAsync([chosen.UserId], incident, "Du har ansvaret for et avvik", $"{user.DisplayName} har gitt deg ansvaret for å følge opp et avvik ({KindName(incident.Kind).ToLowerInvariant()}).",
                    $"responsible:{chosen.UserId:N}", ct);
            return result.IsSuccess ? (Result<Incident>)incident : result.Error!;
        }, ct);

    public async Task<Result<(Guid Id, bool Existed)>> AddMeasureAsync(Guid id, MeasureInput input, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var measureId = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"incident-measure:{id}", key);
        var existed = false;
        var saved = await EditAsync(id, incident =>
        {
            existed = incident.Measures.Any(m => m.Id == measureId);
            var added = incident.AddMeasure(measureId, input.Text, input.Owner, input.DueOn, user.Today);
            return Task.FromResult(added.IsSuccess ? (Result<Incident>)incident : added.Error!);
        }, ct);
        return saved.IsSuccess ? (measureId, existed) : saved.Error!;
    }

    public Task<Result<Guid>> CompleteMeasureAsync(Guid id, Guid measureId, CancellationToken ct)
        => EditAsync(id, incident => Task.FromResult(incident.CompleteMeasure(measureId, user.Today) is { IsSuccess: false } r ? r.Error! : (Result<Incident>)incident), ct);

    /// <summary>Sends the case to the office: its coordinators (or else the provider's administrators) are told.</summary>
    public Task<Result<Guid>> EscalateAsync(Guid id, string? note, CancellationToken ct)
        => EditAsync(id, async incident =>
        {
            var result = incident.Escalate(note, user.DisplayName, user.Now);
            if (result.IsSuccess)
                await NotifyAsync(await OfficeManagersAsync(incident.ProviderId, incident.OfficeId, ct), incident, "Avvik meldt videre til kontoret",
                    $"{user.DisplayName} ber kontoret om hjelp med et avvik i {await WhereAsync(incident, ct)}: {incident.EscalationNote}", "escalated", ct);
            return result;
        }, ct);

    /// <summary>The employer's side records a notice to an authority (or, for Datatilsynet, why none is required).</summary>
    public async Task<Result<Guid>> RecordNoticeAsync(Guid id, NoticeInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await EditAsync(id, async incident =>
        {
            if (!await EmployerSideAsync(incident, ct)) return new Forbidden("Det er arbeidsgiveren (koordinatoren eller administratoren) som varsler myndighetene.");
            var recorded = incident.RecordNotice(Guid.CreateVersion7(), input.Authority, input.NotifiedAt, input.Reference, input.NotRequiredReason, user.DisplayName, user.Now);
            return recorded.IsSuccess ? (Result<Incident>)incident : recorded.Error!;
        }, ct);
    }

    /// <summary>Closes the case with the evaluation; the reporter is told.</summary>
    public Task<Result<Guid>> CloseAsync(Guid id, string? evaluation, CancellationToken ct)
        => EditAsync(id, async incident =>
        {
            var wasOpen = incident.Status != IncidentStatus.Closed;
            var result = incident.Close(evaluation, user.DisplayName, user.Now);
            if (result.IsSuccess && wasOpen)
                await NotifyAsync([incident.ReporterUserId], incident, "Avviket du meldte, er lukket", $"Avviket du meldte ({KindName(incident.Kind).ToLowerInvariant()}) er fulgt opp og lukket. Les evalueringen.",
                    "closed", ct);
            return result;
        }, ct);

    /// <summary>
    /// The statistics of the incidents the user follows up (their arrangements as leader, their office or provider as the employer's
    /// side): per kind, per arrangement and per office, the year and the year before; how many closed, and the median days to close.
    /// </summary>
    public async Task<Statistics> StatisticsAsync(int year, CancellationToken ct)
    {
        var zone = CurrentUser.Zone;
        var from = new LocalDate(year - 1, 1, 1).AtStartOfDayInZone(zone).ToInstant();
        var to = new LocalDate(year + 1, 1, 1).AtStartOfDayInZone(zone).ToInstant();
        var rows = await FollowedUp().AsNoTracking().Where(i => i.OccurredAt >= from && i.OccurredAt < to)
            .GroupJoin(db.Arrangements, i => i.ArrangementId, a => a.Id, (i, a) => new { i, a })
            .SelectMany(x => x.a.DefaultIfEmpty(), (x, a) => new { x.i.Kind, x.i.OccurredAt, x.i.ReportedAt, x.i.ClosedAt, x.i.OfficeId, Arrangement = a == null ? null : a.Name })
            .Join(db.Offices, x => x.OfficeId, o => o.Id, (x, o) => new { x.Kind, x.OccurredAt, x.ReportedAt, x.ClosedAt, x.Arrangement, Office = o.Name })
            .ToListAsync(ct);
        var tagged = rows.Select(r => (Row: r, Year: r.OccurredAt.InZone(zone).Year)).ToList();
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        var kinds = Enum.GetValues<IncidentKind>().Select(k => new KindCount(k, tagged.Count(t => t.Year == year && t.Row.Kind == k), tagged.Count(t => t.Year == year - 1 && t.Row.Kind == k)))
            .Where(k => k.ThisYear + k.LastYear > 0).ToList();
        var arrangements = tagged.Where(t => t.Row.Arrangement is not null).GroupBy(t => t.Row.Arrangement!)
            .Select(g => new ScopeCount(g.Key, g.Count(t => t.Year == year), g.Count(t => t.Year == year - 1), g.Count(t => t.Row.ClosedAt is null)))
            .OrderBy(s => s.Name, nb).ToList();
        var offices = tagged.GroupBy(t => t.Row.Office)
            .Select(g => new ScopeCount(g.Key, g.Count(t => t.Year == year), g.Count(t => t.Year == year - 1), g.Count(t => t.Row.ClosedAt is null)))
            .OrderBy(s => s.Name, nb).ToList();
        var closedThisYear = tagged.Where(t => t.Year == year && t.Row.ClosedAt is not null).Select(t => (t.Row.ClosedAt!.Value - t.Row.ReportedAt).TotalDays).Order().ToList();
        double? median = closedThisYear.Count == 0 ? null : Math.Round(closedThisYear.Count % 2 == 1 ? closedThisYear[closedThisYear.Count / 2]
            : (closedThisYear[closedThisYear.Count / 2 - 1] + closedThisYear[closedThisYear.Count / 2]) / 2, 1);
        return new Statistics(year, kinds, arrangements, offices, tagged.Count(t => t.Year == year), tagged.Count(t => t.Year == year - 1), closedThisYear.Count, median);
    }

    public static string KindName(IncidentKind kind) => kind switch
    {
        IncidentKind.AssistantInjury => "Skade på assistent",
        IncidentKind.RecipientInjury => "Skade på tjenestemottaker",
        IncidentKind.ViolenceOrThreats => "Vold eller trusler",
        IncidentKind.MedicationError => "Feil med medisiner",
        IncidentKind.Equipment => "Utstyr og hjelpemidler",
        IncidentKind.NearMiss => "Nesten-ulykke",
        IncidentKind.WorkingTimeBreach => "Brudd på arbeidstidsreglene",
        IncidentKind.PersonalDataBreach => "Brudd på personopplysningssikkerheten",
        _ => "Annet",
    };

    public static string SeverityName(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Minor => "Liten",
        IncidentSeverity.Moderate => "Middels",
        IncidentSeverity.Serious => "Alvorlig",
        _ => "Svært alvorlig",
    };


    /// <summary>The incidents the user may read: their own reports, and those they may follow up.</summary>
    private IQueryable<Incident> Visible() => Scope(reporter: true);

    /// <summary>The incidents the user may follow up: those of arrangements they may edit, and the offices' own for their managers.</summary>
    private IQueryable<Incident> FollowedUp() => Scope(reporter: false);

    private IQueryable<Incident> Scope(bool reporter)
    {
        var uid = user.Id;
        var editable = access.EditableArrangements().Select(a => a.Id);
        var offices = access.ManagedOffices().Select(o => o.Id);
        return db.Incidents.AsSplitQuery().Where(i => uid != Guid.Empty && ((reporter && i.ReporterUserId == uid)
            || (i.ArrangementId != null ? editable.Contains(i.ArrangementId.Value) : offices.Contains(i.OfficeId))));
    }

    /// <summary>The employer's side of the incident: the provider's administrator or the office's coordinator.</summary>
    private Task<bool> EmployerSideAsync(Incident incident, CancellationToken ct)
        => access.ManagedOffices().AnyAsync(o => o.Id == incident.OfficeId, ct);

    private async Task<string> WhereAsync(Incident incident, CancellationToken ct)
        => incident.ArrangementId is { } a
            ? await db.Arrangements.AsNoTracking().Where(x => x.Id == a).Select(x => x.Name).FirstAsync(ct)
            : await db.Offices.AsNoTracking().Where(o => o.Id == incident.OfficeId).Select(o => o.Name).FirstAsync(ct);

    /// <summary>Who may be responsible: the arrangement's leaders today, the office's coordinators and the provider's administrators.</summary>
    private async Task<List<Person>> ResponsiblesAsync(Incident incident, CancellationToken ct)
    {
        var leaders = incident.ArrangementId is { } a
            ? await Leading.On(db, user.Today).Where(l => l.ArrangementId == a).Select(l => l.UserId).ToListAsync(ct)
            : [];
        var managers = await db.ProviderGrants.AsNoTracking().Where(g => g.ProviderId == incident.ProviderId
                && (g.Role == ProviderRole.ProviderAdmin || (g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == incident.OfficeId)))
            .Select(g => g.UserId).ToListAsync(ct);
        var ids = leaders.Concat(managers).Distinct().ToList();
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        return [.. (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsServiceAccount && !u.IsDisabled).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(ct))
            .OrderBy(p => p.Name, nb)];
    }

    /// <summary>The office's coordinators, or the provider's administrators when the office has none.</summary>
    private async Task<List<Guid>> OfficeManagersAsync(Guid providerId, Guid officeId, CancellationToken ct)
    {
        var coordinators = await db.ProviderGrants.AsNoTracking()
            .Where(g => g.ProviderId == providerId && g.Role == ProviderRole.OfficeCoordinator && g.OfficeId == officeId).Select(g => g.UserId).ToListAsync(ct);
        return coordinators.Count > 0 ? coordinators
            : await db.ProviderGrants.AsNoTracking().Where(g => g.ProviderId == providerId && g.Role == ProviderRole.ProviderAdmin).Select(g => g.UserId).ToListAsync(ct);
    }

    private Task<int> NotifyAsync(IEnumerable<Guid> users, Incident incident, string subject, string body, string what, CancellationToken ct)
        => notices.AddNewAsync([.. users.Where(u => u != user.Id).Distinct().Select(u => Notification.Create(Guid.CreateVersion7(), u, "avvik", subject, body, $"/avvik/{incident.Id}",
            $"incident:{incident.Id:N}:{what}:{u:N}", user.Now))], ct);

    /// <summary>Loads the incident the user may follow up, applies the change, and saves; anyone else is told it does not exist.</summary>
    private async Task<Result<Guid>> EditAsync(Guid id, Func<Incident, Task<Result<Incident>>> edit, CancellationToken ct)
    {
        var incident = await FollowedUp().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
            return await Visible().AnyAsync(i => i.Id == id, ct) ? new Forbidden("Du kan lese avviket, men det er arbeidslederen og arbeidsgiveren som følger det opp.") : new NotFound();
        var result = await edit(incident);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(id, "Avviket ble endret av noen andre samtidig. Les det på nytt.", ct);
    }
}
