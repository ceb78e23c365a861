using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Billing;

/// <summary>
/// A provider's contract with a municipality (NS 8435-style): the agreed hourly rate (timepris) and the
/// municipality's VEDTAK-1 warning threshold, versioned from a date. A new version ends the previous one.
/// </summary>
public sealed class MunicipalityContract : AuditedAggregate
{
    /// <summary>VEDTAK-1's threshold when the municipality has not set one: warn above +5 %.</summary>
    public const decimal DefaultThresholdPercent = 5m;

    private MunicipalityContract(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public LocalDate ValidFrom { get; private set; }
    public LocalDate? ValidTo { get; private set; }

    /// <summary>NOK per delivered hour, excluding VAT (BPA is exempt).</summary>
    public decimal HourlyRate { get; private set; }
    public decimal WarnThresholdPercent { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>Who at the municipality receives the monthly report and invoice basis (name and e-mail), when known.</summary>
    public string? ReportContactName { get; private set; }
    public string? ReportContactEmail { get; private set; }

    public static Result<MunicipalityContract> Create(Guid id, Guid providerId, Guid municipalityId, LocalDate validFrom, LocalDate? validTo,
        decimal hourlyRate, decimal warnThresholdPercent, string reference, string? reportContactName = null, string? reportContactEmail = null)
    {
        var fields = new Dictionary<string, string>();
        if (hourlyRate is <= 0 or > 10_000) fields["hourlyRate"] = "Timeprisen må være over 0 og under 10 000 kroner.";
        if (warnThresholdPercent is < 0 or > 100) fields["warnThresholdPercent"] = "Varslingsgrensen må være mellom 0 og 100 prosent.";
        if (validTo is { } to && to < validFrom) fields["validTo"] = "Avtalen kan ikke slutte før den begynner.";
        if (!string.IsNullOrWhiteSpace(reportContactEmail) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(reportContactEmail.Trim()))
            fields["reportContactEmail"] = "E-postadressen til kontaktpersonen er ikke gyldig.";
        if ((reference ?? "").Trim().Length > 100) fields["reference"] = "Avtalereferansen kan ikke være lengre enn 100 tegn.";
        if ((reportContactName ?? "").Trim().Length > 200) fields["reportContactName"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new MunicipalityContract(id)
        {
            ProviderId = providerId, MunicipalityId = municipalityId, ValidFrom = validFrom, ValidTo = validTo,
            HourlyRate = hourlyRate, WarnThresholdPercent = warnThresholdPercent, Reference = (reference ?? "").Trim(),
            ReportContactName = string.IsNullOrWhiteSpace(reportContactName) ? null : reportContactName.Trim(),
            ReportContactEmail = string.IsNullOrWhiteSpace(reportContactEmail) ? null : reportContactEmail.Trim(),
        };
    }

    public bool Covers(LocalDate date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>Ends this version the day before <paramref name="next"/> begins.</summary>
    public void EndBefore(LocalDate next) => ValidTo = next.PlusDays(-1);
}
