using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Retention;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Organisation;
using Selvstyrt.Web.Http;

namespace Selvstyrt.Web.Features.Retention;

/// <summary>What happens to one kind of record about the person on an erasure request.</summary>
public enum ErasureFate
{
    /// <summary>Deleted (or, for a shift, made vacant) when the request is carried out.</summary>
    Delete,

    /// <summary>Kept because a law requires it, restricted, and deleted when its time is up.</summary>
    Keep,
}

/// <summary>
/// Erasure requests (GDPR art. 17, quality.md S7) for an assistant whose employments have ended (ADR 0033), a person whose
/// roles have ended, or the recipient of arrangements that have ended (ADR 0036): the administrator sees beforehand what will
/// be deleted and what must be kept and why, registers the request, and the daily job (<see cref="ErasureJob"/>) carries it
/// out.
/// </summary>
public sealed class Erasure(SelvstyrtDb db, AdministeredProvider administered, CurrentUser user)
{
    /// <summary>One kind of record, how many rows the person has of it, and what happens to them.</summary>
    public sealed record Kind(string Key, int Count, ErasureFate Fate, string? Basis);

    /// <summary>
    /// What a request would do now, for an assistant record or a person's account (<paramref name="UserId"/>);
    /// <paramref name="Refusal"/> says why it cannot be registered yet.
    /// </summary>
    public sealed record Preview(Guid? AssistantId, Guid? UserId, Guid? RecipientId, string Name, LocalDate? RestrictedOn, string? Refusal, IReadOnlyList<Kind> Kinds, RequestView? Request);

    public sealed record RequestView(Guid Id, Guid? AssistantId, Guid? UserId, Guid? RecipientId, string Initials, LocalDate ReceivedOn, string RegisteredBy, Instant RegisteredAt, string Note,
        ErasureState State, Instant? CarriedOutAt, int Deleted, int Restricted, Instant? CompletedAt);

    /// <summary>
    /// Whom a request is about: where it belongs, the name it replaces in kept texts, which parts it counts and over which
    /// ids (an assistant's, an account's, or each of a recipient's arrangements), how its requests are found, why it cannot
    /// be registered yet, and how the request is made.
    /// </summary>
    private sealed record Subject(Guid ProviderId, string Name, LocalDate? RestrictedOn, Guid? AssistantId, Guid? UserId, Guid? RecipientId,
        IReadOnlyList<ErasureParts.Part> Parts, IReadOnlyList<Guid> PartIds, Expression<Func<ErasureRequest, bool>> Requests,
        Func<LocalDate, CancellationToken, Task<string?>> RefusalAsync, Func<Guid, LocalDate, string?, string?, Result<ErasureRequest>> Make);

    /// <summary>What a request about an assistant who has left would do now.</summary>
    public async Task<Result<Preview>> PreviewAsync(Guid assistantId, CancellationToken ct)
        => await PreviewOfAsync(await AssistantAsync(assistantId, ct), "Fant ikke assistenten.", ct);

    /// <summary>Registers the request; idempotent on the key, and a second request for the same assistant finds the first.</summary>
    public Task<Result<(Guid Id, bool Existed)>> RegisterAsync(Guid assistantId, LocalDate? receivedOn, string? note, string? key, CancellationToken ct)
        => RegisterOfAsync(() => AssistantAsync(assistantId, ct), "Fant ikke assistenten.", receivedOn, note, key, ct);

    /// <summary>What a request about a person's account would do now (a work leader, deputy, coordinator or recipient who signs in).</summary>
    public async Task<Result<Preview>> AccountPreviewAsync(Guid userId, CancellationToken ct)
        => await PreviewOfAsync(await AccountAsync(userId, ct), "Fant ikke personen.", ct);

    /// <summary>Registers a request about an account; idempotent on the key, and a second request for the same person finds the first.</summary>
    public Task<Result<(Guid Id, bool Existed)>> RegisterForAccountAsync(Guid userId, LocalDate? receivedOn, string? note, string? key, CancellationToken ct)
        => RegisterOfAsync(() => AccountAsync(userId, ct), "Fant ikke personen.", receivedOn, note, key, ct);

    /// <summary>
    /// What a request from the recipient of <paramref name="arrangementId"/> would do now, over all the recipient's
    /// arrangements at the provider (their sign-in, if any, goes with it).
    /// </summary>
    public async Task<Result<Preview>> RecipientPreviewAsync(Guid arrangementId, CancellationToken ct)
        => await PreviewOfAsync(await RecipientAsync(arrangementId, ct), "Fant ikke ordningen.", ct);

    /// <summary>Registers the recipient's request; idempotent on the key, and a second request for the same recipient finds the first.</summary>
    public Task<Result<(Guid Id, bool Existed)>> RegisterForRecipientAsync(Guid arrangementId, LocalDate? receivedOn, string? note, string? key, CancellationToken ct)
        => RegisterOfAsync(() => RecipientAsync(arrangementId, ct), "Fant ikke ordningen.", receivedOn, note, key, ct);

    private async Task<Result<Preview>> PreviewOfAsync(Subject? subject, string notFound, CancellationToken ct)
    {
        if (subject is null) return new NotFound(notFound);
        var today = user.Today;
        var kinds = new List<Kind>();
        foreach (var part in subject.Parts)
        {
            var count = 0;
            foreach (var id in subject.PartIds) count += await part.CountAsync(db, id, today, ct);
            kinds.Add(new Kind(part.Key, count, part.Fate, part.Basis));
        }
        kinds.Add(new Kind(NamesInText.Key, await NamesInText.CountAsync(db, subject.ProviderId, subject.Name, ct), ErasureFate.Delete, null));
        var request = await db.ErasureRequests.AsNoTracking().Where(subject.Requests).OrderByDescending(r => r.RegisteredAt).FirstOrDefaultAsync(ct);
        return new Preview(subject.AssistantId, subject.UserId, subject.RecipientId, subject.Name, subject.RestrictedOn, await subject.RefusalAsync(today, ct), kinds,
            request is null ? null : View(request));
    }

    private async Task<Result<(Guid Id, bool Existed)>> RegisterOfAsync(Func<Task<Subject?>> find, string notFound, LocalDate? receivedOn, string? note, string? key,
        CancellationToken ct)
    {
        var id = Creates.IdFor($"erasure:{user.Id}", key);
        if (!id.IsSuccess) return id.Error!;
        if (await db.ErasureRequests.AnyAsync(r => r.Id == id.Value, ct)) return (id.Value, true);
        var subject = await find();
        if (subject is null) return new NotFound(notFound);
        var open = await db.ErasureRequests.Where(subject.Requests).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (open != Guid.Empty) return (open, true);
        if (receivedOn is not { } received) return Invalid.Field("receivedOn", "Skriv datoen forespørselen kom.");
        var refusal = await subject.RefusalAsync(user.Today, ct);
        if (refusal is not null) return new Conflict(refusal);
        var made = subject.Make(id.Value, received, note, key);
        if (!made.IsSuccess) return made.Error!;
        db.ErasureRequests.Add(made.Value!);
        return await db.SaveCreatedAsync<ErasureRequest>(id.Value, ct);
    }

    /// <summary>The assistant, when the user administers the assistant's provider (a coordinator does not handle erasure).</summary>
    private async Task<Subject?> AssistantAsync(Guid assistantId, CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        if (providers.Count == 0) return null;
        var a = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId && providers.Contains(x.ProviderId), ct);
        if (a is null) return null;
        return new Subject(a.ProviderId, a.FullName, a.RestrictedOn, a.Id, null, null, ErasureParts.All, [a.Id], r => r.AssistantId == a.Id,
            (today, token) => RefusalAsync(a, today, token),
            (id, received, note, key) => ErasureRequest.Register(id, a.ProviderId, a.Id, a.FullName, received, user.Today, note, user.Now, user.DisplayName, key));
    }

    /// <summary>
    /// The person behind an account and the administered provider the request belongs to: one where they held a role
    /// (the role log), led or were a recipient in an arrangement. An integration's service account is not a person.
    /// </summary>
    private async Task<Subject?> AccountAsync(Guid userId, CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        if (providers.Count == 0) return null;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsServiceAccount).Select(u => new { u.DisplayName }).FirstOrDefaultAsync(ct);
        if (account is null) return null;
        var providerId = await db.RoleChanges.AsNoTracking().Where(c => c.UserId == userId && providers.Contains(c.ProviderId)).Select(c => (Guid?)c.ProviderId).FirstOrDefaultAsync(ct)
            ?? await db.ArrangementRoles.AsNoTracking().Where(r => r.UserId == userId)
                .Join(db.Arrangements.Where(a => providers.Contains(a.ProviderId)), r => r.ArrangementId, a => a.Id, (_, a) => (Guid?)a.ProviderId).FirstOrDefaultAsync(ct)
            ?? await db.Recipients.AsNoTracking().Where(r => r.UserId == userId && providers.Contains(r.ProviderId)).Select(r => (Guid?)r.ProviderId).FirstOrDefaultAsync(ct);
        if (providerId is not { } provider) return null;
        var name = account.DisplayName;
        return new Subject(provider, name, null, null, userId, null, AccountErasureParts.All, [userId], r => r.UserId == userId,
            (today, token) => AccountErasureParts.RefusalAsync(db, userId, name, today, token),
            (id, received, note, key) => ErasureRequest.RegisterForAccount(id, provider, userId, name, received, user.Today, note, user.Now, user.DisplayName, key));
    }

    /// <summary>The recipient of an arrangement of a provider the user administers, with all the recipient's arrangements.</summary>
    private async Task<Subject?> RecipientAsync(Guid arrangementId, CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        if (providers.Count == 0) return null;
        var r = await db.Recipients.AsNoTracking()
            .Where(x => providers.Contains(x.ProviderId) && db.Arrangements.Any(a => a.Id == arrangementId && a.RecipientId == x.Id))
            .FirstOrDefaultAsync(ct);
        if (r is null) return null;
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => a.RecipientId == r.Id).Select(a => a.Id).ToListAsync(ct);
        return new Subject(r.ProviderId, r.FullName, r.RestrictedOn, null, r.UserId, r.Id, RecipientErasureParts.All, arrangements, x => x.RecipientId == r.Id,
            (today, token) => RecipientErasureParts.RefusalAsync(db, r, today, token),
            (id, received, note, key) => ErasureRequest.RegisterForRecipient(id, r.ProviderId, r.Id, r.FullName, received, user.Today, note, user.Now, user.DisplayName, key));
    }

    /// <summary>The requests of the providers the user administers, newest first (none for anyone else).</summary>
    public async Task<IReadOnlyList<RequestView>> ListAsync(CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        if (providers.Count == 0) return [];
        var requests = await db.ErasureRequests.AsNoTracking().Where(r => providers.Contains(r.ProviderId)).ToListAsync(ct);
        return [.. requests.OrderByDescending(r => r.RegisteredAt).Select(View)];
    }

    private static RequestView View(ErasureRequest r) => new(r.Id, r.AssistantId, r.UserId, r.RecipientId, r.Initials, r.ReceivedOn, r.RegisteredBy, r.RegisteredAt, r.Note, r.State,
        r.CarriedOutAt, r.Deleted, r.Restricted, r.CompletedAt);

    /// <summary>Why the request cannot be carried out now: the person still works for the provider (art. 17 no. 3 b).</summary>
    private async Task<string?> RefusalAsync(Assistant assistant, LocalDate today, CancellationToken ct)
    {
        var employment = await db.Employments.AsNoTracking().Where(e => e.AssistantId == assistant.Id && (e.End == null || e.End >= today))
            .OrderByDescending(e => e.Start).FirstOrDefaultAsync(ct);
        if (employment is not null)
        {
            return employment.End is { } end
                ? $"{assistant.FullName} er ansatt til og med {end:dd.MM.yyyy}. Opplysningene trengs så lenge arbeidsforholdet varer; registrer forespørselen etter siste arbeidsdag."
                : $"{assistant.FullName} er fortsatt ansatt. Opplysningene trengs så lenge arbeidsforholdet varer; avslutt arbeidsforholdet først.";
        }
        var assigned = await db.Assignments.AnyAsync(a => a.AssistantId == assistant.Id && (a.To == null || a.To >= today), ct);
        return assigned ? $"{assistant.FullName} er fortsatt knyttet til en ordning. Avslutt tilknytningen først." : null;
    }
}

/// <summary>
/// The kinds of records that point to an assistant, each with its fate on an erasure request: the one place that decides it.
/// A test checks that every foreign key to an assistant in the data model is covered here, so a new kind of record cannot
/// be forgotten.
/// </summary>
public static class ErasureParts
{
    public const string Accounting = "bokforing";
    public const string Pay = "lonn";
    public const string WorkingTime = "arbeidstid";
    public const string Confidentiality = "taushet";
    public const string Employment = "arbeidsforhold";

    public sealed record Part(string Key, Type Type, ErasureFate Fate, string? Basis,
        Func<SelvstyrtDb, Guid, LocalDate, CancellationToken, Task<int>> CountAsync,
        Func<SelvstyrtDb, Guid, LocalDate, CancellationToken, Task<int>> EraseAsync);

    public static readonly IReadOnlyList<Part> All =
    [
        Delete<AssistantCompetence>("kompetanse"),
        Delete<PoliceCertificate>("politiattester"),
        Delete<ReferenceLetter>("attester"),
        Delete<Talk>("samtaler"),
        Delete<TrainingItem>("opplaering"),
        Delete<HolidayRequest>("ferieonsker"),
        Delete<HolidayCarryOver>("ferieoverforing"),
        Delete<ShiftOfferRecipient>("vikartilbud"),
        Delete<CalendarFeed>("kalenderlenker"),
        Delete<OtherEmployerHours>("andreArbeidsgivere"),
        new("kommendeVakter", typeof(PlanShift), ErasureFate.Delete, null,
            (db, id, today, ct) => CurrentShifts(db, id, today).CountAsync(ct),
            (db, id, today, ct) => CurrentShifts(db, id, today).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssistantId, (Guid?)null), ct)),
        new("kommendeEndringer", typeof(PlanDeviation), ErasureFate.Delete, null,
            (db, id, today, ct) => db.PlanDeviations.Where(d => d.AssistantId == id && d.Date >= today).CountAsync(ct),
            (db, id, today, ct) => db.PlanDeviations.Where(d => d.AssistantId == id && d.Date >= today).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssistantId, (Guid?)null), ct)),
        Keep<TimeSheet>("timelister", Accounting),
        Keep<Domain.People.Employment>("arbeidsforhold", Pay),
        Keep<EmploymentContract>("arbeidsavtaler", Employment),
        Keep<Absence>("fravaer", Pay),
        Keep<ConfidentialityDeclaration>("taushetserklaeringer", Confidentiality),
        new("tidligereVakter", typeof(PlanShift), ErasureFate.Keep, WorkingTime,
            async (db, id, today, ct) => await db.PlanShifts.CountAsync(s => s.AssistantId == id, ct) - await CurrentShifts(db, id, today).CountAsync(ct),
            (db, id, _, ct) => db.PlanShifts.Where(s => s.AssistantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssistantId, (Guid?)null), ct)),
        new("tidligereEndringer", typeof(PlanDeviation), ErasureFate.Keep, WorkingTime,
            (db, id, today, ct) => db.PlanDeviations.Where(d => d.AssistantId == id && d.Date < today).CountAsync(ct),
            (db, id, _, ct) => db.PlanDeviations.Where(d => d.AssistantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssistantId, (Guid?)null), ct)),
        Keep<AgreementMember>("arbeidstidsavtaler", WorkingTime),
        Keep<Assignment>("tilknytninger", WorkingTime),
        new("henvendelser", typeof(EmployerRequest), ErasureFate.Keep, Employment,
            (db, id, _, ct) => db.EmployerRequests.Where(r => r.AssistantId == id).CountAsync(ct),
            (db, id, _, ct) => db.EmployerRequests.Where(r => r.AssistantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssistantId, (Guid?)null), ct)),
    ];

    /// <summary>Shifts in plans still in force or to come: made vacant at once, since the person no longer works there.</summary>
    private static IQueryable<PlanShift> CurrentShifts(SelvstyrtDb db, Guid id, LocalDate today) =>
        db.PlanShifts.Where(s => s.AssistantId == id && db.WorkPlans.Any(p => p.Id == s.PlanId && (p.EndsOn == null || p.EndsOn >= today)));

    private static Part Delete<T>(string key) where T : class => Rows<T>(key, "AssistantId");

    private static Part Keep<T>(string key, string basis) where T : class => Rows<T>(key, "AssistantId", basis);

    /// <summary>
    /// A part over the rows of <typeparamref name="T"/> whose <paramref name="column"/> holds the subject's id: deleted at once
    /// without a <paramref name="basis"/>, kept for it with one (and deleted when the request completes).
    /// </summary>
    public static Part Rows<T>(string key, string column, string? basis = null) where T : class
        => new(key, typeof(T), basis is null ? ErasureFate.Delete : ErasureFate.Keep, basis,
            (db, id, _, ct) => Where<T>(db, column, id).CountAsync(ct), (db, id, _, ct) => Where<T>(db, column, id).ExecuteDeleteAsync(ct));

    private static IQueryable<T> Where<T>(SelvstyrtDb db, string column, Guid id) where T : class => db.Set<T>().Where(e => EF.Property<Guid?>(e, column) == id);

    /// <summary>Deletes the deletable parts for <paramref name="id"/> and counts the kept ones: (rows deleted, rows restricted).</summary>
    public static async Task<(int Deleted, int Restricted)> ApplyAsync(IReadOnlyList<Part> parts, SelvstyrtDb db, Guid id, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var deleted = 0;
        var restricted = 0;
        foreach (var part in parts)
        {
            if (part.Fate == ErasureFate.Delete) deleted += await part.EraseAsync(db, id, today, ct);
            else restricted += await part.CountAsync(db, id, today, ct);
        }
        return (deleted, restricted);
    }
}
