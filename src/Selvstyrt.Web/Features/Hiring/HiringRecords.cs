using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Http;
using Selvstyrt.Web.Features.Assistants;
using Selvstyrt.Web.Features.Notifications;

namespace Selvstyrt.Web.Features.Hiring;

/// <summary>
/// What must be in place before an assistant works (issue 19, part 2): the police certificate shown (only the day and whether it
/// had remarks; gone when the employment ends), the confidentiality declaration, the written contract of each employment with
/// the parts of HR-14-6, offered and signed in the app by the employer and then the assistant, and a close relative's approval
/// by the municipality. The employer's side (the administrator, the office's coordinator) records and drafts; the assistant reads
/// and signs their own; a work leader where the assistant works sees whether each is in place, never the contract's pay or a
/// certificate's remarks.
/// </summary>
public sealed class HiringRecords(SelvstyrtDb db, CurrentUser user, ArrangementAccess access, NotificationStore notices)
{
    public sealed record CertificateView(Guid Id, LocalDate ShownOn, bool? WithRemarks, LocalDate? RemarksAssessedOn, LocalDate? ClearsFrom);

    public sealed record ContractSummary(Guid Id, ContractStatus Status, Instant? EmployerSignedAt, Instant? AssistantSignedAt, LocalDate? SignedOn, bool Replaced, bool OnPaper);

    public sealed record EmploymentView(Guid EmploymentId, EmploymentKind Kind, decimal PositionPercent, LocalDate Start, LocalDate? End, CertificateView? Certificate,
        IReadOnlyList<ContractSummary> Contracts, HiringFinding? ContractDeadline)
    {
        /// <summary>Why it ended, and the employer's note: for the employer's side only (null for others).</summary>
        public EndReason? EndReason { get; init; }

        public string? EndNote { get; init; }

        /// <summary>The reference letters issued for it (the employer's side and the assistant).</summary>
        public IReadOnlyList<LetterSummary> Letters { get; init; } = [];
    }

    public sealed record LetterSummary(Guid Id, LocalDate IssuedOn, string IssuedBy, bool StatesDismissal);

    public sealed record DeclarationView(LocalDate SignedOn, Instant? SignedAt, bool OnPaper, string TextVersion);

    public sealed record PlaceView(Guid AssignmentId, Guid ArrangementId, string Arrangement, LocalDate From, LocalDate? To, CloseRelation? Relation, LocalDate? ApprovedOn, string? Reference);

    /// <summary>An assistant's hiring records as the user may see them.</summary>
    public sealed record AssistantView(Guid AssistantId, string Name, bool IsEmployer, bool IsSelf, IReadOnlyList<EmploymentView> Employments,
        DeclarationView? Declaration, IReadOnlyList<PlaceView> Places);

    public sealed record ContractView(EmploymentContract Contract, string AssistantName, string ProviderName, bool IsEmployer, bool IsSelf, string Terms,
        IReadOnlyDictionary<ContractPart, string?> Parts, IReadOnlyList<ContractPart> Required, HiringFinding? Deadline);

    public async Task<Result<AssistantView>> ForAssistantAsync(Guid assistantId, CancellationToken ct)
    {
        var a = await access.ReadableAssistants().AsNoTracking().Include(x => x.Employments).FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null) return new NotFound();
        var employer = await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct);
        var self = a.UserId == user.Id && user.Id != Guid.Empty;
        // The union representative and an auditor read the assistant for other purposes; hiring records are for these three.
        if (!employer && !self && !await LeadsWhereWorksAsync(a.Id, ct)) return new NotFound();
        var certificates = await db.PoliceCertificates.AsNoTracking().Where(c => c.AssistantId == a.Id).ToListAsync(ct);
        var contracts = await db.EmploymentContracts.AsNoTracking().Where(c => c.AssistantId == a.Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var letters = await db.ReferenceLetters.AsNoTracking().Where(l => l.AssistantId == a.Id).OrderBy(l => l.IssuedOn).ToListAsync(ct);
        var full = employer || self;
        var today = user.Today;
        var employments = a.Employments.OrderByDescending(e => e.Start).Select(e =>
        {
            var c = certificates.FirstOrDefault(x => x.EmploymentId == e.Id);
            var mine = contracts.Where(x => x.EmploymentId == e.Id).ToList();
            var signed = mine.Where(x => x.SignedOn is not null).Select(x => x.SignedOn).Min();
            return new EmploymentView(e.Id, e.Kind, e.PositionPercent, e.Start, e.End,
                c is null ? null : new CertificateView(c.Id, c.ShownOn, full ? c.WithRemarks : null, full ? c.RemarksAssessedOn : null, c.ClearsFrom),
                mine.Select(x => new ContractSummary(x.Id, x.Status, x.EmployerSignedAt, x.AssistantSignedAt, x.SignedOn, x.ReplacedBy is not null, x.OnPaper)).ToList(),
                HiringRules.ContractSigned(e.Start, e.End, signed, today))
            {
                EndReason = employer ? e.EndReason : null, EndNote = employer ? e.EndNote : null,
                Letters = full ? letters.Where(l => l.EmploymentId == e.Id).Select(l => new LetterSummary(l.Id, l.IssuedOn, l.IssuedBy, l.StatesDismissal)).ToList() : [],
            };
        }).ToList();
        var declaration = await db.ConfidentialityDeclarations.AsNoTracking().Where(d => d.AssistantId == a.Id).OrderBy(d => d.SignedOn).FirstOrDefaultAsync(ct);
        var places = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == a.Id)
            .Join(db.Arrangements, s => s.ArrangementId, x => x.Id, (s, x) => new PlaceView(s.Id, x.Id, x.Name, s.From, s.To, s.Relation, s.RelativeApprovedOn, s.RelativeApprovalReference))
            .ToListAsync(ct);
        return new AssistantView(a.Id, a.FullName, employer, self, employments,
            declaration is null ? null : new DeclarationView(declaration.SignedOn, declaration.SignedAt, declaration.OnPaper, declaration.TextVersion),
            [.. places.OrderByDescending(p => p.To is null).ThenByDescending(p => p.From)]);
    }

    /// <summary>The user's own hiring records, one per assistant record linked to the account (one per employer).</summary>
    public async Task<List<AssistantView>> MineAsync(CancellationToken ct)
    {
        var uid = user.Id;
        var mine = await db.Assistants.AsNoTracking().Where(a => a.UserId == uid && uid != Guid.Empty).Select(a => a.Id).ToListAsync(ct);
        var views = new List<AssistantView>();
        foreach (var id in mine)
            if (await ForAssistantAsync(id, ct) is { IsSuccess: true } found) views.Add(found.Value!);
        return views;
    }

    /// <summary>
    /// How many papers wait for the user's own signature (offered contracts, a missing confidentiality declaration): the start
    /// page's count, in two queries rather than the whole hiring view.
    /// </summary>
    public async Task<int> ToSignAsync(CancellationToken ct)
    {
        var uid = user.Id;
        if (uid == Guid.Empty) return 0;
        var mine = db.Assistants.Where(a => a.UserId == uid).Select(a => a.Id);
        var offered = await db.EmploymentContracts.CountAsync(c => mine.Contains(c.AssistantId) && c.EmployerSignedAt != null && c.AssistantSignedAt == null
                                                                  && !c.OnPaper && c.ReplacedBy == null, ct);
        var undeclared = await mine.CountAsync(a => !db.ConfidentialityDeclarations.Any(d => d.AssistantId == a), ct);
        return offered + undeclared;
    }

    /// <summary>Records that the employment's police certificate was shown (a second record for the same employment corrects the first).</summary>
    public async Task<Result<(Guid Id, bool Existed)>> RecordCertificateAsync(Guid assistantId, Guid? employmentId, LocalDate? shownOn, bool withRemarks, LocalDate? remarksAssessedOn,
        CancellationToken ct)
    {
        var a = await EmployedAsync(assistantId, ct);
        if (!a.IsSuccess) return a.Error!;
        var employment = employmentId is { } eid ? a.Value!.Employments.FirstOrDefault(e => e.Id == eid) : null;
        if (employment is null) return Invalid.Field("employmentId", "Velg arbeidsforholdet politiattesten gjelder.");
        var existing = await db.PoliceCertificates.FirstOrDefaultAsync(c => c.EmploymentId == employment.Id, ct);
        var made = existing is not null
            ? existing.Correct(employment, shownOn, withRemarks, remarksAssessedOn, user.Id, user.Now, user.Today)
            : PoliceCertificate.Record(Guid.CreateVersion7(), assistantId, employment, shownOn, withRemarks, remarksAssessedOn, user.Id, user.Now, user.Today);
        if (!made.IsSuccess) return made.Error!;
        if (existing is null) db.PoliceCertificates.Add(made.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Two first records for the same employment at once: the unique index keeps one; this answer is the other's.
            db.ChangeTracker.Clear();
            return (await db.PoliceCertificates.AsNoTracking().Where(c => c.EmploymentId == employment.Id).Select(c => c.Id).FirstAsync(ct), true);
        }
        return (made.Value!.Id, existing is not null);
    }

    /// <summary>
    /// The confidentiality declaration: the assistant signs it in the app (now), or the employer records one signed on paper (on
    /// the day given). Once there, a second signature answers with the first (<c>Existed</c>).
    /// </summary>
    public async Task<Result<(Guid Id, bool Existed)>> SignDeclarationAsync(Guid assistantId, LocalDate? onPaper, CancellationToken ct)
    {
        var a = await access.ReadableAssistants().AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null) return new NotFound();
        var self = a.UserId == user.Id && user.Id != Guid.Empty;
        var employer = await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct);
        if (!self && !employer) return new Forbidden("Bare assistenten selv signerer taushetserklæringen; arbeidsgiveren kan registrere en som er signert på papir.");
        var existing = await db.ConfidentialityDeclarations.AsNoTracking().FirstOrDefaultAsync(d => d.AssistantId == assistantId && d.TextVersion == ConfidentialityDeclaration.CurrentText, ct);
        if (existing is not null) return (existing.Id, true);
        Result<ConfidentialityDeclaration> made = self && onPaper is null
            ? ConfidentialityDeclaration.SignedInApp(Guid.CreateVersion7(), assistantId, user.Id, user.Now, user.Today)
            : employer ? ConfidentialityDeclaration.OnPaperSigned(Guid.CreateVersion7(), assistantId, onPaper, user.Id, user.Today)
            : Invalid.Field("signedOn", "Signer i appen; en papirerklæring registreres av arbeidsgiveren.");
        if (!made.IsSuccess) return made.Error!;
        db.ConfidentialityDeclarations.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (made.Value!.Id, false);
    }

    /// <summary>
    /// A contract for an employment, drafted from the employment, the provider and its tariff. While one is open (not signed by
    /// both), that one is answered (<c>Existed</c>); a new one after a signed contract replaces it when it is signed. With
    /// <paramref name="signedOnPaper"/> it records a contract both signed on paper that day instead.
    /// </summary>
    public async Task<Result<(Guid Id, bool Existed)>> DraftContractAsync(Guid assistantId, Guid? employmentId, string? key, CancellationToken ct, LocalDate? signedOnPaper = null)
    {
        var a = await EmployedAsync(assistantId, ct);
        if (!a.IsSuccess) return a.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var employment = employmentId is { } eid ? a.Value!.Employments.FirstOrDefault(e => e.Id == eid) : null;
        if (employment is null) return Invalid.Field("employmentId", "Velg arbeidsforholdet kontrakten gjelder.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"contract:{assistantId}", key);
        if (await db.EmploymentContracts.AnyAsync(c => c.Id == id, ct)) return (id, true);
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == a.Value!.ProviderId, ct);
        if (signedOnPaper is not null)
        {
            var paper = EmploymentContract.SignedOnPaper(id, assistantId, employment, signedOnPaper, ContractDraft.Terms(provider, a.Value!, employment), user.Id, user.DisplayName,
                user.Now, user.Today, key);
            if (!paper.IsSuccess) return paper.Error!;
            foreach (var older in await db.EmploymentContracts.Where(c => c.EmploymentId == employment.Id && c.ReplacedBy == null && (c.AssistantSignedAt != null || c.OnPaper)).ToListAsync(ct))
                older.ReplaceWith(id);
            db.EmploymentContracts.Add(paper.Value!);
            await db.SaveChangesAsync(ct);
            return (id, false);
        }
        var open = await db.EmploymentContracts.AsNoTracking().Where(c => c.EmploymentId == employment.Id && c.AssistantSignedAt == null && !c.OnPaper && c.ReplacedBy == null)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (open is { } o) return (o, true);
        var places = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == assistantId && (s.To == null || s.To >= employment.Start))
            .Join(db.Arrangements, s => s.ArrangementId, x => x.Id, (s, x) => x.Name).Distinct().ToListAsync(ct);
        var made = EmploymentContract.Draft(id, assistantId, employment, ContractDraft.Parts(provider, employment, places, user.Today), key);
        if (!made.IsSuccess) return made.Error!;
        db.EmploymentContracts.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    public async Task<Result<ContractView>> ContractAsync(Guid assistantId, Guid contractId, CancellationToken ct)
    {
        var found = await ContractWithAccessAsync(assistantId, contractId, tracked: false, ct);
        if (!found.IsSuccess) return found.Error!;
        var (contract, a, employer, self) = found.Value;
        var employment = a.Employments.First(e => e.Id == contract.EmploymentId);
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == a.ProviderId, ct);
        var signedBefore = await db.EmploymentContracts.AsNoTracking().Where(c => c.EmploymentId == employment.Id && c.SignedOn != null).MinAsync(c => c.SignedOn, ct);
        return new ContractView(contract, a.FullName, provider.Name, employer, self, contract.Terms ?? ContractDraft.Terms(provider, a, employment),
            ContractParts.All.ToDictionary(p => p, contract.Text), HiringRules.RequiredParts(employment.Start),
            HiringRules.ContractSigned(employment.Start, employment.End, signedBefore, user.Today));
    }

    /// <summary>Changes the contract's text (the employer, before the assistant signs); an offered contract goes back to draft.</summary>
    public async Task<Result<Guid>> ChangeContractAsync(Guid assistantId, Guid contractId, IReadOnlyDictionary<ContractPart, string?> parts, CancellationToken ct)
    {
        var found = await ContractWithAccessAsync(assistantId, contractId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        if (!found.Value.Employer) return new Forbidden("Bare arbeidsgiveren kan endre kontrakten.");
        var changed = found.Value.Contract.Change(parts);
        if (!changed.IsSuccess) return changed.Error!;
        return await SaveAsync(found.Value.Contract.Id, ct);
    }

    /// <summary>The employer signs, which offers the contract to the assistant (told under «Varsler» and by mail).</summary>
    public async Task<Result<Guid>> SignAsEmployerAsync(Guid assistantId, Guid contractId, CancellationToken ct)
    {
        var found = await ContractWithAccessAsync(assistantId, contractId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        var (contract, a, employer, _) = found.Value;
        if (!employer) return new Forbidden("Bare arbeidsgiveren kan signere for arbeidsgiveren.");
        if (contract.Status == ContractStatus.Offered) return contract.Id;
        var employment = a.Employments.First(e => e.Id == contract.EmploymentId);
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == a.ProviderId, ct);
        var signed = contract.SignAsEmployer(employment, ContractDraft.Terms(provider, a, employment), user.Id, user.DisplayName, user.Now);
        if (!signed.IsSuccess) return signed.Error!;
        await notices.AddForAssistantsAsync([a.Id], u => Notification.Create(Guid.CreateVersion7(), u, "contract", "Arbeidsavtale til signering",
            $"{provider.Name} har signert arbeidsavtalen din. Les den og signer under «Mine avtaler».", "/min-side/avtaler", $"contract:{contract.Id:N}:offered:{u:N}", user.Now), ct);
        return await SaveAsync(contract.Id, ct);
    }

    /// <summary>The assistant accepts and signs the offered contract; a signed contract it follows is marked replaced.</summary>
    public async Task<Result<Guid>> SignAsAssistantAsync(Guid assistantId, Guid contractId, CancellationToken ct)
    {
        var found = await ContractWithAccessAsync(assistantId, contractId, tracked: true, ct);
        if (!found.IsSuccess) return found.Error!;
        var (contract, _, _, self) = found.Value;
        if (!self) return new Forbidden("Bare assistenten selv kan signere som arbeidstaker.");
        var signed = contract.SignAsAssistant(user.Id, user.Now, user.Today);
        if (!signed.IsSuccess) return signed.Error!;
        foreach (var older in await db.EmploymentContracts.Where(c => c.EmploymentId == contract.EmploymentId && c.Id != contract.Id && (c.AssistantSignedAt != null || c.OnPaper) && c.ReplacedBy == null).ToListAsync(ct))
            older.ReplaceWith(contract.Id);
        return await SaveAsync(contract.Id, ct);
    }

    /// <summary>The contract as a PDF, for the employer and the assistant.</summary>
    public async Task<Result<(byte[] Pdf, string FileName)>> ContractPdfAsync(Guid assistantId, Guid contractId, CancellationToken ct)
    {
        var view = await ContractAsync(assistantId, contractId, ct);
        if (!view.IsSuccess) return view.Error!;
        return (ContractPdf.Write(view.Value!), $"arbeidsavtale-{view.Value!.AssistantName.Replace(' ', '-')}.pdf");
    }

    /// <summary>The work as a reference letter first describes it: the role, never the recipient (whose need is confidential).</summary>
    public static string DefaultWork(decimal positionPercent)
        => $"Personlig assistent i en ordning med brukerstyrt personlig assistanse (BPA), i {positionPercent.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))} % stilling. "
           + "Arbeidet var praktisk og personlig bistand i hjemmet og utenfor hjemmet, i turnus med dag-, kvelds-, natt- og helgevakter, etter arbeidslederens anvisning.";

    /// <summary>Issues a reference letter for an ended employment (HR-15-15); idempotent on the key.</summary>
    public async Task<Result<(Guid Id, bool Existed)>> IssueLetterAsync(Guid assistantId, Guid? employmentId, string? work, bool statesDismissal, string? key, CancellationToken ct)
    {
        var a = await EmployedAsync(assistantId, ct);
        if (!a.IsSuccess) return a.Error!;
        if (key is { Length: > 100 }) return Invalid.Field("idempotencyKey", "Idempotensnøkkelen kan være høyst 100 tegn.");
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7() : KeyedId.For($"reference-letter:{assistantId}", key);
        if (await db.ReferenceLetters.AnyAsync(l => l.Id == id, ct)) return (id, true);
        var employment = employmentId is { } eid ? a.Value!.Employments.FirstOrDefault(e => e.Id == eid) : null;
        if (employment is null) return Invalid.Field("employmentId", "Velg arbeidsforholdet attesten gjelder.");
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == a.Value!.ProviderId, ct);
        var made = ReferenceLetter.Issue(id, a.Value!, employment, work, statesDismissal, provider.Name, user.DisplayName, user.Today, key);
        if (!made.IsSuccess) return made.Error!;
        db.ReferenceLetters.Add(made.Value!);
        await db.SaveChangesAsync(ct);
        return (id, false);
    }

    /// <summary>The letter as a PDF, for the employer's side and the assistant.</summary>
    public async Task<Result<(byte[] Pdf, string FileName)>> LetterPdfAsync(Guid assistantId, Guid letterId, CancellationToken ct)
    {
        var letter = await db.ReferenceLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.AssistantId == assistantId, ct);
        var a = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (letter is null || a is null) return new NotFound();
        if (!(a.UserId == user.Id && user.Id != Guid.Empty) && !await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct)) return new NotFound();
        var reason = await db.Employments.AsNoTracking().Where(e => e.Id == letter.EmploymentId).Select(e => e.EndReason).FirstOrDefaultAsync(ct);
        return (ReferenceLetterPdf.Write(letter, reason), $"attest-{letter.Name.Replace(' ', '-')}.pdf");
    }

    /// <summary>Records a close relation to the recipient on the assistant's place, and the municipality's approval (BPA-NAER).</summary>
    public async Task<Result<Guid>> SetRelationAsync(Guid assistantId, Guid assignmentId, CloseRelation? relation, LocalDate? approvedOn, string? reference, CancellationToken ct)
    {
        var a = await EmployedAsync(assistantId, ct);
        if (!a.IsSuccess) return a.Error!;
        var place = await db.Assignments.FirstOrDefaultAsync(s => s.Id == assignmentId && s.AssistantId == assistantId, ct);
        if (place is null) return new NotFound();
        var set = place.SetRelation(relation, approvedOn, reference, user.Today);
        if (!set.IsSuccess) return set.Error!;
        await db.SaveChangesAsync(ct);
        return place.Id;
    }

    private Task<Result<Guid>> SaveAsync(Guid id, CancellationToken ct) => db.SaveOrConflictAsync(id, "Kontrakten ble endret av noen andre samtidig. Les den på nytt.", ct);

    /// <summary>The assistant with employments, when the user is on the employer's side (others: not found, or forbidden if they can see them).</summary>
    private async Task<Result<Assistant>> EmployedAsync(Guid assistantId, CancellationToken ct)
    {
        var a = await db.Assistants.AsNoTracking().Include(x => x.Employments).FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (a is null || !await access.ReadableAssistants().AnyAsync(x => x.Id == assistantId, ct)) return new NotFound();
        if (!await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct)) return new Forbidden("Bare arbeidsgiveren (administrator eller koordinator for kontoret) kan registrere dette.");
        return a;
    }

    private async Task<Result<(EmploymentContract Contract, Assistant Assistant, bool Employer, bool Self)>> ContractWithAccessAsync(Guid assistantId, Guid contractId, bool tracked,
        CancellationToken ct)
    {
        var query = tracked ? db.EmploymentContracts : db.EmploymentContracts.AsNoTracking();
        var contract = await query.FirstOrDefaultAsync(c => c.Id == contractId && c.AssistantId == assistantId, ct);
        var a = await db.Assistants.AsNoTracking().Include(x => x.Employments).FirstOrDefaultAsync(x => x.Id == assistantId, ct);
        if (contract is null || a is null) return new NotFound();
        var self = a.UserId == user.Id && user.Id != Guid.Empty;
        var employer = await SaveAssistantPay.ManagesAsync(db, user.Id, a, ct);
        // The contract carries the pay: only the two parties read it.
        if (!self && !employer) return new NotFound();
        return (contract, a, employer, self);
    }

    private async Task<bool> LeadsWhereWorksAsync(Guid assistantId, CancellationToken ct)
    {
        var today = user.Today;
        var theirs = await db.Assignments.AsNoTracking().Where(s => s.AssistantId == assistantId && (s.To == null || s.To >= today)).Select(s => s.ArrangementId).Distinct().ToListAsync(ct);
        foreach (var arrangement in theirs)
            if ((await access.RelationTo(arrangement, ct)).Leads()) return true;
        return false;
    }
}
