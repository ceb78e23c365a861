using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Access;
using Selvstyrt.Domain.Agreements;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Organisation;

namespace Selvstyrt.Web.Features.Agreements;

/// <summary>
/// Working-time agreements and dispensations (issue 18): the provider's administrator records, changes and ends them;
/// coordinators, the union representative and the auditor read the provider's; a work leader reads those that cover
/// the arrangements they lead (the employer's own, their arrangement's, and individual ones of their assistants).
/// </summary>
public sealed class AgreementRecords(SelvstyrtDb db, CurrentUser user, AdministeredProvider administered)
{
    public sealed record Row(Guid Id, Guid ProviderId, string Code, LegalBasisKind Kind, string Name, AgreementScope Scope, string? ArrangementName,
        IReadOnlyList<string> Assistants, LocalDate ValidFrom, LocalDate? ValidTo, bool InForce, int Version, string Summary, string? DocumentName);

    public sealed record VersionView(int Number, Instant At, string By, string Terms, string Note);

    public sealed record Detail(Row Agreement, AgreementTerms Terms, bool CanManage, IReadOnlyList<VersionView> Versions);

    public sealed record Choice(Guid Id, string Name);

    /// <summary>What the forms choose from: the arrangements and assistants of the administered providers.</summary>
    public sealed record Choices(IReadOnlyList<Choice> Arrangements, IReadOnlyList<Choice> Assistants);

    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var (providers, leading) = await ReadableAsync(ct);
        var agreements = await Visible(providers, leading).AsNoTracking().ToListAsync(ct);
        return await RowsAsync(agreements, ct);
    }

    public async Task<Result<Detail>> GetAsync(Guid id, CancellationToken ct)
    {
        var (providers, leading) = await ReadableAsync(ct);
        var agreement = await Visible(providers, leading).AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return new NotFound("Fant ikke avtalen.");
        var row = (await RowsAsync([agreement], ct)).Single();
        var versions = agreement.Versions.OrderByDescending(v => v.Number).Select(v => new VersionView(v.Number, v.At, v.By, v.Terms, v.Note)).ToList();
        return new Detail(row, TermsOf(agreement), await administered.AdministersAsync(agreement.ProviderId, ct), versions);
    }

    public async Task<bool> AdministersAsync(CancellationToken ct) => (await administered.AllAsync(ct)).Count > 0;

    public async Task<Choices> ChoicesAsync(CancellationToken ct)
    {
        var providers = await administered.AllAsync(ct);
        var today = user.Today;
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => providers.Contains(a.ProviderId) && (a.EndDate == null || a.EndDate >= today))
            .OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);
        var assistants = await db.Assistants.AsNoTracking().Where(a => providers.Contains(a.ProviderId))
            .OrderBy(a => a.FullName).Select(a => new Choice(a.Id, a.FullName)).ToListAsync(ct);
        return new Choices(arrangements, assistants);
    }

    /// <summary>Records an agreement; idempotent on the key (a retry answers with the first one, <c>Existed</c>).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> CreateAsync(Guid? providerId, AgreementTerms terms, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var provider = await administered.ResolveAsync(providerId, ct);
        if (!provider.IsSuccess) return provider.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"agreement:{provider.Value}", key);
        if (await db.Agreements.AnyAsync(a => a.Id == id, ct)) return (id, true);
        var parties = await PartiesAsync(provider.Value, terms, ct);
        if (parties is not null) return parties;
        var made = WorkingTimeAgreement.Create(id, provider.Value, terms, user.Now, user.DisplayName);
        if (!made.IsSuccess) return made.Error!;
        db.Agreements.Add(made.Value!);
        db.AgreementVersions.AddRange(made.Value!.Versions);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>Changes an agreement's terms as a new version (administrator); the note says why.</summary>
    public async Task<Result<Guid>> ChangeAsync(Guid id, AgreementTerms terms, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return await NewVersionAsync(id, async a => await PartiesAsync(a.ProviderId, terms, ct) is { } invalid ? invalid : a.Change(terms, note, user.Now, user.DisplayName), ct);
    }

    /// <summary>Ends an agreement after its last day (administrator).</summary>
    public Task<Result<Guid>> EndAsync(Guid id, LocalDate? lastDay, string? reason, CancellationToken ct)
        => NewVersionAsync(id, a => Task.FromResult(a.End(lastDay, reason, user.Now, user.DisplayName)), ct);

    /// <summary>Applies a change the administrator may make and stores the version it added.</summary>
    private async Task<Result<Guid>> NewVersionAsync(Guid id, Func<WorkingTimeAgreement, Task<Result<WorkingTimeAgreement>>> change, CancellationToken ct)
    {
        var agreement = await AdministeredAsync(id, ct);
        if (!agreement.IsSuccess) return agreement.Error!;
        var a = agreement.Value!;
        var before = a.Versions.Count;
        var changed = await change(a);
        if (!changed.IsSuccess) return changed.Error!;
        db.AgreementVersions.AddRange(a.Versions.Skip(before));
        await db.SaveChangesAsync(ct);
        return a.Id;
    }

    public sealed record File(string Name, byte[] Content);

    /// <summary>Attaches the signed agreement or Arbeidstilsynet's decision (a PDF) to the agreement (administrator).</summary>
    public async Task<Result<Guid>> UploadAsync(Guid id, string fileName, byte[] content, CancellationToken ct)
    {
        var agreement = await AdministeredAsync(id, ct);
        if (!agreement.IsSuccess) return agreement.Error!;
        var document = AgreementDocument.Create(Guid.CreateVersion7(), id, fileName, content, user.Now);
        if (!document.IsSuccess) return document.Error!;
        db.AgreementDocuments.Add(document.Value!);
        agreement.Value!.AttachDocument(document.Value!.Id, document.Value.FileName);
        await db.SaveChangesAsync(ct);
        return document.Value.Id;
    }

    public async Task<Result<File>> DownloadAsync(Guid id, CancellationToken ct)
    {
        var (providers, leading) = await ReadableAsync(ct);
        var documentId = await Visible(providers, leading).Where(a => a.Id == id).Select(a => new { a.DocumentId }).FirstOrDefaultAsync(ct);
        if (documentId is null) return new NotFound("Fant ikke avtalen.");
        if (documentId.DocumentId is null) return new NotFound("Avtalen har ikke noe vedlagt dokument.");
        return await db.AgreementDocuments.AsNoTracking().Where(d => d.Id == documentId.DocumentId).Select(d => new File(d.FileName, d.Content)).SingleAsync(ct);
    }

    private async Task<Result<WorkingTimeAgreement>> AdministeredAsync(Guid id, CancellationToken ct)
    {
        var (providers, leading) = await ReadableAsync(ct);
        var agreement = await Visible(providers, leading).Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return new NotFound("Fant ikke avtalen.");
        if (!await administered.AdministersAsync(agreement.ProviderId, ct)) return new Forbidden("Bare leverandørens administrator kan endre avtaler.");
        return agreement;
    }

    /// <summary>The arrangement and the named assistants must be the provider's; null when they are.</summary>
    private async Task<Invalid?> PartiesAsync(Guid providerId, AgreementTerms terms, CancellationToken ct)
    {
        if (terms.Scope == AgreementScope.Arrangement && terms.ArrangementId is { } arrangement
            && !await db.Arrangements.AnyAsync(a => a.Id == arrangement && a.ProviderId == providerId, ct))
            return Invalid.Field("arrangementId", "Velg en av leverandørens ordninger.");
        if (terms.Scope == AgreementScope.Assistants && terms.Assistants is { Count: > 0 } named)
        {
            var ids = named.Distinct().ToList();
            var found = await db.Assistants.CountAsync(a => ids.Contains(a.Id) && a.ProviderId == providerId, ct);
            if (found != ids.Count) return Invalid.Field("assistants", "Velg bare leverandørens egne assistenter.");
        }
        return null;
    }

    /// <summary>The providers whose agreements the user reads whole, and the arrangements they lead (for a work leader's view).</summary>
    private async Task<(List<Guid> Providers, List<Guid> Leading)> ReadableAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var today = user.Today;
        var providers = await db.ProviderGrants.AsNoTracking()
            .Where(g => g.UserId == uid && (g.Role == ProviderRole.ProviderAdmin || g.Role == ProviderRole.OfficeCoordinator
                                            || g.Role == ProviderRole.UnionRepresentative || (g.Role == ProviderRole.Auditor && user.Purpose != null)))
            .Select(g => g.ProviderId).Distinct().ToListAsync(ct);
        var leading = await db.ArrangementRoles.AsNoTracking()
            .Where(r => r.UserId == uid && r.Kind != ArrangementRoleKind.Recipient && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.ArrangementId).Distinct().ToListAsync(ct);
        return (providers, leading);
    }

    private IQueryable<WorkingTimeAgreement> Visible(List<Guid> providers, List<Guid> leading)
    {
        var ledProviders = db.Arrangements.Where(x => leading.Contains(x.Id)).Select(x => x.ProviderId);
        var ledAssistants = db.Assignments.Where(s => leading.Contains(s.ArrangementId)).Select(s => s.AssistantId);
        return db.Agreements.Where(a => providers.Contains(a.ProviderId)
            || (ledProviders.Contains(a.ProviderId) && (a.Scope == AgreementScope.Employer
                || (a.Scope == AgreementScope.Arrangement && a.ArrangementId != null && leading.Contains(a.ArrangementId.Value))
                || (a.Scope == AgreementScope.Assistants && a.Members.Any(m => ledAssistants.Contains(m.AssistantId))))));
    }

    private async Task<List<Row>> RowsAsync(List<WorkingTimeAgreement> agreements, CancellationToken ct)
    {
        var arrangementIds = agreements.Where(a => a.ArrangementId is not null).Select(a => a.ArrangementId!.Value).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => arrangementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var memberIds = agreements.SelectMany(a => a.Members.Select(m => m.AssistantId)).Distinct().ToList();
        var names = await db.Assistants.AsNoTracking().Where(a => memberIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.FullName, ct);
        var today = user.Today;
        return agreements.OrderBy(a => !a.InForceOn(today)).ThenBy(a => a.ValidFrom).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new Row(a.Id, a.ProviderId, LegalBasis.Code(a.Kind), a.Kind, a.Name, a.Scope,
                a.ArrangementId is { } x ? arrangements.GetValueOrDefault(x) : null,
                a.Members.Select(m => names.GetValueOrDefault(m.AssistantId) ?? "").OrderBy(n => n, StringComparer.CurrentCulture).ToList(),
                a.ValidFrom, a.ValidTo, a.InForceOn(today), a.CurrentVersion, a.Summary(), a.DocumentName)).ToList();
    }

    public static AgreementTerms TermsOf(WorkingTimeAgreement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AgreementTerms(a.Kind, a.Name, a.Scope, a.ArrangementId, a.Members.Select(m => m.AssistantId).ToList(), a.ValidFrom, a.ValidTo)
        {
            MaxShiftHours = a.MaxShiftHours, MinRestHours = a.MinRestHours, CompensatoryRestHours = a.CompensatoryRestHours,
            AveragingDailyHours = a.AveragingDailyHours, AveragingWeeklyHours = a.AveragingWeeklyHours, AveragingOverWeeks = a.AveragingOverWeeks,
            AveragingSingleWeekHours = a.AveragingSingleWeekHours, AveragingPeriodWeeks = a.AveragingPeriodWeeks,
            NightFrom = a.NightFrom, NightTo = a.NightTo,
            Union = a.Union, UnionMembers = a.UnionMembers, Reference = a.Reference, SignedOn = a.SignedOn,
        };
    }
}
