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

    public Result<Employment> AddEmployment(Guid id, EmploymentKind kind, decimal positionPercent, LocalDate start, LocalDate? end, LocalDate seniorityFrom)
    {
        var created = Employment.Create(id, Id, ProviderId, kind, positionPercent, start, end, seniorityFrom);
        if (!created.IsSuccess) return created;
        var employment = created.Value!;
        if (_employments.Any(e => e.Overlaps(employment)))
            return Invalid.Field("start", "Assistenten har allerede et arbeidsforhold i denne perioden.");
        _employments.Add(employment);
        return employment;
    }

    public void DeclareOtherEmployerHours(Guid id, string employerName, decimal hoursPerWeek, LocalDate from, LocalDate? to)
        => _otherEmployerHours.Add(new OtherEmployerHours(id, Id, employerName, hoursPerWeek, from, to));

    public Employment? EmploymentOn(LocalDate date) => _employments.FirstOrDefault(e => e.IsActiveOn(date));
}

/// <summary>Permanent employment is the rule (AML § 14-9); on-call substitutes (tilkallingsvikar) have no position size.</summary>
public enum EmploymentKind
{
    Permanent = 1,
    OnCall = 2,
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

    /// <summary>The agreed hourly wage in kroner (before supplements); null when not registered (the agreement's minimum is then used).</summary>
    public decimal? HourlyWage { get; private set; }

    public Result<Employment> SetHourlyWage(decimal? wage)
    {
        if (wage is { } w && (w <= 0 || w > 2000)) return Invalid.Field("hourlyWage", "Timelønnen må være mellom 0 og 2000 kroner.");
        HourlyWage = wage;
        return this;
    }

    internal static Result<Employment> Create(Guid id, Guid assistantId, Guid employerId, EmploymentKind kind, decimal positionPercent, LocalDate start, LocalDate? end, LocalDate seniorityFrom)
    {
        var fields = new Dictionary<string, string>();
        if (!Enum.IsDefined(kind)) fields["kind"] = "Velg fast ansatt eller tilkallingsvikar.";
        if (positionPercent is < 0 or > 100) fields["positionPercent"] = "Stillingsprosent må være mellom 0 og 100.";
        else if (kind == EmploymentKind.Permanent && positionPercent == 0) fields["positionPercent"] = "En fast ansatt må ha en stillingsprosent over 0.";
        else if (kind == EmploymentKind.OnCall && positionPercent != 0) fields["positionPercent"] = "En tilkallingsvikar har ingen stillingsprosent (0).";
        if (end is { } e && e < start) fields["end"] = "Sluttdato kan ikke være før startdato.";
        if (seniorityFrom > start) fields["seniorityFrom"] = "Ansiennitetsdato kan ikke være etter startdato.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Employment(id)
        {
            AssistantId = assistantId, EmployerId = employerId, Kind = kind, PositionPercent = positionPercent,
            Start = start, End = end, SeniorityFrom = seniorityFrom,
        };
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
}
