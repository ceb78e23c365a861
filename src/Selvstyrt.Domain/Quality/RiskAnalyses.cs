using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Quality;

/// <summary>The three levels Prima's transparency report runs its quality work at: yearly risk analyses (ROS) and audits.</summary>
public enum QualityScope
{
    /// <summary>The provider's administration as a whole.</summary>
    Provider = 1,
    Office = 2,
    Arrangement = 3,
}

/// <summary>Where a likelihood × consequence score falls in the 5 × 5 matrix.</summary>
public enum RiskClass
{
    /// <summary>1-4: acceptable; watch it.</summary>
    Low = 1,

    /// <summary>5-10: measures to be considered and planned.</summary>
    Medium = 2,

    /// <summary>12-25: not acceptable without measures.</summary>
    High = 3,
}

/// <summary>
/// One hazard of an analysis: what could happen, how likely (1 very unlikely to 5 very likely) and how bad (1 insignificant to 5
/// critical), the measures, the risk left after them, and who sees to the measures by when.
/// </summary>
public sealed record Hazard(Guid Id, string Description, int Likelihood, int Consequence, string Measures, int? ResidualLikelihood, int? ResidualConsequence,
    string Owner, LocalDate? DueOn)
{
    public int Score => Likelihood * Consequence;
    public int? ResidualScore => ResidualLikelihood * ResidualConsequence;
    public RiskClass Class => RiskAnalysis.Classify(Score);
    public RiskClass? ResidualClass => ResidualScore is { } s ? RiskAnalysis.Classify(s) : null;
}

/// <summary>What a hazard is written with (from a form or the API).</summary>
public sealed record HazardInput(string? Description, int? Likelihood, int? Consequence, string? Measures, int? ResidualLikelihood, int? ResidualConsequence, string? Owner,
    LocalDate? DueOn);

/// <summary>
/// A yearly risk and vulnerability analysis (ROS; issue 20, part 3) of the provider's administration, one office or one
/// arrangement: hazards rated in a 5 × 5 matrix, measures, the residual risk, and when it is to be reviewed. Last year's is the
/// start of this year's (its hazards copied, the approval not). Approved by name and day once every high risk has measures and
/// a residual rating.
/// </summary>
public sealed class RiskAnalysis : AuditedAggregate
{
    public const int MaxText = 2000;
    public const int MaxShort = 200;
    public const int MaxHazards = 200;

    private readonly List<Hazard> _hazards = [];

    private RiskAnalysis(Guid id) : base(id) { }

    public Guid ProviderId { get; private set; }
    public QualityScope Scope { get; private set; }
    public Guid? OfficeId { get; private set; }
    public Guid? ArrangementId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The one thing analysed: the provider, the office or the arrangement (one analysis per it and year).</summary>
    public Guid ScopeId { get; private set; }

    public LocalDate ReviewOn { get; private set; }
    public LocalDate? ApprovedOn { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>The analysis this one began as a copy of (last year's).</summary>
    public Guid? CopiedFrom { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public IReadOnlyList<Hazard> Hazards => _hazards;

    /// <summary>The matrix's classes: 1-4 low, 5-10 medium, 12-25 high (no product of two numbers from 1 to 5 is 11).</summary>
    public static RiskClass Classify(int score) => score switch
    {
        <= 4 => RiskClass.Low,
        <= 10 => RiskClass.Medium,
        _ => RiskClass.High,
    };

    /// <summary>How many hazards sit in each cell of the 5 × 5 matrix, by likelihood (rows) and consequence (columns), 1-based.</summary>
    public int[,] Matrix(bool residual = false)
    {
        var cells = new int[6, 6];
        foreach (var h in _hazards)
        {
            if (residual && (h.ResidualLikelihood is null || h.ResidualConsequence is null)) continue;
            cells[residual ? h.ResidualLikelihood!.Value : h.Likelihood, residual ? h.ResidualConsequence!.Value : h.Consequence]++;
        }
        return cells;
    }

    public static Result<RiskAnalysis> Start(Guid id, Guid providerId, QualityScope? scope, Guid? officeId, Guid? arrangementId, int? year, LocalDate today, string? idempotencyKey)
    {
        var fields = new Dictionary<string, string>();
        if (scope is null || !Enum.IsDefined(scope.Value)) fields["scope"] = "Velg hva analysen gjelder: administrasjonen, et kontor eller en ordning.";
        if (year is null) fields["year"] = "Fyll ut året analysen gjelder.";
        else if (year < today.Year - 1 || year > today.Year + 1) fields["year"] = $"Året må være mellom {today.Year - 1} og {today.Year + 1}.";
        if (scope == QualityScope.Office && officeId is null) fields["officeId"] = "Velg kontoret analysen gjelder.";
        if (scope == QualityScope.Arrangement && arrangementId is null) fields["arrangementId"] = "Velg ordningen analysen gjelder.";
        if (fields.Count > 0) return new Invalid(fields);
        return new RiskAnalysis(id)
        {
            ProviderId = providerId, Scope = scope!.Value, OfficeId = officeId, ArrangementId = scope == QualityScope.Arrangement ? arrangementId : null, Year = year!.Value,
            ScopeId = scope switch { QualityScope.Provider => providerId, QualityScope.Office => officeId!.Value, _ => arrangementId!.Value },
            ReviewOn = new LocalDate(year.Value, 12, 1), IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Starts this year's from last year's: the hazards and measures as they stood (new ids), to be reviewed and approved again.</summary>
    public static Result<RiskAnalysis> CopyOf(Guid id, RiskAnalysis previous, int? year, LocalDate today, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var started = Start(id, previous.ProviderId, previous.Scope, previous.OfficeId, previous.ArrangementId, year, today, idempotencyKey);
        if (!started.IsSuccess) return started;
        var copy = started.Value!;
        if (copy.Year <= previous.Year) return Invalid.Field("year", "En kopi gjelder et senere år enn analysen den kopierer.");
        copy.CopiedFrom = previous.Id;
        var n = 0;
        foreach (var h in previous._hazards)
            copy._hazards.Add(h with { Id = Selvstyrt.Domain.Common.KeyedId.For($"hazard-copy:{id}", (n++).ToString(System.Globalization.CultureInfo.InvariantCulture)), DueOn = null });
        return copy;
    }

    public Result<Hazard> AddHazard(Guid id, HazardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_hazards.FirstOrDefault(h => h.Id == id) is { } existing) return existing;
        if (_hazards.Count >= MaxHazards) return Invalid.Field("description", $"En analyse kan ha høyst {MaxHazards} farer.");
        var made = Make(id, input);
        if (!made.IsSuccess) return made;
        _hazards.Add(made.Value!);
        Unapprove();
        return made.Value!;
    }

    public Result<Hazard> ChangeHazard(Guid id, HazardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var index = _hazards.FindIndex(h => h.Id == id);
        if (index < 0) return new NotFound();
        var made = Make(id, input);
        if (!made.IsSuccess) return made;
        _hazards[index] = made.Value!;
        Unapprove();
        return made.Value!;
    }

    public Result<RiskAnalysis> RemoveHazard(Guid id)
    {
        if (_hazards.RemoveAll(h => h.Id == id) == 0) return new NotFound();
        Unapprove();
        return this;
    }

    public Result<RiskAnalysis> Reschedule(LocalDate? reviewOn)
    {
        if (reviewOn is null) return Invalid.Field("reviewOn", "Fyll ut når analysen skal gjennomgås.");
        if (reviewOn.Value.Year < Year || reviewOn.Value.Year > Year + 1) return Invalid.Field("reviewOn", $"Gjennomgangen må være i {Year} eller {Year + 1}.");
        ReviewOn = reviewOn.Value;
        return this;
    }

    /// <summary>Approves the analysis: at least one hazard, and every high risk with measures and a residual rating.</summary>
    public Result<RiskAnalysis> Approve(string by, LocalDate on)
    {
        if (_hazards.Count == 0) return Invalid.Field("hazards", "Legg inn minst én fare før analysen godkjennes.");
        var open = _hazards.Where(h => h.Class == RiskClass.High && (h.Measures.Length == 0 || h.ResidualScore is null)).ToList();
        if (open.Count > 0) return Invalid.Field("hazards", $"Høy risiko uten tiltak og vurdert restrisiko: {string.Join("; ", open.Select(h => h.Description))}.");
        (ApprovedOn, ApprovedBy) = (on, by);
        return this;
    }

    private void Unapprove() => (ApprovedOn, ApprovedBy) = (null, null);

    private static Result<Hazard> Make(Guid id, HazardInput input)
    {
        var fields = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Description)) fields["description"] = "Beskriv faren: hva kan skje?";
        else if (input.Description.Length > MaxText) fields["description"] = $"Beskrivelsen kan være høyst {MaxText} tegn.";
        if (input.Likelihood is not (>= 1 and <= 5)) fields["likelihood"] = "Sannsynligheten må være fra 1 (svært lite sannsynlig) til 5 (svært sannsynlig).";
        if (input.Consequence is not (>= 1 and <= 5)) fields["consequence"] = "Konsekvensen må være fra 1 (ubetydelig) til 5 (kritisk).";
        if (input.ResidualLikelihood is { } rl && rl is < 1 or > 5) fields["residualLikelihood"] = "Sannsynligheten etter tiltak må være fra 1 til 5.";
        if (input.ResidualConsequence is { } rc && rc is < 1 or > 5) fields["residualConsequence"] = "Konsekvensen etter tiltak må være fra 1 til 5.";
        if ((input.ResidualLikelihood is null) != (input.ResidualConsequence is null))
            fields[input.ResidualLikelihood is null ? "residualLikelihood" : "residualConsequence"] = "Restrisikoen vurderes med både sannsynlighet og konsekvens.";
        if (input.Measures?.Length > MaxText) fields["measures"] = $"Tiltakene kan være høyst {MaxText} tegn.";
        if (input.Owner?.Length > MaxShort) fields["owner"] = $"Navnet kan være høyst {MaxShort} tegn.";
        if (fields.Count > 0) return new Invalid(fields);
        return new Hazard(id, input.Description!.Trim(), input.Likelihood!.Value, input.Consequence!.Value, input.Measures?.Trim() ?? "", input.ResidualLikelihood,
            input.ResidualConsequence, input.Owner?.Trim() ?? "", input.DueOn);
    }
}
