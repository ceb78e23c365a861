using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>Where a recruitment stands.</summary>
public enum PostingStatus
{
    Open = 1,

    /// <summary>Someone was hired; the applicants' data is deleted <see cref="JobPosting.PurgeAfterDays"/> days later.</summary>
    Filled = 2,

    /// <summary>Closed without hiring (the same deletion applies from the day it closed).</summary>
    Closed = 3,
}

/// <summary>How far an applicant has come.</summary>
public enum ApplicantStatus
{
    Received = 1,
    Interview = 2,

    /// <summary>The work leader has approved this applicant as the choice; the employer hires.</summary>
    Chosen = 3,
    Hired = 4,
    Rejected = 5,
}

/// <summary>
/// A recruitment for one arrangement (issue 19, part 1): the job description drafted from the arrangement and edited by the work
/// leader, the ad text, the interview guide's prepared questions, and the applicants with their interviews and reference checks.
/// The work leader approves the choice; the employer hires (which makes the assistant, the employment and the place in the
/// arrangement). The applicants' personal data is deleted a set time after the post is filled or the recruitment closed; the
/// posting keeps only how many applied.
/// </summary>
public sealed class JobPosting : AuditedAggregate
{
    public const int MaxText = 4000;
    public const int DefaultPurgeAfterDays = 180;

    private readonly List<Applicant> _applicants = [];

    private JobPosting(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid ArrangementId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The job description: hours, place, the recipient's needs as they choose to tell them, the qualities wanted.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The text of the job ad, to publish where the provider advertises (finn.no, NAV).</summary>
    public string AdText { get; private set; } = "";

    /// <summary>The interview guide's prepared questions, one per line; the recipient presents themself and their needs first.</summary>
    public string InterviewGuide { get; private set; } = "";

    public decimal PositionPercent { get; private set; }
    public LocalDate? WantedStart { get; private set; }
    public LocalDate? ApplyBy { get; private set; }
    public PostingStatus Status { get; private set; } = PostingStatus.Open;

    /// <summary>The day it was filled or closed; the applicants' data goes <see cref="PurgeAfterDays"/> days after.</summary>
    public LocalDate? ClosedOn { get; private set; }
    public int PurgeAfterDays { get; private set; } = DefaultPurgeAfterDays;

    /// <summary>How many applied (kept after the applicants are deleted).</summary>
    public int ApplicantCount { get; private set; }

    /// <summary>The day the applicants' data was deleted.</summary>
    public LocalDate? PurgedOn { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<Applicant> Applicants => _applicants;

    public static Result<JobPosting> Create(Guid id, Guid providerId, Guid arrangementId, string? title, string? description, string? adText, string? guide,
        decimal? positionPercent, LocalDate? wantedStart, LocalDate? applyBy, int? purgeAfterDays, string? idempotencyKey)
    {
        var posting = new JobPosting(id) { ProviderId = providerId, ArrangementId = arrangementId, IdempotencyKey = idempotencyKey };
        var changed = posting.Change(title, description, adText, guide, positionPercent, wantedStart, applyBy, purgeAfterDays);
        return changed.IsSuccess ? posting : changed.Error!;
    }

    public Result<JobPosting> Change(string? title, string? description, string? adText, string? guide, decimal? positionPercent, LocalDate? wantedStart, LocalDate? applyBy,
        int? purgeAfterDays)
    {
        if (PurgedOn is not null) return new Conflict("Rekrutteringen er avsluttet og søkernes opplysninger er slettet.");
        var fields = new Dictionary<string, string>();
        var name = title?.Trim() ?? "";
        if (name.Length == 0) fields["title"] = "Skriv en tittel på stillingen, for eksempel «Personlig assistent, 60 % turnus».";
        else if (name.Length > 200) fields["title"] = "Tittelen kan være høyst 200 tegn.";
        if (string.IsNullOrWhiteSpace(description)) fields["description"] = "Skriv stillingsbeskrivelsen: arbeidstid, sted, behov og hva dere ser etter.";
        else if (description.Length > MaxText) fields["description"] = $"Stillingsbeskrivelsen kan være høyst {MaxText} tegn.";
        if (adText is { Length: > MaxText }) fields["adText"] = $"Annonseteksten kan være høyst {MaxText} tegn.";
        if (guide is { Length: > MaxText }) fields["interviewGuide"] = $"Intervjuguiden kan være høyst {MaxText} tegn.";
        if (positionPercent is null or <= 0 or > 100) fields["positionPercent"] = "Stillingsprosenten må være mellom 1 og 100.";
        if (applyBy is { } by && wantedStart is { } start && by > start) fields["applyBy"] = "Søknadsfristen kan ikke være etter ønsket oppstart.";
        if (purgeAfterDays is < 30 or > 730) fields["purgeAfterDays"] = "Søkernes opplysninger slettes mellom 30 og 730 dager etter at stillingen er besatt.";
        if (fields.Count > 0) return new Invalid(fields);
        (Title, Description, AdText, InterviewGuide) = (name, description!.Trim(), adText?.Trim() ?? "", guide?.Trim() ?? "");
        (PositionPercent, WantedStart, ApplyBy, PurgeAfterDays) = (positionPercent!.Value, wantedStart, applyBy, purgeAfterDays ?? PurgeAfterDays);
        return this;
    }

    public Result<Applicant> AddApplicant(Guid id, string? name, string? email, string? phone, string? summary, LocalDate? receivedOn, LocalDate today)
    {
        if (Status != PostingStatus.Open) return new Conflict("Rekrutteringen er avsluttet.");
        var fields = Assistant.Validate(name, email, phone);
        if (fields.TryGetValue("fullName", out var nameError)) { fields.Remove("fullName"); fields["name"] = nameError; }
        if (summary is { Length: > MaxText }) fields["summary"] = $"Sammendraget kan være høyst {MaxText} tegn.";
        if (receivedOn > today) fields["receivedOn"] = "Søknaden kan ikke være mottatt fram i tid.";
        if (fields.Count > 0) return new Invalid(fields);
        var applicant = new Applicant(id, Id, name!.Trim(), Blank(email), Blank(phone), summary?.Trim() ?? "", receivedOn ?? today);
        _applicants.Add(applicant);
        ApplicantCount++;
        return applicant;
    }

    /// <summary>The interview: when, and the notes against the guide's questions.</summary>
    public Result<Applicant> RecordInterview(Guid applicantId, LocalDate? on, string? notes)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        if (on is null) return Invalid.Field("interviewOn", "Fyll ut datoen for intervjuet.");
        if (notes is { Length: > MaxText }) return Invalid.Field("interviewNotes", $"Notatene kan være høyst {MaxText} tegn.");
        a.Value!.Interview(on.Value, notes?.Trim() ?? "");
        return a;
    }

    /// <summary>A reference check: who was asked, how they know the applicant, when, and what they said.</summary>
    public Result<Applicant> RecordReference(Guid applicantId, Guid referenceId, string? name, string? relation, LocalDate? checkedOn, string? summary, LocalDate today)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["referenceName"] = "Skriv navnet på referansen.";
        else if (name.Length > 200) fields["referenceName"] = "Navnet kan være høyst 200 tegn.";
        if (relation is { Length: > 200 }) fields["referenceRelation"] = "Relasjonen kan være høyst 200 tegn.";
        if (checkedOn is null) fields["referenceCheckedOn"] = "Fyll ut datoen referansen ble kontaktet.";
        else if (checkedOn > today) fields["referenceCheckedOn"] = "Datoen kan ikke være fram i tid.";
        if (summary is { Length: > MaxText }) fields["referenceSummary"] = $"Sammendraget kan være høyst {MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        a.Value!.AddReference(new ReferenceCheck(referenceId, name!.Trim(), relation?.Trim() ?? "", checkedOn!.Value, summary?.Trim() ?? ""));
        return a;
    }

    /// <summary>The work leader approves the applicant as the one to hire (one choice at a time).</summary>
    public Result<Applicant> Choose(Guid applicantId, string by, Instant at)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        if (_applicants.Any(x => x.Id != applicantId && x.Status == ApplicantStatus.Chosen))
            return new Conflict("En annen søker er allerede valgt. Trekk det valget tilbake først.");
        a.Value!.Choose(by, at);
        return a;
    }

    public Result<Applicant> Unchoose(Guid applicantId)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        if (a.Value!.Status != ApplicantStatus.Chosen) return new Conflict("Søkeren er ikke valgt.");
        a.Value.Unchoose();
        return a;
    }

    public Result<Applicant> Reject(Guid applicantId)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        a.Value!.Reject();
        return a;
    }

    /// <summary>The employer hires the chosen applicant: the posting is filled, and the assistant record made from it is noted.</summary>
    public Result<Applicant> Hire(Guid applicantId, Guid assistantId, LocalDate today)
    {
        var a = Open(applicantId);
        if (!a.IsSuccess) return a;
        if (a.Value!.Status != ApplicantStatus.Chosen) return new Conflict("Arbeidslederen må godkjenne søkeren som valgt før arbeidsgiveren ansetter.");
        a.Value.Hired(assistantId);
        Status = PostingStatus.Filled;
        ClosedOn = today;
        return a;
    }

    /// <summary>Ends the recruitment without hiring.</summary>
    public Result<JobPosting> Close(LocalDate today)
    {
        if (Status != PostingStatus.Open) return new Conflict("Rekrutteringen er allerede avsluttet.");
        Status = PostingStatus.Closed;
        ClosedOn = today;
        return this;
    }

    /// <summary>The day the applicants' data is to be deleted; null while the recruitment is open.</summary>
    public LocalDate? PurgeOn => ClosedOn?.PlusDays(PurgeAfterDays);

    /// <summary>Deletes the applicants (their personal data) when the day has come; returns how many went.</summary>
    public int Purge(LocalDate today)
    {
        if (PurgeOn is not { } due || today < due || PurgedOn is not null) return 0;
        var count = _applicants.Count;
        _applicants.Clear();
        PurgedOn = today;
        return count;
    }

    private Result<Applicant> Open(Guid applicantId)
    {
        if (Status != PostingStatus.Open) return new Conflict("Rekrutteringen er avsluttet.");
        var a = _applicants.FirstOrDefault(x => x.Id == applicantId);
        return a is null ? new NotFound("Fant ikke søkeren.") : a;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An applicant for a posting: contact details, a short summary of the application, the interview and the references.</summary>
public sealed class Applicant : Entity
{
    private readonly List<ReferenceCheck> _references = [];

    internal Applicant(Guid id, Guid postingId, string name, string? email, string? phone, string summary, LocalDate receivedOn) : base(id)
        => (PostingId, Name, Email, Phone, Summary, ReceivedOn) = (postingId, name, email, phone, summary, receivedOn);

    public Guid PostingId { get; private set; }
    public string Name { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string Summary { get; private set; }
    public LocalDate ReceivedOn { get; private set; }
    public ApplicantStatus Status { get; private set; } = ApplicantStatus.Received;
    public LocalDate? InterviewOn { get; private set; }
    public string InterviewNotes { get; private set; } = "";
    public string? ChosenBy { get; private set; }
    public Instant? ChosenAt { get; private set; }

    /// <summary>The assistant made when the applicant was hired.</summary>
    public Guid? AssistantId { get; private set; }

    public IReadOnlyList<ReferenceCheck> References => _references;

    internal void Interview(LocalDate on, string notes)
    {
        InterviewOn = on;
        InterviewNotes = notes;
        if (Status == ApplicantStatus.Received) Status = ApplicantStatus.Interview;
    }

    internal void AddReference(ReferenceCheck check) => _references.Add(check);

    internal void Choose(string by, Instant at) => (Status, ChosenBy, ChosenAt) = (ApplicantStatus.Chosen, by, at);

    internal void Unchoose() => (Status, ChosenBy, ChosenAt) = (InterviewOn is null ? ApplicantStatus.Received : ApplicantStatus.Interview, null, null);

    internal void Reject() => Status = ApplicantStatus.Rejected;

    internal void Hired(Guid assistantId) => (Status, AssistantId) = (ApplicantStatus.Hired, assistantId);
}

/// <summary>A reference check recorded on an applicant (owned, stored with it and deleted with it).</summary>
public sealed record ReferenceCheck(Guid Id, string Name, string Relation, LocalDate CheckedOn, string Summary);
