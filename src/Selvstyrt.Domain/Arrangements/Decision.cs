using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Arrangements;

/// <summary>The needs a decision's hours cover (domain.md: the decision).</summary>
[Flags]
public enum DecisionPurposes
{
    None = 0,
    PersonalHelpAtHome = 1,
    HelpOutsideHome = 2,
    TwoToOne = 4,
    AwakeNight = 8,
    SleepingNight = 16,
    Other = 32,
}

/// <summary>
/// A municipality's decision (vedtak) granting BPA hours to the recipient of an arrangement:
/// hours per week, the period and the needs it covers. The hour account (issue 4) builds on this;
/// the details (versions, averaging, saved hours) come with it.
/// </summary>
public sealed class Decision : AuditedAggregate
{
    private Decision(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    public LocalDate ValidFrom { get; private set; }
    public LocalDate? ValidTo { get; private set; }
    public DecisionPurposes Purposes { get; private set; }

    /// <summary>The municipality's case number (saksnummer).</summary>
    public string CaseNumber { get; private set; } = "";

    public static Result<Decision> Create(Guid id, Guid arrangementId, decimal hoursPerWeek, LocalDate validFrom, LocalDate? validTo, DecisionPurposes purposes, string caseNumber)
    {
        var fields = new Dictionary<string, string>();
        if (hoursPerWeek is <= 0 or > 336) fields["hoursPerWeek"] = "Timer per uke må være mellom 0 og 336 (to assistenter hele døgnet).";
        if (validTo is { } to && to < validFrom) fields["validTo"] = "Vedtaket kan ikke slutte før det begynner.";
        if (purposes == DecisionPurposes.None) fields["purposes"] = "Velg minst ett behov vedtaket dekker.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Decision(id)
        {
            ArrangementId = arrangementId, HoursPerWeek = hoursPerWeek, ValidFrom = validFrom, ValidTo = validTo,
            Purposes = purposes, CaseNumber = caseNumber.Trim(),
        };
    }

    public bool IsValidOn(LocalDate date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
