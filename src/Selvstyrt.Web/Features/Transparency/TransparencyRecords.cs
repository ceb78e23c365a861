using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Notifications;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Transparency;

/// <summary>
/// The Transparency Act (åpenhetsloven; issue 20, part 7) for the provider the user administers: the supplier register with the
/// yearly due-diligence assessments, information requests with their three-week deadline, and the yearly statement gathered
/// from the assessments with the board's approval. The administrator writes; the provider's coordinators and an auditor with a
/// purpose read. Everyone else: not found.
/// </summary>
public sealed class TransparencyRecords(SelvstyrtDb db, CurrentUser user)
{
    /// <summary>How many days before the deadline the administrators are reminded of an unanswered request.</summary>
    public const int RemindDaysBefore = 7;

    public sealed record Overview(Guid ProviderId, string Provider, bool CanWrite, IReadOnlyList<Supplier> Suppliers, IReadOnlyList<InformationRequest> Requests,
        IReadOnlyList<TransparencyStatement> Statements);

    /// <summary>The statement as it reads: the provider's own parts, the year's assessments and requests gathered from the register.</summary>
    public sealed record StatementView(string Provider, int Year, TransparencyStatement? Statement, IReadOnlyList<(Supplier Supplier, SupplierAssessment Assessment)> Assessed,
        int Suppliers, int Requests, int AnsweredOnTime, int Refused, bool CanWrite)
    {
        public LocalDate DueOn => new(Year + 1, 6, 30);
    }

    public sealed record SupplierInput(string? Name, string? OrganisationNumber, string? Supplies, string? Country);

    public sealed record AssessmentInput(int? Year, SupplierRisk? Risk, string? Findings, string? Measures);

    public sealed record RequestInput(LocalDate? ReceivedOn, string? FromName, string? Question);

    public async Task<Result<Overview>> OverviewAsync(CancellationToken ct)
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.ProviderId == a.ProviderId).ToListAsync(ct);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ProviderId == a.ProviderId).OrderByDescending(r => r.ReceivedOn).ToListAsync(ct);
        var statements = await db.TransparencyStatements.AsNoTracking().Where(s => s.ProviderId == a.ProviderId).OrderByDescending(s => s.Year).ToListAsync(ct);
        var nb = StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false);
        return new Overview(a.ProviderId, a.Name, a.CanWrite, [.. suppliers.OrderBy(s => s.EndedOn is not null).ThenBy(s => s.Name, nb)],
            [.. requests.OrderBy(r => r.AnsweredOn is not null).ThenByDescending(r => r.ReceivedOn)], statements);
    }

    public Task<Result<(Guid Id, bool Existed)>> RegisterSupplierAsync(SupplierInput input, string? key, CancellationToken ct)
        => CreateAsync(key, "supplier", db.Suppliers, (id, provider) => Supplier.Register(id, provider, input.Name, input.OrganisationNumber, input.Supplies, input.Country, key), ct);

    public Task<Result<(Guid Id, bool Existed)>> ReceiveRequestAsync(RequestInput input, string? key, CancellationToken ct)
        => CreateAsync(key, "information-request", db.InformationRequests,
            (id, provider) => InformationRequest.Receive(id, provider, input.ReceivedOn, input.FromName, input.Question, user.Today, key), ct);

    public Task<Result<Guid>> AssessAsync(Guid supplierId, AssessmentInput input, CancellationToken ct)
        => EditAsync(db.Suppliers, supplierId, s => s.Assess(Guid.CreateVersion7(), input.Year, input.Risk, input.Findings, input.Measures, user.DisplayName, user.Today) is
            { IsSuccess: false } r ? r.Error! : s, ct);

    public Task<Result<Guid>> EndSupplierAsync(Guid supplierId, LocalDate? on, CancellationToken ct) => EditAsync(db.Suppliers, supplierId, s => s.End(on), ct);

    public Task<Result<Guid>> AnswerRequestAsync(Guid requestId, string? answer, bool refused, CancellationToken ct)
        => EditAsync(db.InformationRequests, requestId, r => r.Respond(answer, refused, user.DisplayName, user.Today), ct);

    /// <summary>The year's statement as it reads now, gathered from the register (also before anything is written).</summary>
    public async Task<Result<StatementView>> StatementAsync(int year, CancellationToken ct)
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        if (year < 2022 || year > user.Today.Year) return Invalid.Field("year", $"Året må være mellom 2022 og {user.Today.Year}.");
        var statement = await db.TransparencyStatements.AsNoTracking().FirstOrDefaultAsync(s => s.ProviderId == a.ProviderId && s.Year == year, ct);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.ProviderId == a.ProviderId).ToListAsync(ct);
        var assessed = suppliers.SelectMany(s => s.Assessments.Where(x => x.Year == year).Select(x => (s, x)))
            .OrderByDescending(p => p.x.Risk).ThenBy(p => p.s.Name, StringComparer.Create(new System.Globalization.CultureInfo("nb-NO"), false)).ToList();
        var from = new LocalDate(year, 1, 1);
        var to = new LocalDate(year, 12, 31);
        var requests = await db.InformationRequests.AsNoTracking().Where(r => r.ProviderId == a.ProviderId && r.ReceivedOn >= from && r.ReceivedOn <= to).ToListAsync(ct);
        var active = suppliers.Count(s => s.EndedOn is null || s.EndedOn >= from);
        return new StatementView(a.Name, year, statement, assessed, active, requests.Count, requests.Count(r => r.OnTime == true), requests.Count(r => r.Refused), a.CanWrite);
    }

    /// <summary>Writes the provider's own parts of the year's statement (made on the first write).</summary>
    public async Task<Result<Guid>> WriteStatementAsync(int year, string? organisation, string? routines, CancellationToken ct)
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        if (!a.CanWrite) return new Forbidden("Det er leverandørens administrator som skriver redegjørelsen.");
        var statement = await db.TransparencyStatements.FirstOrDefaultAsync(s => s.ProviderId == a.ProviderId && s.Year == year, ct);
        if (statement is null)
        {
            var drafted = TransparencyStatement.Draft(KeyedId.For($"transparency-statement:{a.ProviderId}", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                a.ProviderId, year, user.Today, null);
            if (!drafted.IsSuccess) return drafted.Error!;
            statement = drafted.Value!;
            db.TransparencyStatements.Add(statement);
        }
        var written = statement.Write(organisation, routines);
        if (!written.IsSuccess) return written.Error!;
        return await db.SaveOrConflictAsync(statement.Id, "Redegjørelsen ble endret av noen andre samtidig. Les den på nytt.", ct);
    }

    public async Task<Result<Guid>> ApproveStatementAsync(int year, LocalDate? on, string? signatories, CancellationToken ct)
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        var statement = await db.TransparencyStatements.FirstOrDefaultAsync(s => s.ProviderId == a.ProviderId && s.Year == year, ct);
        if (statement is null) return Invalid.Field("organisation", "Skriv redegjørelsen før styret godkjenner den.");
        return await ApplyAsync(a, statement, s => s.Approve(on, signatories, user.Today), ct);
    }

    /// <summary>Unanswered requests waiting for the administrator (the start page's count).</summary>
    public async Task<int> WaitingAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var providers = db.ProviderGrants.Where(g => g.UserId == uid && g.Role == ProviderRole.ProviderAdmin).Select(g => g.ProviderId);
        return await db.InformationRequests.CountAsync(r => r.AnsweredOn == null && providers.Contains(r.ProviderId), ct);
    }

    /// <summary>
    /// The daily reminder: a week before an unanswered request's deadline, and the day after it passed, the provider's
    /// administrators are told (once per request and kind).
    /// </summary>
    public static async Task<int> RemindAsync(SelvstyrtDb db, NotificationStore store, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var today = now.InZone(CurrentUser.Zone).Date;
        var open = (await db.InformationRequests.AsNoTracking().Where(r => r.AnsweredOn == null).ToListAsync(ct))
            .Where(r => r.DueOn.PlusDays(-RemindDaysBefore) <= today).ToList();
        if (open.Count == 0) return 0;
        var providers = open.Select(r => r.ProviderId).Distinct().ToList();
        var admins = (await db.ProviderGrants.AsNoTracking().Where(g => providers.Contains(g.ProviderId) && g.Role == ProviderRole.ProviderAdmin)
            .Select(g => new { g.ProviderId, g.UserId }).ToListAsync(ct)).ToLookup(g => g.ProviderId, g => g.UserId);
        var wanted = new List<Notification>();
        foreach (var r in open)
        {
            var late = r.OverdueOn(today);
            foreach (var admin in admins[r.ProviderId].Distinct())
                wanted.Add(Notification.Create(Guid.CreateVersion7(), admin, "apenhet",
                    late ? $"Fristen for å svare {r.FromName} er passert" : $"Svar {r.FromName} innen {Dates.Format(r.DueOn)}",
                    late ? $"Kravet om informasjon fra {r.FromName} skulle vært besvart {Dates.Format(r.DueOn)} (åpenhetsloven § 6). Svar så snart som mulig."
                         : $"Kravet om informasjon fra {r.FromName} kom {Dates.Format(r.ReceivedOn)} og skal besvares skriftlig innen tre uker (åpenhetsloven § 6).",
                    "/apenhet", $"transparency-request:{r.Id:N}:{(late ? "late" : "soon")}:{admin:N}", now));
        }
        return await store.StoreNewAsync(wanted, ct);
    }

    private sealed record Access(Guid ProviderId, string Name, bool CanWrite);

    /// <summary>The provider the user may see the register of: as its administrator (writes), a coordinator or an auditor with a purpose (reads).</summary>
    private async Task<Access?> ProviderAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var auditor = user.Purpose is not null;
        var grants = await db.ProviderGrants.AsNoTracking().Where(g => g.UserId == uid && uid != Guid.Empty
                && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator || (g.Role == ProviderRole.Auditor && auditor)))
            .Select(g => new { g.ProviderId, g.Role }).ToListAsync(ct);
        if (grants.Count == 0) return null;
        var chosen = grants.OrderBy(g => g.Role == ProviderRole.ProviderAdmin ? 0 : 1).First();
        var name = await db.Providers.AsNoTracking().Where(p => p.Id == chosen.ProviderId).Select(p => p.Name).FirstAsync(ct);
        return new Access(chosen.ProviderId, name, grants.Any(g => g.ProviderId == chosen.ProviderId && g.Role == ProviderRole.ProviderAdmin));
    }

    private async Task<Result<(Guid Id, bool Existed)>> CreateAsync<T>(string? key, string kind, DbSet<T> set, Func<Guid, Guid, Result<T>> make, CancellationToken ct)
        where T : AuditedAggregate
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        if (!a.CanWrite) return new Forbidden("Det er leverandørens administrator som fører dette.");
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"{kind}:{a.ProviderId}", key);
        if (await set.AnyAsync(x => x.Id == id, ct)) return (id, true);
        var made = make(id, a.ProviderId);
        if (!made.IsSuccess) return made.Error!;
        set.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    private async Task<Result<Guid>> EditAsync<T>(DbSet<T> set, Guid id, Func<T, Result<T>> edit, CancellationToken ct)
        where T : AuditedAggregate
    {
        var access = await ProviderAsync(ct);
        if (access is not { } a) return new NotFound();
        var record = await set.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (record is null || ProviderOf(record) != a.ProviderId) return new NotFound();
        return await ApplyAsync(a, record, edit, ct);
    }

    /// <summary>Applies a change to a record of the user's provider, if they may write, and saves it.</summary>
    private async Task<Result<Guid>> ApplyAsync<T>(Access a, T record, Func<T, Result<T>> edit, CancellationToken ct)
        where T : AuditedAggregate
    {
        if (!a.CanWrite) return new Forbidden("Det er leverandørens administrator som fører dette.");
        var result = edit(record);
        if (!result.IsSuccess) return result.Error!;
        return await db.SaveOrConflictAsync(record.Id, "Dette ble endret av noen andre samtidig. Les det på nytt.", ct);
    }

    private static Guid ProviderOf(AuditedAggregate record) => record switch
    {
        Supplier s => s.ProviderId,
        InformationRequest r => r.ProviderId,
        TransparencyStatement t => t.ProviderId,
        _ => Guid.Empty,
    };
}
