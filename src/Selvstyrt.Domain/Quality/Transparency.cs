using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>How likely a supplier is to harm human rights or decent working conditions, as a due-diligence assessment rates it.</summary>
public enum SupplierRisk
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>One year's due-diligence assessment of a supplier (åpenhetsloven § 4): the risk, what was found, and the measures.</summary>
public sealed record SupplierAssessment(Guid Id, int Year, SupplierRisk Risk, string Findings, string Measures, LocalDate AssessedOn, string AssessedBy);

/// <summary>
/// A supplier or business partner in the provider's register (issue 20, part 7): what it supplies, from where, since when, and
/// its due-diligence assessments year by year.
/// </summary>
public sealed class Supplier : AuditedAggregate
{
    public const int MaxShort = 200;
    public const int MaxText = 4000;

    private readonly List<SupplierAssessment> _assessments = [];

    private Supplier(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public string Name { get; private set; } = "";
    public string OrganisationNumber { get; private set; } = "";
    public string Supplies { get; private set; } = "";
    public string Country { get; private set; } = "";
    public LocalDate? EndedOn { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<SupplierAssessment> Assessments => _assessments;

    public static Result<Supplier> Register(Guid id, Guid providerId, string? name, string? organisationNumber, string? supplies, string? country, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Fyll ut leverandørens navn.";
        else if (name.Length > MaxShort) fields["name"] = $"Navnet kan være høyst {MaxShort} tegn.";
        var number = organisationNumber?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (number.Length > 0 && (number.Length != 9 || !number.All(char.IsAsciiDigit))) fields["organisationNumber"] = "Organisasjonsnummeret har ni sifre.";
        if (string.IsNullOrWhiteSpace(supplies)) fields["supplies"] = "Skriv hva leverandøren leverer.";
        else if (supplies.Length > MaxShort) fields["supplies"] = $"Beskrivelsen kan være høyst {MaxShort} tegn.";
        if (string.IsNullOrWhiteSpace(country)) fields["country"] = "Skriv hvilket land varene eller tjenestene kommer fra.";
        else if (country.Length > 100) fields["country"] = "Landet kan være høyst 100 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Supplier(id)
        {
            ProviderId = providerId, Name = name!.Trim(), OrganisationNumber = number, Supplies = supplies!.Trim(), Country = country!.Trim(), IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Records the year's assessment; a second for the same year replaces the first.</summary>
    public Result<SupplierAssessment> Assess(Guid id, int? year, SupplierRisk? risk, string? findings, string? measures, string by, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (year is null || year < today.Year - 1 || year > today.Year) fields["year"] = $"Året må være {today.Year - 1} eller {today.Year}.";
        if (risk is null || !Enum.IsDefined(risk.Value)) fields["risk"] = "Velg risikoen: lav, middels eller høy.";
        if (string.IsNullOrWhiteSpace(findings)) fields["findings"] = "Skriv hva vurderingen fant (også når det ikke fant noe).";
        else if (findings.Length > MaxText) fields["findings"] = $"Funnene kan være høyst {MaxText} tegn.";
        if (measures?.Length > MaxText) fields["measures"] = $"Tiltakene kan være høyst {MaxText} tegn.";
        if (risk == SupplierRisk.High && string.IsNullOrWhiteSpace(measures)) fields["measures"] = "Høy risiko krever tiltak for å stanse, forebygge eller begrense skaden.";
        if (fields.Count > 0) return new Invalid(fields);
        _assessments.RemoveAll(a => a.Year == year);
        var assessment = new SupplierAssessment(id, year!.Value, risk!.Value, findings!.Trim(), measures?.Trim() ?? "", today, by);
        _assessments.Add(assessment);
        return assessment;
    }

    public Result<Supplier> End(LocalDate? on)
    {
        if (on is null) return Invalid.Field("endedOn", "Fyll ut når samarbeidet sluttet.");
        EndedOn = on;
        return this;
    }
}

/// <summary>
/// A request for information about how the provider handles actual and potential adverse impacts (åpenhetsloven § 6): logged
/// when received, answered in writing within three weeks (§ 6 third paragraph), or refused with the reason (§ 7).
/// </summary>
public sealed class InformationRequest : AuditedAggregate
{
    /// <summary>§ 6: «innen rimelig tid og senest tre uker etter at kravet er mottatt».</summary>
    public static readonly Period AnswerWithin = Period.FromWeeks(3);

    private InformationRequest(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public LocalDate ReceivedOn { get; private set; }
    public string FromName { get; private set; } = "";
    public string Question { get; private set; } = "";
    public LocalDate? AnsweredOn { get; private set; }
    public string Answer { get; private set; } = "";
    public bool Refused { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? IdempotencyKey { get; private set; }

    public LocalDate DueOn => ReceivedOn + AnswerWithin;

    /// <summary>Answered by the deadline; null while unanswered.</summary>
    public bool? OnTime => AnsweredOn is { } a ? a <= DueOn : null;

    public bool OverdueOn(LocalDate today) => AnsweredOn is null && today > DueOn;

    public static Result<InformationRequest> Receive(Guid id, Guid providerId, LocalDate? receivedOn, string? fromName, string? question, LocalDate today, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (receivedOn is null) fields["receivedOn"] = "Fyll ut når kravet kom inn.";
        else if (receivedOn > today) fields["receivedOn"] = "Datoen kan ikke være fram i tid.";
        if (string.IsNullOrWhiteSpace(fromName)) fields["fromName"] = "Skriv hvem som spør.";
        else if (fromName.Length > Supplier.MaxShort) fields["fromName"] = $"Navnet kan være høyst {Supplier.MaxShort} tegn.";
        if (string.IsNullOrWhiteSpace(question)) fields["question"] = "Skriv hva de spør om.";
        else if (question.Length > Supplier.MaxText) fields["question"] = $"Spørsmålet kan være høyst {Supplier.MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new InformationRequest(id) { ProviderId = providerId, ReceivedOn = receivedOn!.Value, FromName = fromName!.Trim(), Question = question!.Trim(), IdempotencyKey = idempotencyKey };
    }

    /// <summary>The written answer, or a refusal with its reason (§ 7); once.</summary>
    public Result<InformationRequest> Respond(string? answer, bool refused, string by, LocalDate on)
    {
        if (AnsweredOn is not null) return new Conflict("Kravet er allerede besvart.");
        if (string.IsNullOrWhiteSpace(answer)) return Invalid.Field("answer", refused ? "Skriv hvorfor kravet avslås (åpenhetsloven § 7)." : "Skriv svaret.");
        if (answer.Length > Supplier.MaxText) return Invalid.Field("answer", $"Svaret kan være høyst {Supplier.MaxText} tegn.");
        (Answer, Refused, AnsweredOn, AnsweredBy) = (answer.Trim(), refused, on, by);
        return this;
    }
}

/// <summary>
/// The yearly account of the due diligence (åpenhetsloven § 5): for a year, the provider's own description and routines, the
/// assessments of that year gathered from the register, and the board's approval; published by 30 June the year after.
/// </summary>
public sealed class TransparencyStatement : AuditedAggregate
{
    private TransparencyStatement(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The organisation, its area of operation, and its guidelines and routines for handling adverse impacts (§ 5 a).</summary>
    public string Organisation { get; private set; } = "";
    public string Routines { get; private set; } = "";
    public LocalDate? BoardApprovedOn { get; private set; }
    public string BoardSignatories { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    /// <summary>§ 5: published by 30 June the year after the year it accounts for.</summary>
    public LocalDate DueOn => new(Year + 1, 6, 30);

    public static Result<TransparencyStatement> Draft(Guid id, Guid providerId, int? year, LocalDate today, string? idempotencyKey)
    {
        if (year is null || year < 2022 || year > today.Year) return Invalid.Field("year", $"Året må være mellom 2022 og {today.Year}.");
        return new TransparencyStatement(id) { ProviderId = providerId, Year = year.Value, IdempotencyKey = idempotencyKey };
    }

    /// <summary>Writes the provider's own parts; a change after the board approved takes the approval back.</summary>
    public Result<TransparencyStatement> Write(string? organisation, string? routines)
    {
        var fields = new Dictionary<string, string>();
        if (organisation?.Length > Supplier.MaxText) fields["organisation"] = $"Teksten kan være høyst {Supplier.MaxText} tegn.";
        if (routines?.Length > Supplier.MaxText) fields["routines"] = $"Teksten kan være høyst {Supplier.MaxText} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        var changed = Organisation != (organisation?.Trim() ?? "") || Routines != (routines?.Trim() ?? "");
        (Organisation, Routines) = (organisation?.Trim() ?? "", routines?.Trim() ?? "");
        if (changed) (BoardApprovedOn, BoardSignatories) = (null, "");
        return this;
    }

    /// <summary>Records the board's approval and who signed (§ 5: signed by the board).</summary>
    public Result<TransparencyStatement> Approve(LocalDate? on, string? signatories, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (Organisation.Length == 0) fields["organisation"] = "Beskriv virksomheten før styret godkjenner.";
        if (Routines.Length == 0) fields["routines"] = "Beskriv retningslinjene og rutinene før styret godkjenner.";
        if (on is null) fields["boardApprovedOn"] = "Fyll ut datoen styret godkjente redegjørelsen.";
        else if (on > today) fields["boardApprovedOn"] = "Datoen kan ikke være fram i tid.";
        else if (on.Value.Year <= Year) fields["boardApprovedOn"] = $"Redegjørelsen for {Year} godkjennes etter årets slutt.";
        if (string.IsNullOrWhiteSpace(signatories)) fields["boardSignatories"] = "Skriv hvem i styret som signerte.";
        else if (signatories.Length > Supplier.MaxShort * 2) fields["boardSignatories"] = $"Navnene kan være høyst {Supplier.MaxShort * 2} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        (BoardApprovedOn, BoardSignatories) = (on, signatories!.Trim());
        return this;
    }
}
