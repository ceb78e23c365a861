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

    public static Recipient Create(Guid id, Guid providerId, string fullName, LocalDate birthDate, Guid municipalityId, Guid? userId = null)
        => new(id, providerId, fullName, birthDate, municipalityId) { UserId = userId };

    /// <summary>Age in whole years on <paramref name="on"/> (BPA-2-1D uses the 67-year limit).</summary>
    public int AgeOn(LocalDate on) => Period.Between(BirthDate, on, PeriodUnits.Years).Years;
}
