using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Arrangements;

/// <summary>
/// An arrangement taken over from another provider with its history (a transfer of undertaking, AML chapter 16): the
/// receiving provider's record of what came, from whom, and from which day it is the employer. Time sheets of months before
/// <see cref="FirstDay"/> belong to the old provider's payroll and never enter this provider's.
/// </summary>
public sealed class ArrangementTransfer : Entity
{
    public const int MaxName = 200;

    private ArrangementTransfer(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public Guid ArrangementId { get; private set; }

    /// <summary>The first day the receiving provider is the employer: always the first of a month, so no time sheet is split.</summary>
    public LocalDate FirstDay { get; private set; }

    public string FromProvider { get; private set; } = "";
    public string? FromOrganisationNumber { get; private set; }

    /// <summary>The SHA-256 of the bundle file as received: the same file taken in twice is found, not doubled.</summary>
    public string BundleSha256 { get; private set; } = "";

    public int Rows { get; private set; }
    public Instant At { get; private set; }
    public string By { get; private set; } = "";

    public static Result<ArrangementTransfer> Record(
        Guid id, Guid providerId, Guid arrangementId, LocalDate firstDay, string fromProvider, string? fromOrganisationNumber,
        string bundleSha256, int rows, Instant at, string by)
    {
        if (firstDay.Day != 1) return Invalid.Field("firstDay", "Overtakelsesdatoen må være den første dagen i en måned.");
        return new ArrangementTransfer(id)
        {
            ProviderId = providerId, ArrangementId = arrangementId, FirstDay = firstDay,
            FromProvider = Cut(fromProvider), FromOrganisationNumber = fromOrganisationNumber, BundleSha256 = bundleSha256,
            Rows = rows, At = at, By = Cut(by),
        };
    }

    private static string Cut(string text) => text.Length > MaxName ? text[..MaxName] : text;
}
