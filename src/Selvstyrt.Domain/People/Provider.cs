using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// A BPA provider (leverandør): the tenant of the system and, in the usual model, the employer of
/// the assistants. Every record below a provider carries its id; no query crosses it.
/// </summary>
public sealed class Provider : AuditedAggregate
{
    private Provider(Guid id, string name, string organisationNumber) : base(id)
    {
        Name = name;
        OrganisationNumber = organisationNumber;
    }

    public string Name { get; private set; }

    /// <summary>The nine-digit number in Enhetsregisteret.</summary>
    public string OrganisationNumber { get; private set; }

    /// <summary>How many days before a decision expires the work leader and the coordinator are reminded (default 60).</summary>
    public int DecisionReminderDays { get; private set; } = DefaultDecisionReminderDays;

    public const int DefaultDecisionReminderDays = 60;

    /// <summary>The collective agreement the provider is bound by (an id of <c>Tariffs.All</c>), or null when none.</summary>
    public string? TariffId { get; private set; }

    /// <summary>Time sheets for a month are due on this day of the next month (the handbook's practice: the 3rd).</summary>
    public int TimeSheetDeadlineDay { get; private set; } = DefaultTimeSheetDeadlineDay;

    public const int DefaultTimeSheetDeadlineDay = 3;

    /// <summary>The provider's wage types per pay category, as «kategori=kode» lines; null for the defaults.</summary>
    public string? WageTypes { get; private set; }

    /// <summary>How many days before a decision runs out the work leader and the coordinator are reminded (1-365).</summary>
    /// <summary>
    /// EGM-8-24-3: the employer grants the wider self-certification right (8 days each time, 24 days in 12 months) instead
    /// of the law's 3 days.
    /// </summary>
    public bool WiderSelfCertification { get; private set; }

    public void SetWiderSelfCertification(bool wider) => WiderSelfCertification = wider;

    public Result<Provider> SetDecisionReminderDays(int? days)
    {
        if (days is not { } value || value is < 1 or > 365) return Invalid.Field("decisionReminderDays", "Skriv et antall dager mellom 1 og 365.");
        DecisionReminderDays = value;
        return this;
    }

    /// <summary>Sets the payroll settings; the caller has checked the agreement id and the wage types.</summary>
    public Result<Provider> SetPayroll(string? tariffId, int deadlineDay, string? wageTypes)
    {
        if (deadlineDay is < 1 or > 28) return Invalid.Field("deadlineDay", "Fristen må være en dag mellom 1 og 28 i måneden etter.");
        TariffId = string.IsNullOrWhiteSpace(tariffId) ? null : tariffId;
        TimeSheetDeadlineDay = deadlineDay;
        WageTypes = string.IsNullOrWhiteSpace(wageTypes) ? null : wageTypes.Trim();
        return this;
    }

    /// <summary>A provider with a name and a valid organisation number (spaces allowed, MOD11 checked).</summary>
    public static Result<Provider> Create(Guid id, string name, string organisationNumber)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Navn må fylles ut.";
        var number = OrganisationNumbers.Normalise(organisationNumber);
        if (number.Length != 9 || !number.All(char.IsAsciiDigit))
            fields["organisationNumber"] = "Organisasjonsnummeret må være ni sifre.";
        else if (!OrganisationNumbers.IsValid(number))
            fields["organisationNumber"] = "Organisasjonsnummeret er ikke gyldig: kontrollsifferet stemmer ikke. Sjekk nummeret i Enhetsregisteret.";
        return fields.Count > 0 ? new Invalid(fields) : new Provider(id, name.Trim(), number);
    }
}

/// <summary>A provider's local office in a region (for example «Region Øst»).</summary>
public sealed class Office : AuditedAggregate
{
    private Office(Guid id, Guid providerId, string name, string region) : base(id)
    {
        ProviderId = providerId;
        Name = name;
        Region = region;
    }

    public Guid ProviderId { get; private set; }
    public string Name { get; private set; }
    public string Region { get; private set; }

    public static Office Create(Guid id, Guid providerId, string name, string region) => new(id, providerId, name, region);

    /// <summary>A new office with its name and region checked (a provider has at least one; the coordinators belong to one).</summary>
    public static Result<Office> New(Guid id, Guid providerId, string? name, string? region)
    {
        var fields = Validate(name, region);
        return fields.Count > 0 ? new Invalid(fields) : new Office(id, providerId, name!.Trim(), region!.Trim());
    }

    public Result<Office> Rename(string? name, string? region)
    {
        var fields = Validate(name, region);
        if (fields.Count > 0) return new Invalid(fields);
        Name = name!.Trim();
        Region = region!.Trim();
        return this;
    }

    private static Dictionary<string, string> Validate(string? name, string? region)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Navn på kontoret må fylles ut.";
        else if (name.Trim().Length > 200) fields["name"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (string.IsNullOrWhiteSpace(region)) fields["region"] = "Region må fylles ut, for eksempel «Region Øst».";
        else if (region.Trim().Length > 100) fields["region"] = "Regionen kan ikke være lengre enn 100 tegn.";
        return fields;
    }
}

/// <summary>
/// A Norwegian municipality (kommune): grants decisions and pays for delivered hours. Shared
/// reference data identified by its four-digit number; access to its arrangements is granted per
/// provider (a case worker is invited by the provider that serves the municipality).
/// </summary>
public sealed class Municipality : AggregateRoot
{
    private Municipality(Guid id, string number, string name) : base(id)
    {
        Number = number;
        Name = name;
    }

    /// <summary>Kommunenummer, four digits (e.g. 0301 for Oslo).</summary>
    public string Number { get; private set; }
    public string Name { get; private set; }

    public static Municipality Create(Guid id, string number, string name) => new(id, number, name);

    /// <summary>A municipality by its four-digit number (kommunenummer) and name, checked.</summary>
    public static Result<Municipality> New(Guid id, string? number, string? name)
    {
        var fields = new Dictionary<string, string>();
        var digits = (number ?? "").Trim();
        if (digits.Length != 4 || !digits.All(char.IsAsciiDigit)) fields["number"] = "Kommunenummeret må være fire sifre, for eksempel 0301 for Oslo.";
        if (string.IsNullOrWhiteSpace(name)) fields["name"] = "Navn på kommunen må fylles ut.";
        else if (name.Trim().Length > 100) fields["name"] = "Navnet kan ikke være lengre enn 100 tegn.";
        return fields.Count > 0 ? new Invalid(fields) : new Municipality(id, digits, name!.Trim());
    }
}
