using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.People;

/// <summary>
/// The person who holds the decision (vedtakseier / tjenestemottaker) and owns the arrangement.
/// Personal data: shown only to those with a role in one of the recipient's arrangements.
/// </summary>
public sealed class Recipient : AuditedAggregate
{
    private Recipient(Guid id, Guid providerId, string fullName, LocalDate birthDate, Guid municipalityId) : base(id)
    {
        ProviderId = providerId;
        FullName = fullName;
        BirthDate = birthDate;
        MunicipalityId = municipalityId;
    }

    public Guid ProviderId { get; private set; }
    public string FullName { get; private set; }
    public LocalDate BirthDate { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The user account, when the recipient signs in (most recipients are their own work leader).</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Set when the recipient's erasure request was carried out (ADR 0036): kept for the arrangement's records, changed by no one.</summary>
    public LocalDate? RestrictedOn { get; private set; }

    /// <summary>Restricts the record on the erasure request: the link to the sign-in goes. Returns the fields cleared.</summary>
    public int Restrict(LocalDate today)
    {
        var cleared = UserId is null ? 0 : 1;
        UserId = null;
        RestrictedOn ??= today;
        return cleared;
    }

    public static Recipient Create(Guid id, Guid providerId, string fullName, LocalDate birthDate, Guid municipalityId, Guid? userId = null)
        => new(id, providerId, fullName, birthDate, municipalityId) { UserId = userId };

    /// <summary>A recipient with the name and date of birth checked (the date decides BPA-2-1D's age limits).</summary>
    public static Result<Recipient> New(Guid id, Guid providerId, string? fullName, LocalDate? birthDate, Guid municipalityId, LocalDate today)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(fullName)) fields["recipientName"] = "Navnet til tjenestemottakeren må fylles ut.";
        else if (fullName.Trim().Length > 200) fields["recipientName"] = "Navnet kan ikke være lengre enn 200 tegn.";
        if (birthDate is null) fields["recipientBirthDate"] = "Fødselsdatoen til tjenestemottakeren må fylles ut.";
        else if (birthDate > today || birthDate < today.PlusYears(-120)) fields["recipientBirthDate"] = "Fødselsdatoen må være en dato som har vært, de siste 120 årene.";
        return fields.Count > 0 ? new Invalid(fields) : new Recipient(id, providerId, fullName!.Trim(), birthDate!.Value, municipalityId);
    }

    /// <summary>Corrects the name or the date of birth (a misspelling, a name changed), with the same checks as a new recipient.</summary>
    public Result<Recipient> Correct(string? fullName, LocalDate? birthDate, LocalDate today)
    {
        if (RestrictedOn is not null) return new Conflict(Arrangements.Arrangement.RestrictedMessage);
        var checkedValues = New(Id, ProviderId, fullName, birthDate, MunicipalityId, today);
        if (!checkedValues.IsSuccess) return checkedValues.Error!;
        FullName = checkedValues.Value!.FullName;
        BirthDate = checkedValues.Value.BirthDate;
        return this;
    }

    /// <summary>Age in whole years on <paramref name="on"/> (BPA-2-1D uses the 67-year limit).</summary>
    public int AgeOn(LocalDate on) => Period.Between(BirthDate, on, PeriodUnits.Years).Years;
}
