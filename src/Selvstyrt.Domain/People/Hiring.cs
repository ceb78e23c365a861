using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// That a police certificate was shown (BPA-POL-5-4), for one employment: the day, and whether it had remarks. Never the
/// certificate itself. The record is deleted when the employment has ended (the daily job), so it lives only as long as it
/// is needed. A certificate with remarks clears work only once the employer has assessed that the remarks do not stand in the
/// way of this work.
/// </summary>
public sealed class PoliceCertificate : Entity
{
    private PoliceCertificate(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public Guid EmploymentId { get; private set; }
    public LocalDate ShownOn { get; private set; }
    public bool WithRemarks { get; private set; }

    /// <summary>The day the employer assessed the remarks as no hindrance to the work; null without remarks or before it.</summary>
    public LocalDate? RemarksAssessedOn { get; private set; }

    public Guid RecordedByUserId { get; private set; }
    public Instant RecordedAt { get; private set; }

    /// <summary>The first day the certificate allows work; null while remarks wait for the employer's assessment.</summary>
    public LocalDate? ClearsFrom => !WithRemarks ? ShownOn : RemarksAssessedOn is { } a ? LocalDate.Max(a, ShownOn) : null;

    public static Result<PoliceCertificate> Record(Guid id, Guid assistantId, Employment employment, LocalDate? shownOn, bool withRemarks, LocalDate? remarksAssessedOn,
        Guid by, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(employment);
        var fields = new Dictionary<string, string>();
        if (shownOn is null) fields["shownOn"] = "Fyll ut datoen politiattesten ble vist.";
        else if (shownOn > today) fields["shownOn"] = "Datoen politiattesten ble vist, kan ikke være fram i tid.";
        else if (employment.End is { } end && shownOn > end) fields["shownOn"] = "Arbeidsforholdet er avsluttet før denne datoen.";
        if (remarksAssessedOn is { } assessed)
        {
            if (!withRemarks) fields["remarksAssessedOn"] = "Vurderingen av anmerkninger gjelder bare en attest med anmerkninger.";
            else if (shownOn is { } s && assessed < s) fields["remarksAssessedOn"] = "Anmerkningene kan ikke være vurdert før attesten ble vist.";
            else if (assessed > today) fields["remarksAssessedOn"] = "Vurderingen kan ikke dateres fram i tid.";
        }
        if (fields.Count > 0) return new Invalid(fields);
        return new PoliceCertificate(id)
        {
            AssistantId = assistantId, EmploymentId = employment.Id, ShownOn = shownOn!.Value, WithRemarks = withRemarks,
            RemarksAssessedOn = withRemarks ? remarksAssessedOn : null, RecordedByUserId = by, RecordedAt = at,
        };
    }

    /// <summary>Corrects the record (a wrong day, remarks missed): judged as a new record, kept under the same id.</summary>
    public Result<PoliceCertificate> Correct(Employment employment, LocalDate? shownOn, bool withRemarks, LocalDate? remarksAssessedOn, Guid by, Instant at, LocalDate today)
    {
        var made = Record(Id, AssistantId, employment, shownOn, withRemarks, remarksAssessedOn, by, at, today);
        if (!made.IsSuccess) return made;
        (ShownOn, WithRemarks, RemarksAssessedOn, RecordedByUserId, RecordedAt) = (made.Value!.ShownOn, made.Value.WithRemarks, made.Value.RemarksAssessedOn, by, at);
        return this;
    }
}

/// <summary>
/// The confidentiality declaration (taushetserklæring) an assistant signs before the first shift: signed in the app by the
/// assistant with the moment recorded, or signed on paper and recorded by the employer with the day. The text's version is
/// kept so a later change of wording shows who signed which.
/// </summary>
public sealed class ConfidentialityDeclaration : Entity
{
    /// <summary>The version of the declaration's text now in use (the text lives in the resources: Hiring.DeclarationText).</summary>
    public const string CurrentText = "2026-1";

    private ConfidentialityDeclaration(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public LocalDate SignedOn { get; private set; }

    /// <summary>The moment of an in-app signature; null for one on paper.</summary>
    public Instant? SignedAt { get; private set; }

    /// <summary>Who signed in the app (the assistant's account) or recorded the paper one (the employer's).</summary>
    public Guid ByUserId { get; private set; }
    public bool OnPaper { get; private set; }
    public string TextVersion { get; private set; } = CurrentText;

    public static ConfidentialityDeclaration SignedInApp(Guid id, Guid assistantId, Guid userId, Instant at, LocalDate today)
        => new(id) { AssistantId = assistantId, SignedOn = today, SignedAt = at, ByUserId = userId };

    public static Result<ConfidentialityDeclaration> OnPaperSigned(Guid id, Guid assistantId, LocalDate? signedOn, Guid recordedBy, LocalDate today)
    {
        if (signedOn is null) return Invalid.Field("signedOn", "Fyll ut datoen taushetserklæringen ble signert.");
        if (signedOn > today) return Invalid.Field("signedOn", "Datoen taushetserklæringen ble signert, kan ikke være fram i tid.");
        return new ConfidentialityDeclaration(id) { AssistantId = assistantId, SignedOn = signedOn.Value, ByUserId = recordedBy, OnPaper = true };
    }
}

/// <summary>The state of an employment contract: drafted by the employer, offered (signed by the employer), signed by both.</summary>
public enum ContractStatus
{
    Draft = 1,
    Offered = 2,
    SignedByBoth = 3,
}

/// <summary>
/// The written employment contract of one employment (HR-14-5, HR-14-6): its text part by part (drafted from the employment,
/// the provider and the tariff, edited by the employer), signed in the app by the employer and then by the assistant, each
/// with the moment recorded (no e-signature vendor). Signed by both, it is frozen; a later change is a new contract for the
/// same employment (the old one stays, marked replaced). The employment's own facts (parties, start, duration and basis,
/// probation, position) are copied in when the employer signs, so the signed text never changes under the signatures.
/// </summary>
public sealed class EmploymentContract : AuditedAggregate
{
    public const int MaxPart = 4000;

    private readonly Dictionary<ContractPart, string> _parts = [];

    private EmploymentContract(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public Guid EmploymentId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public string? Workplace { get => Get(ContractPart.Workplace); private set => Put(ContractPart.Workplace, value); }
    public string? Role { get => Get(ContractPart.Role); private set => Put(ContractPart.Role, value); }
    public string? Holiday { get => Get(ContractPart.Holiday); private set => Put(ContractPart.Holiday, value); }
    public string? Notice { get => Get(ContractPart.Notice); private set => Put(ContractPart.Notice, value); }
    public string? Pay { get => Get(ContractPart.Pay); private set => Put(ContractPart.Pay, value); }
    public string? Hours { get => Get(ContractPart.Hours); private set => Put(ContractPart.Hours, value); }
    public string? Pauses { get => Get(ContractPart.Pauses); private set => Put(ContractPart.Pauses, value); }
    public string? RotaAndOvertime { get => Get(ContractPart.RotaAndOvertime); private set => Put(ContractPart.RotaAndOvertime, value); }
    public string? Tariff { get => Get(ContractPart.Tariff); private set => Put(ContractPart.Tariff, value); }
    public string? PaidAbsence { get => Get(ContractPart.PaidAbsence); private set => Put(ContractPart.PaidAbsence, value); }
    public string? Termination { get => Get(ContractPart.Termination); private set => Put(ContractPart.Termination, value); }
    public string? Training { get => Get(ContractPart.Training); private set => Put(ContractPart.Training, value); }
    public string? SocialSecurity { get => Get(ContractPart.SocialSecurity); private set => Put(ContractPart.SocialSecurity, value); }

    /// <summary>The employment's facts as signed (frozen by the employer's signature): a line each, for the contract's head.</summary>
    public string? Terms { get; private set; }

    public Instant? EmployerSignedAt { get; private set; }
    public string? EmployerSignedBy { get; private set; }
    public Guid? EmployerSignedByUserId { get; private set; }
    public Instant? AssistantSignedAt { get; private set; }
    public Guid? AssistantSignedByUserId { get; private set; }

    /// <summary>The day both had signed (in Norway), which HR-14-5 judges.</summary>
    public LocalDate? SignedOn { get; private set; }

    /// <summary>Set when a newer contract for the same employment replaced this one.</summary>
    public Guid? ReplacedBy { get; private set; }

    /// <summary>
    /// A contract signed on paper and recorded here with the day (the staff a provider brings along when it starts with
    /// Selvstyrt); its text is on the paper, so HR-14-6 is not judged here, only HR-14-5 on the day.
    /// </summary>
    public bool OnPaper { get; private set; }

    public ContractStatus Status => AssistantSignedAt is not null || OnPaper ? ContractStatus.SignedByBoth : EmployerSignedAt is not null ? ContractStatus.Offered : ContractStatus.Draft;

    /// <summary>Records a contract signed on paper by both on <paramref name="signedOn"/>.</summary>
    public static Result<EmploymentContract> SignedOnPaper(Guid id, Guid assistantId, Employment employment, LocalDate? signedOn, string terms, Guid recordedBy, string name, Instant at,
        LocalDate today, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(employment);
        if (signedOn is null) return Invalid.Field("signedOnPaper", "Fyll ut datoen kontrakten ble signert av begge.");
        if (signedOn > today) return Invalid.Field("signedOnPaper", "Datoen kontrakten ble signert, kan ikke være fram i tid.");
        return new EmploymentContract(id)
        {
            AssistantId = assistantId, EmploymentId = employment.Id, ProviderId = employment.EmployerId, IdempotencyKey = idempotencyKey, OnPaper = true, SignedOn = signedOn,
            Terms = terms, EmployerSignedAt = at, EmployerSignedBy = name, EmployerSignedByUserId = recordedBy,
        };
    }

    public string? Text(ContractPart part) => Get(part);

    private string? Get(ContractPart part) => _parts.GetValueOrDefault(part);

    private void Put(ContractPart part, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) _parts.Remove(part);
        else _parts[part] = value.Trim();
    }

    public static Result<EmploymentContract> Draft(Guid id, Guid assistantId, Employment employment, IReadOnlyDictionary<ContractPart, string?> parts, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(employment);
        var contract = new EmploymentContract(id) { AssistantId = assistantId, EmploymentId = employment.Id, ProviderId = employment.EmployerId, IdempotencyKey = idempotencyKey };
        var changed = contract.Change(parts);
        return changed.IsSuccess ? contract : changed.Error!;
    }

    /// <summary>Changes the text; only before the assistant has signed, and an offered contract goes back to draft (the employer signs again).</summary>
    public Result<EmploymentContract> Change(IReadOnlyDictionary<ContractPart, string?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (Status == ContractStatus.SignedByBoth) return new Conflict("Kontrakten er signert av begge og kan ikke endres. Lag en ny kontrakt for endringen.");
        var fields = new Dictionary<string, string>();
        foreach (var (part, text) in parts)
            if (text is { Length: > MaxPart }) fields[ContractParts.Field(part)] = $"«{ContractParts.Label(part)}» kan være høyst {MaxPart} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        foreach (var (part, text) in parts) Put(part, text);
        EmployerSignedAt = null;
        EmployerSignedBy = null;
        EmployerSignedByUserId = null;
        Terms = null;
        return this;
    }

    /// <summary>
    /// The employer signs and so offers the contract: every part HR-14-6 requires must be there (each missing one named), and
    /// the employment's facts are frozen into <see cref="Terms"/>.
    /// </summary>
    public Result<EmploymentContract> SignAsEmployer(Employment employment, string terms, Guid userId, string name, Instant at)
    {
        ArgumentNullException.ThrowIfNull(employment);
        if (Status == ContractStatus.SignedByBoth) return new Conflict("Kontrakten er allerede signert av begge.");
        if (ReplacedBy is not null) return new Conflict("Kontrakten er erstattet av en nyere.");
        var missing = HiringRules.MissingParts(employment.Start, Get);
        if (missing.Count > 0) return new Invalid(missing);
        Terms = terms;
        EmployerSignedAt = at;
        EmployerSignedBy = name;
        EmployerSignedByUserId = userId;
        return this;
    }

    /// <summary>The assistant accepts and signs the offered contract; the day both had signed is recorded for HR-14-5.</summary>
    public Result<EmploymentContract> SignAsAssistant(Guid userId, Instant at, LocalDate today)
    {
        if (Status == ContractStatus.SignedByBoth) return this;
        if (Status != ContractStatus.Offered || ReplacedBy is not null) return new Conflict("Kontrakten er ikke sendt til signering ennå.");
        AssistantSignedAt = at;
        AssistantSignedByUserId = userId;
        SignedOn = today;
        return this;
    }

    public void ReplaceWith(Guid newer) => ReplacedBy = newer;
}

/// <summary>
/// A reference letter (attest, HR-15-15) for an ended employment: the name, the date of birth, what the work was and how long,
/// frozen as issued. The work is described in the employer's words, checked so that it gives no reason for the ending; that the
/// employment ended by dismissal may be stated (only when it did), never why. The recipient is not named (their need for
/// assistance is health information the assistant is bound to keep secret).
/// </summary>
public sealed class ReferenceLetter : Entity
{
    public const int MaxWork = 4000;

    private ReferenceLetter(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public Guid EmploymentId { get; private set; }
    public string Name { get; private set; } = "";
    public LocalDate BirthDate { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate To { get; private set; }
    public decimal PositionPercent { get; private set; }
    public string Work { get; private set; } = "";
    public bool StatesDismissal { get; private set; }
    public LocalDate IssuedOn { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    public static Result<ReferenceLetter> Issue(Guid id, Assistant assistant, Employment employment, string? work, bool statesDismissal, string issuer, string issuedBy,
        LocalDate today, string? key)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        ArgumentNullException.ThrowIfNull(employment);
        var fields = new Dictionary<string, string>();
        if (employment.End is null) fields["employmentId"] = "Attesten skrives når arbeidsforholdet er avsluttet. Avslutt arbeidsforholdet først.";
        if (assistant.BirthDate is null) fields["birthDate"] = "Attesten skal ha fødselsdatoen (arbeidsmiljøloven § 15-15). Registrer den på assistenten først.";
        if (string.IsNullOrWhiteSpace(work)) fields["work"] = "Beskriv hva arbeidet gikk ut på.";
        else if (work.Length > MaxWork) fields["work"] = $"Beskrivelsen kan være høyst {MaxWork} tegn.";
        else if (HiringRules.ReferenceText(work) is { } reason) fields["work"] = reason.Message;
        if (statesDismissal && employment.EndReason is not (People.EndReason.Dismissed or People.EndReason.SummaryDismissal))
            fields["statesDismissal"] = "Attesten kan bare si at arbeidsforholdet ble avsluttet ved oppsigelse når det ble det.";
        if (fields.Count > 0) return new Invalid(fields);
        return new ReferenceLetter(id)
        {
            AssistantId = assistant.Id, EmploymentId = employment.Id, Name = assistant.FullName, BirthDate = assistant.BirthDate!.Value, From = employment.Start,
            To = employment.End!.Value, PositionPercent = employment.PositionPercent, Work = work!.Trim(), StatesDismissal = statesDismissal, IssuedOn = today,
            IssuedBy = issuedBy, IssuerName = issuer, IdempotencyKey = key,
        };
    }
}
