using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// An assistant (personlig assistent): an employee who works in one or more arrangements, often
/// part time for several recipients and sometimes for several employers.
/// </summary>
public sealed class Assistant : AuditedAggregate
{
    private readonly List<Employment> _employments = [];
    private readonly List<OtherEmployerHours> _otherEmployerHours = [];

    private Assistant(Guid id, Guid providerId, Guid? officeId, string fullName) : base(id)
    {
        ProviderId = providerId;
        OfficeId = officeId;
        FullName = fullName;
    }

    public Guid ProviderId { get; private set; }
    public Guid? OfficeId { get; private set; }
    public string FullName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public LocalDate? BirthDate { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>The employee number in the provider's payroll system (ansattnummer); payroll files are refused without it.</summary>
    public string? EmployeeNumber { get; private set; }

    /// <summary>
    /// In the office's substitute pool (vikarpool): agreed to take vacant shifts in the office's other arrangements, so «Finn
    /// vikar» offers them there too (issue 17, part 5). The employer's administrator or the office's coordinator sets it.
    /// </summary>
    public bool SubstitutePool { get; private set; }

    public void SetSubstitutePool(bool inPool) => SubstitutePool = inPool && RestrictedOn is null;

    public Result<Assistant> SetEmployeeNumber(string? number)
    {
        var value = Blank(number);
        if (value is not null && (value.Length > 20 || !value.All(char.IsAsciiLetterOrDigit)))
            return Invalid.Field("employeeNumber", "Ansattnummeret kan ha høyst 20 bokstaver og sifre.");
        EmployeeNumber = value;
        return this;
    }

    /// <summary>Set when the record was made through an idempotent create; a retry with the same key finds it.</summary>
    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<Employment> Employments => _employments;

    /// <summary>Hours the assistant has declared for other employers (rules.md § 0: scope).</summary>
    public IReadOnlyList<OtherEmployerHours> OtherEmployerHours => _otherEmployerHours;

    public static Result<Assistant> Create(
        Guid id, Guid providerId, Guid? officeId, string fullName, string? email, string? phone, LocalDate? birthDate,
        Guid? userId = null, string? idempotencyKey = null)
    {
        var fields = Validate(fullName, email, phone);
        if (fields.Count > 0) return new Invalid(fields);
        return new Assistant(id, providerId, officeId, fullName.Trim())
        {
            Email = Blank(email), Phone = Blank(phone), BirthDate = birthDate, UserId = userId, IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>The field rules for an assistant's name and contact details, with Norwegian messages keyed by field.</summary>
    public static Dictionary<string, string> Validate(string? fullName, string? email, string? phone)
    {
        var fields = new Dictionary<string, string>();
        var name = fullName?.Trim() ?? "";
        if (name.Length == 0) fields["fullName"] = "Navn må fylles ut.";
        else if (name.Length > 200) fields["fullName"] = "Navn kan ikke være lengre enn 200 tegn.";
        var mail = Blank(email);
        if (mail is not null && (mail.Length > 254 || !mail.Contains('@', StringComparison.Ordinal) || mail.StartsWith('@') || mail.EndsWith('@')))
            fields["email"] = "E-postadressen er ikke gyldig.";
        var tel = Blank(phone);
        if (tel is not null && (tel.Length > 20 || !tel.All(c => char.IsAsciiDigit(c) || c is ' ' or '+')))
            fields["phone"] = "Telefonnummer kan bare inneholde sifre, mellomrom og +.";
        return fields;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public Result<Employment> AddEmployment(Guid id, EmploymentKind kind, decimal positionPercent, LocalDate start, LocalDate? end, LocalDate seniorityFrom,
        TemporaryBasis? basis = null, LocalDate? probationEnd = null)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var created = Employment.Create(id, Id, ProviderId, kind, positionPercent, start, end, seniorityFrom, basis, probationEnd);
        if (!created.IsSuccess) return created;
        var employment = created.Value!;
        if (_employments.Any(e => e.Overlaps(employment)))
            return Invalid.Field("start", "Assistenten har allerede et arbeidsforhold i denne perioden.");
        _employments.Add(employment);
        return employment;
    }

    /// <summary>
    /// Changes an employment's terms: position size, probation end and, for a temporary one, its basis and last day. A change of
    /// kind (temporary to permanent, say) is a new employment from the day it applies, so the history shows both.
    /// </summary>
    public Result<Employment> ChangeEmployment(Guid employmentId, decimal positionPercent, LocalDate? end, TemporaryBasis? basis, LocalDate? probationEnd)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var employment = _employments.SingleOrDefault(e => e.Id == employmentId);
        if (employment is null) return new NotFound("Fant ikke arbeidsforholdet.");
        var fields = Employment.Validate(employment.Kind, positionPercent, employment.Start, end, employment.SeniorityFrom, basis, probationEnd);
        if (fields.Count > 0) return new Invalid(fields);
        if (_employments.Any(e => e.Id != employmentId && e.Start <= (end ?? LocalDate.MaxIsoValue) && employment.Start <= (e.End ?? LocalDate.MaxIsoValue)))
            return Invalid.Field("end", "Assistenten har et annet arbeidsforhold i denne perioden.");
        employment.Change(positionPercent, end, basis, probationEnd);
        return employment;
    }

    /// <summary>
    /// Ends an employment on <paramref name="lastDay"/> (inclusive); the record stays for pay, holidays and references. Only the
    /// employer ends an employment; the reason is recorded (a dismissal's grounds, AML §§ 15-7 and 15-14, are required) and
    /// shown to the employer's side only.
    /// </summary>
    public Result<Employment> EndEmployment(Guid employmentId, LocalDate lastDay, EndReason? reason = null, string? note = null)
    {
        var employment = _employments.SingleOrDefault(e => e.Id == employmentId);
        if (employment is null) return new NotFound("Fant ikke arbeidsforholdet.");
        if (lastDay < employment.Start) return Invalid.Field("lastDay", "Siste arbeidsdag kan ikke være før arbeidsforholdet begynte.");
        if (reason is { } r && !Enum.IsDefined(r)) return Invalid.Field("reason", "Velg hvorfor arbeidsforholdet slutter.");
        var text = Blank(note);
        if (reason is People.EndReason.Dismissed or People.EndReason.SummaryDismissal && text is null)
            return Invalid.Field("note", "Skriv grunnlaget for oppsigelsen eller avskjeden (arbeidsmiljøloven §§ 15-7 og 15-14). Det vises bare for arbeidsgiveren.");
        if (text is { Length: > 2000 }) return Invalid.Field("note", "Grunnlaget kan være høyst 2000 tegn.");
        employment.Change(employment.PositionPercent, lastDay, employment.TemporaryBasis, employment.ProbationEnd is { } p && p > lastDay ? lastDay : employment.ProbationEnd);
        employment.EndFor(reason, text);
        return employment;
    }

    /// <summary>The assistant's own e-mail and phone (the assistant changes them, or the employer).</summary>
    public Result<Assistant> ChangeContact(string? email, string? phone)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var fields = Validate(FullName, email, phone);
        if (fields.Count > 0) return new Invalid(fields);
        Email = Blank(email);
        Phone = Blank(phone);
        return this;
    }

    /// <summary>Changes the name (and the office the assistant belongs to); used by the import when a payroll file has a newer spelling.</summary>
    public Result<Assistant> Rename(string? fullName)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var fields = Validate(fullName, Email, Phone);
        if (fields.Count > 0) return new Invalid(fields);
        FullName = fullName!.Trim();
        return this;
    }

    /// <summary>Links the assistant's own sign-in (given through an invitation); a record has at most one account.</summary>
    public Result<Assistant> LinkUser(Guid userId)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        if (UserId is { } linked && linked != userId) return new Conflict("Assistenten har allerede en annen innlogging. Fjern den først.");
        UserId = userId;
        return this;
    }

    public void UnlinkUser() => UserId = null;

    /// <summary>
    /// Set when an erasure request has been carried out (GDPR arts. 17 and 18, <see cref="Retention.ErasureRequest"/>): the
    /// record is kept only for what a law requires (pay, accounting, working-time records) and may not be used for anything
    /// else: no new employment, no changes, only the employer's administrator reads it.
    /// </summary>
    public LocalDate? RestrictedOn { get; private set; }

    public const string RestrictedMessage = "Opplysningene om assistenten er begrenset etter en sletteforespørsel og kan ikke brukes eller endres.";

    /// <summary>
    /// Deletes what may be deleted on the record itself (contact details, birth date, care facts, the link to the sign-in, the
    /// substitute pool) and restricts the rest from <paramref name="today"/>. Returns how many fields it cleared.
    /// </summary>
    public int Restrict(LocalDate today)
    {
        var cleared = (Email is null ? 0 : 1) + (Phone is null ? 0 : 1) + (BirthDate is null ? 0 : 1) + (CareChildren.Count == 0 ? 0 : 1)
            + (UserId is null ? 0 : 1) + (SubstitutePool ? 1 : 0);
        Email = null;
        Phone = null;
        BirthDate = null;
        CareChildren = [];
        SoleCarer = false;
        UserId = null;
        SubstitutePool = false;
        RestrictedOn ??= today;
        return cleared;
    }

    /// <summary>The children the assistant cares for, by birth year and whether chronically ill (sick-child days, OMS-9-6); no names.</summary>
    public IReadOnlyList<Absences.CareChild> CareChildren { get; private set; } = [];

    /// <summary>Alone about the care (doubles the sick-child days, OMS-9-6).</summary>
    public bool SoleCarer { get; private set; }

    /// <summary>Records the care facts behind sick-child days; birth years from 25 years back to this year, at most 15 children.</summary>
    public Result<Assistant> SetCare(IReadOnlyList<Absences.CareChild> children, bool soleCarer, int thisYear)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        ArgumentNullException.ThrowIfNull(children);
        if (children.Count > 15) return Invalid.Field("children", "Registrer høyst 15 barn.");
        var bad = children.FirstOrDefault(c => c.BirthYear < thisYear - 25 || c.BirthYear > thisYear);
        if (bad is not null) return Invalid.Field("children", $"Fødselsåret {bad.BirthYear} går ikke: oppgi et år fra {thisYear - 25} til {thisYear}.");
        CareChildren = [.. children.OrderBy(c => c.BirthYear)];
        SoleCarer = soleCarer;
        return this;
    }

    public void MoveToOffice(Guid officeId) => OfficeId = officeId;

    public void SetBirthDate(LocalDate? birthDate) => BirthDate = RestrictedOn is null ? birthDate : BirthDate;

    /// <summary>
    /// Hours the assistant works for another employer, declared by the assistant (or entered for them by the employer). They
    /// feed the strain rule AML-10-2-1 from the day they are declared; the employer confirms having seen them.
    /// </summary>
    public Result<OtherEmployerHours> DeclareOtherEmployerHours(Guid id, string? employerName, decimal? hoursPerWeek, LocalDate? from, LocalDate? to,
        Guid? declaredBy = null, Instant? at = null)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var fields = new Dictionary<string, string>();
        var name = employerName?.Trim() ?? "";
        if (name.Length == 0) fields["employerName"] = "Navnet på den andre arbeidsgiveren må fylles ut.";
        else if (name.Length > 200) fields["employerName"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (hoursPerWeek is null) fields["hoursPerWeek"] = "Timer per uke må fylles ut.";
        else if (hoursPerWeek is <= 0 or > 80) fields["hoursPerWeek"] = "Timer per uke må være mellom 0 og 80.";
        if (from is null) fields["from"] = "Fra-dato må fylles ut.";
        else if (to is { } t && t < from) fields["to"] = "Til-dato kan ikke være før fra-dato.";
        if (fields.Count > 0) return new Invalid(fields);
        var declared = new OtherEmployerHours(id, Id, name, hoursPerWeek!.Value, from!.Value, to) { DeclaredByUserId = declaredBy, DeclaredAt = at };
        _otherEmployerHours.Add(declared);
        return declared;
    }

    /// <summary>The employer confirms that it has seen a declaration (recorded with who and when).</summary>
    public Result<OtherEmployerHours> ConfirmOtherEmployerHours(Guid declarationId, Guid by, Instant at)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var declared = _otherEmployerHours.SingleOrDefault(o => o.Id == declarationId);
        if (declared is null) return new NotFound("Fant ikke timene for den andre arbeidsgiveren.");
        declared.Confirm(by, at);
        return declared;
    }

    /// <summary>The other job ended (or changed): the declaration stops counting after <paramref name="lastDay"/>.</summary>
    public Result<OtherEmployerHours> EndOtherEmployerHours(Guid declarationId, LocalDate lastDay)
    {
        if (RestrictedOn is not null) return new Conflict(RestrictedMessage);
        var declared = _otherEmployerHours.SingleOrDefault(o => o.Id == declarationId);
        if (declared is null) return new NotFound("Fant ikke timene for den andre arbeidsgiveren.");
        if (lastDay < declared.From) return Invalid.Field("lastDay", "Siste dag kan ikke være før fra-datoen.");
        declared.EndOn(lastDay);
        return declared;
    }

    public Employment? EmploymentOn(LocalDate date) => _employments.FirstOrDefault(e => e.IsActiveOn(date));

    /// <summary>The first day of the assistant's first employment with the employer (the sick-pay qualifying period counts from it); the earliest date with none.</summary>
    public LocalDate EmployedSince() => _employments.Count == 0 ? LocalDate.MinIsoValue : _employments.Min(e => e.Start);
}

/// <summary>Permanent employment is the rule (AML § 14-9); on-call substitutes (tilkallingsvikar) have no position size.</summary>
public enum EmploymentKind
{
    Permanent = 1,
    OnCall = 2,

    /// <summary>Midlertidig ansatt: only on a basis of AML § 14-9 (HR-14-9), named on the employment.</summary>
    Temporary = 3,
}

/// <summary>Why an employment ended.</summary>
public enum EndReason
{
    /// <summary>Oppsagt av arbeidstakeren.</summary>
    Resigned = 1,

    /// <summary>Oppsagt av arbeidsgiveren (arbeidsmiljøloven § 15-7).</summary>
    Dismissed = 2,

    /// <summary>Avskjed (arbeidsmiljøloven § 15-14).</summary>
    SummaryDismissal = 3,

    /// <summary>A temporary employment reached its end.</summary>
    TemporaryEnded = 4,

    /// <summary>Ended by agreement (sluttavtale).</summary>
    Agreement = 5,

    Retired = 6,
    Other = 7,
}

/// <summary>The bases AML § 14-9 (2) allows for temporary employment in BPA (HR-14-9).</summary>
public enum TemporaryBasis
{
    /// <summary>Arbeidet er av midlertidig karakter (§ 14-9 (2) a).</summary>
    TemporaryNeed = 1,

    /// <summary>Vikariat: in place of someone absent (§ 14-9 (2) b).</summary>
    Substitute = 2,

    /// <summary>Praksisarbeid (§ 14-9 (2) c).</summary>
    Practice = 3,

    /// <summary>Arbeidsmarkedstiltak in cooperation with NAV (§ 14-9 (2) d).</summary>
    LabourMeasure = 4,
}

/// <summary>
/// An employment contract with the provider: kind, position size (stillingsprosent), period and the
/// date seniority counts from (ansiennitetsdato), which decides the minimum pay step (MINPAY-1).
/// </summary>
public sealed class Employment : Entity
{
    private Employment(Guid id) : base(id) { }

    public Guid AssistantId { get; private set; }
    public Guid EmployerId { get; private set; }
    public EmploymentKind Kind { get; private set; }

    /// <summary>Position size in percent of full time (0-100); 0 for on-call.</summary>
    public decimal PositionPercent { get; private set; }
    public LocalDate Start { get; private set; }
    public LocalDate? End { get; private set; }
    public LocalDate SeniorityFrom { get; private set; }

    /// <summary>The AML § 14-9 basis of a temporary employment; null for permanent and on-call.</summary>
    public TemporaryBasis? TemporaryBasis { get; private set; }

    /// <summary>The last day of the probation period (prøvetid, AML § 15-6: at most six months); null when none was agreed.</summary>
    public LocalDate? ProbationEnd { get; private set; }

    /// <summary>Why the employment ended (set when the employer ends it); null while it runs or for older records.</summary>
    public EndReason? EndReason { get; private set; }

    /// <summary>The employer's note on the ending (a dismissal's grounds); never shown to the work leader or in a reference letter.</summary>
    public string? EndNote { get; private set; }

    internal void EndFor(EndReason? reason, string? note) => (EndReason, EndNote) = (reason, note);

    /// <summary>The agreed hourly wage in kroner (before supplements); null when not registered (the agreement's minimum is then used).</summary>
    public decimal? HourlyWage { get; private set; }

    public Result<Employment> SetHourlyWage(decimal? wage)
    {
        if (wage is { } w && (w <= 0 || w > 2000)) return Invalid.Field("hourlyWage", "Timelønnen må være mellom 0 og 2000 kroner.");
        HourlyWage = wage;
        return this;
    }

    internal static Result<Employment> Create(Guid id, Guid assistantId, Guid employerId, EmploymentKind kind, decimal positionPercent, LocalDate start, LocalDate? end,
        LocalDate seniorityFrom, TemporaryBasis? basis = null, LocalDate? probationEnd = null)
    {
        var fields = Validate(kind, positionPercent, start, end, seniorityFrom, basis, probationEnd);
        if (fields.Count > 0) return new Invalid(fields);
        return new Employment(id)
        {
            AssistantId = assistantId, EmployerId = employerId, Kind = kind, PositionPercent = positionPercent,
            Start = start, End = end, SeniorityFrom = seniorityFrom, TemporaryBasis = kind == EmploymentKind.Temporary ? basis : null,
            ProbationEnd = probationEnd,
        };
    }

    /// <summary>The field rules of an employment (HR-14-9 for temporary ones, AML § 15-6 for probation), Norwegian messages keyed by field.</summary>
    public static Dictionary<string, string> Validate(EmploymentKind kind, decimal positionPercent, LocalDate start, LocalDate? end, LocalDate seniorityFrom,
        TemporaryBasis? basis, LocalDate? probationEnd)
    {
        var fields = new Dictionary<string, string>();
        if (!Enum.IsDefined(kind)) fields["kind"] = "Velg fast ansatt, midlertidig ansatt eller tilkallingsvikar.";
        if (positionPercent is < 0 or > 100) fields["positionPercent"] = "Stillingsprosent må være mellom 0 og 100.";
        else if (kind is EmploymentKind.Permanent or EmploymentKind.Temporary && positionPercent == 0) fields["positionPercent"] = "En fast eller midlertidig ansatt må ha en stillingsprosent over 0.";
        else if (kind == EmploymentKind.OnCall && positionPercent != 0) fields["positionPercent"] = "En tilkallingsvikar har ingen stillingsprosent (0).";
        if (kind == EmploymentKind.Temporary)
        {
            if (basis is null || !Enum.IsDefined(basis.Value)) fields["temporaryBasis"] = "Velg grunnlaget for den midlertidige ansettelsen (arbeidsmiljøloven § 14-9).";
            else if (end is null && basis != People.TemporaryBasis.Substitute) fields["end"] = "En midlertidig ansettelse må ha en sluttdato (bare et vikariat kan vare til den fraværende kommer tilbake).";
        }
        if (end is { } e && e < start) fields["end"] = "Sluttdato kan ikke være før startdato.";
        if (seniorityFrom > start) fields["seniorityFrom"] = "Ansiennitetsdato kan ikke være etter startdato.";
        if (probationEnd is { } p)
        {
            if (p < start) fields["probationEnd"] = "Prøvetiden kan ikke slutte før arbeidsforholdet begynner.";
            else if (p > start.PlusMonths(6).PlusDays(-1)) fields["probationEnd"] = "Prøvetiden kan være høyst seks måneder (arbeidsmiljøloven § 15-6).";
            else if (kind == EmploymentKind.Temporary && end is { } last && Period.Between(start, p, PeriodUnits.Days).Days * 2 > Period.Between(start, last, PeriodUnits.Days).Days + 1)
                fields["probationEnd"] = "Prøvetiden i en midlertidig stilling kan være høyst halvparten av ansettelsen (arbeidsmiljøloven § 15-6).";
        }
        return fields;
    }

    internal void Change(decimal positionPercent, LocalDate? end, TemporaryBasis? basis, LocalDate? probationEnd)
    {
        PositionPercent = positionPercent;
        End = end;
        TemporaryBasis = Kind == EmploymentKind.Temporary ? basis : null;
        ProbationEnd = probationEnd;
    }

    public bool IsActiveOn(LocalDate date) => Start <= date && (End is null || date <= End);

    public bool Overlaps(Employment other)
        => Start <= (other.End ?? LocalDate.MaxIsoValue) && other.Start <= (End ?? LocalDate.MaxIsoValue);

    /// <summary>Whole years of seniority on <paramref name="date"/>.</summary>
    public int SeniorityYearsOn(LocalDate date)
        => date < SeniorityFrom ? 0 : Period.Between(SeniorityFrom, date, PeriodUnits.Years).Years;
}

/// <summary>
/// Weekly hours the assistant works for another employer, as declared by the assistant. Feeds
/// AML-10-2-1 (harmful strain) as <c>info</c>, never a breach (rules.md § 0).
/// </summary>
public sealed class OtherEmployerHours : Entity
{
    internal OtherEmployerHours(Guid id, Guid assistantId, string employerName, decimal hoursPerWeek, LocalDate from, LocalDate? to) : base(id)
    {
        AssistantId = assistantId;
        EmployerName = employerName;
        HoursPerWeek = hoursPerWeek;
        From = from;
        To = to;
    }

    public Guid AssistantId { get; private set; }
    public string EmployerName { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    public LocalDate From { get; private set; }
    public LocalDate? To { get; private set; }

    /// <summary>Who declared the hours (the assistant, or the employer on their behalf) and when; null for older records.</summary>
    public Guid? DeclaredByUserId { get; internal set; }
    public Instant? DeclaredAt { get; internal set; }

    /// <summary>Set when the employer has confirmed the declaration.</summary>
    public Guid? ConfirmedByUserId { get; private set; }
    public Instant? ConfirmedAt { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    internal void Confirm(Guid by, Instant at)
    {
        if (ConfirmedAt is not null) return;
        ConfirmedByUserId = by;
        ConfirmedAt = at;
    }

    internal void EndOn(LocalDate lastDay) => To = lastDay;
}
