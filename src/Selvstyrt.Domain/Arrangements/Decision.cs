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

/// <summary>The single needs of <see cref="DecisionPurposes"/>, in the order forms and reports show them.</summary>
public static class DecisionNeeds
{
    public static readonly IReadOnlyList<DecisionPurposes> All =
        [DecisionPurposes.PersonalHelpAtHome, DecisionPurposes.HelpOutsideHome, DecisionPurposes.TwoToOne, DecisionPurposes.AwakeNight, DecisionPurposes.SleepingNight, DecisionPurposes.Other];

    /// <summary>The single needs set in <paramref name="purposes"/>.</summary>
    public static IEnumerable<DecisionPurposes> In(DecisionPurposes purposes) => All.Where(n => purposes.HasFlag(n));
}

/// <summary>What the granted number of hours is counted per.</summary>
public enum GrantUnit
{
    Week = 1,
    Month = 2,
    Year = 3,
}

/// <summary>The period over which saved hours may be used (the decision's averaging period).</summary>
public enum AveragingPeriod
{
    Week = 1,
    Month = 2,

    /// <summary>Meteorological seasons: December-February, March-May, June-August, September-November.</summary>
    Season = 3,
    CalendarYear = 4,

    /// <summary>The whole decision, from its first version's start to its last version's end.</summary>
    DecisionPeriod = 5,
}

/// <summary>What happens to hours not used by the end of an averaging period.</summary>
public enum UnusedHoursPolicy
{
    /// <summary>The default: unused hours go back to the municipality and the balance starts at zero.</summary>
    ReturnedToMunicipality = 1,

    /// <summary>The balance is carried over into the next period.</summary>
    CarriedOver = 2,
}

/// <summary>One need the decision covers, with its share of the hours when the decision states it.</summary>
public sealed record NeedHours(DecisionPurposes Need, decimal? Hours);

/// <summary>The terms of one version of a decision, as the municipality wrote them.</summary>
public sealed record DecisionTerms(
    decimal Hours, GrantUnit Unit, LocalDate ValidFrom, LocalDate? ValidTo, IReadOnlyList<NeedHours> Needs,
    bool SavingAllowed, AveragingPeriod Averaging, UnusedHoursPolicy Unused, string CaseNumber)
{
    /// <summary>The average number of weeks in a Gregorian year (365.2425 / 7).</summary>
    public const decimal WeeksPerYear = 52.1775m;

    /// <summary>The hours as a weekly figure, for lists and comparisons; the allotment itself is counted per day.</summary>
    public decimal HoursPerWeek => Unit switch
    {
        GrantUnit.Month => Math.Round(Hours * 12m / WeeksPerYear, 2),
        GrantUnit.Year => Math.Round(Hours / WeeksPerYear, 2),
        _ => Hours,
    };

    public DecisionPurposes Purposes => Needs.Aggregate(DecisionPurposes.None, (all, n) => all | n.Need);

    public Dictionary<string, string> Validate()
    {
        var fields = new Dictionary<string, string>();
        if (!Enum.IsDefined(Unit)) fields["unit"] = "Velg om timene gjelder per uke, måned eller år.";
        var max = Unit switch { GrantUnit.Month => 336m * 31 / 7, GrantUnit.Year => 336m * 366 / 7, _ => 336m };
        if (Hours <= 0 || Hours > Math.Ceiling(max))
            fields["hours"] = $"Timetallet må være over 0 og høyst {Math.Ceiling(max):0} (to assistenter hele døgnet).";
        if (ValidTo is { } to && to < ValidFrom) fields["validTo"] = "Vedtaket kan ikke slutte før det begynner.";
        if (Needs.Count == 0 || Needs.Any(n => n.Need == DecisionPurposes.None)) fields["needs"] = "Velg minst ett behov vedtaket dekker.";
        else if (Needs.Any(n => !Enum.IsDefined(n.Need))) fields["needs"] = "Hvert behov må være ett av de oppgitte behovene.";
        else if (Needs.GroupBy(n => n.Need).Any(g => g.Count() > 1)) fields["needs"] = "Hvert behov kan bare stå én gang.";
        else if (Needs.Any(n => n.Hours is < 0)) fields["needs"] = "Timer per behov kan ikke være negative.";
        else if (Needs.Any(n => n.Hours is not null) && Needs.Any(n => n.Hours is null))
            fields["needs"] = "Oppgi timer for alle behovene, eller for ingen av dem.";
        else if (Needs.All(n => n.Hours is not null) && Math.Abs(Needs.Sum(n => n.Hours!.Value) - Hours) > 0.01m)
            fields["needs"] = $"Timene per behov blir {Needs.Sum(n => n.Hours!.Value):0.##}, men vedtaket har {Hours:0.##} timer. De må bli like.";
        if (!Enum.IsDefined(Averaging)) fields["averaging"] = "Velg en gjennomsnittsperiode.";
        if (!Enum.IsDefined(Unused)) fields["unused"] = "Velg hva som skjer med ubrukte timer.";
        if (CaseNumber.Length > 50) fields["caseNumber"] = "Saksnummeret kan ha høyst 50 tegn.";
        return fields;
    }
}

/// <summary>
/// A municipality's decision (vedtak) granting BPA hours to the recipient of an arrangement. A change
/// is a new version from a date: the old version ends the day before and stays visible. A version
/// replaced from its own first day keeps an empty period (ends before it starts) and is never in force.
/// </summary>
public sealed class Decision : AuditedAggregate
{
    private readonly List<DecisionNeed> _needs = [];

    private Decision(Guid id) : base(id) { }

    public Guid ArrangementId { get; private set; }

    /// <summary>The granted hours per <see cref="Unit"/>.</summary>
    public decimal Hours { get; private set; }
    public GrantUnit Unit { get; private set; }

    /// <summary>The hours as a weekly figure (stored for lists and reports).</summary>
    public decimal HoursPerWeek { get; private set; }
    public LocalDate ValidFrom { get; private set; }
    public LocalDate? ValidTo { get; private set; }

    /// <summary>All needs covered, as flags (for filters); the hours per need are in <see cref="Needs"/>.</summary>
    public DecisionPurposes Purposes { get; private set; }
    public IReadOnlyList<DecisionNeed> Needs => _needs;
    public bool SavingAllowed { get; private set; }
    public AveragingPeriod Averaging { get; private set; }
    public UnusedHoursPolicy Unused { get; private set; }

    /// <summary>The municipality's case number (saksnummer).</summary>
    public string CaseNumber { get; private set; } = "";

    /// <summary>The version this one replaces from <see cref="ValidFrom"/>; null for a first version.</summary>
    public Guid? PreviousVersionId { get; private set; }
    public int VersionNo { get; private set; } = 1;

    /// <summary>The attached decision letter (PDF), when there is one.</summary>
    public Guid? DocumentId { get; private set; }
    public string? DocumentName { get; private set; }

    /// <summary>The client's key for a retried create (non-negotiable 5).</summary>
    public string? IdempotencyKey { get; private set; }

    public DecisionTerms Terms => new(Hours, Unit, ValidFrom, ValidTo,
        _needs.OrderBy(n => n.Need).Select(n => new NeedHours(n.Need, n.Hours)).ToList(), SavingAllowed, Averaging, Unused, CaseNumber);

    /// <summary>An empty period: replaced from its first day by a later version.</summary>
    public bool IsReplacedEntirely => ValidTo is { } to && to < ValidFrom;

    public static Result<Decision> Create(Guid id, Guid arrangementId, DecisionTerms terms, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var fields = terms.Validate();
        if (fields.Count > 0) return new Invalid(fields);
        var decision = new Decision(id) { ArrangementId = arrangementId, IdempotencyKey = idempotencyKey };
        decision.Apply(terms);
        return decision;
    }

    /// <summary>
    /// A new version from <paramref name="terms"/>' start: this version ends the day before. Only the
    /// version in force on that date can be changed, and a change cannot reach back before this version.
    /// </summary>
    public Result<Decision> ChangeFrom(Guid newId, DecisionTerms terms, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.ValidFrom < ValidFrom)
            return Invalid.Field("validFrom", $"Endringen kan tidligst gjelde fra {ValidFrom:dd.MM.yyyy}, da versjonen som endres begynte.");
        if (ValidTo is { } to && terms.ValidFrom > to)
            return Invalid.Field("validFrom", $"Versjonen som endres sluttet {to:dd.MM.yyyy}. Registrer et nytt vedtak i stedet.");
        var created = Create(newId, ArrangementId, terms, idempotencyKey);
        if (!created.IsSuccess) return created;
        var next = created.Value!;
        next.PreviousVersionId = Id;
        next.VersionNo = VersionNo + 1;
        ValidTo = terms.ValidFrom.PlusDays(-1);
        return next;
    }

    /// <summary>Attaches the decision letter; a new upload replaces the old one.</summary>
    public void AttachDocument(Guid documentId, string fileName)
    {
        DocumentId = documentId;
        DocumentName = fileName;
    }

    public bool IsValidOn(LocalDate date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    private void Apply(DecisionTerms terms)
    {
        Hours = terms.Hours;
        Unit = terms.Unit;
        HoursPerWeek = terms.HoursPerWeek;
        ValidFrom = terms.ValidFrom;
        ValidTo = terms.ValidTo;
        Purposes = terms.Purposes;
        SavingAllowed = terms.SavingAllowed;
        Averaging = terms.Averaging;
        Unused = terms.Unused;
        CaseNumber = terms.CaseNumber.Trim();
        _needs.Clear();
        foreach (var need in terms.Needs) _needs.Add(new DecisionNeed(Guid.CreateVersion7(), Id, need.Need, need.Hours));
    }
}

/// <summary>One need of a decision version, with its hours (in the decision's unit) when stated.</summary>
public sealed class DecisionNeed : Entity
{
    internal DecisionNeed(Guid id, Guid decisionId, DecisionPurposes need, decimal? hours) : base(id)
    {
        DecisionId = decisionId;
        Need = need;
        Hours = hours;
    }

    public Guid DecisionId { get; private set; }
    public DecisionPurposes Need { get; private set; }
    public decimal? Hours { get; private set; }
}

/// <summary>What can be wrong with an uploaded decision letter.</summary>
public enum DocumentProblem
{
    None,
    Empty,
    TooLarge,
    NotPdf,
}

/// <summary>The decision letter as uploaded (a PDF), kept apart from the decision so lists never load it.</summary>
public sealed class DecisionDocument : Entity
{
    private DecisionDocument(Guid id) : base(id) { }

    public Guid DecisionId { get; private set; }
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    /// <summary>SHA-256 of the content, hex.</summary>
    public string Sha256 { get; private set; } = "";
    public Instant UploadedAt { get; private set; }

    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Why a file cannot be a decision letter, or <see cref="DocumentProblem.None"/>.</summary>
    public static DocumentProblem ProblemOf(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) return DocumentProblem.Empty;
        if (content.Length > MaxBytes) return DocumentProblem.TooLarge;
        return content.AsSpan().StartsWith("%PDF-"u8) ? DocumentProblem.None : DocumentProblem.NotPdf;
    }

    public static Result<DecisionDocument> Create(Guid id, Guid decisionId, string fileName, byte[] content, Instant at)
    {
        var name = PdfUpload.Check(fileName, content, "vedtak.pdf", "Vedtaksbrevet må være en PDF-fil.");
        if (!name.IsSuccess) return name.Error!;
        return new DecisionDocument(id)
        {
            DecisionId = decisionId, FileName = name.Value!, Content = content, UploadedAt = at,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        };
    }
}
