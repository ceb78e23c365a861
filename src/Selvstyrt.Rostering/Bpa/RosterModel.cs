using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>A hard rule of the roster, mirroring a rule of the engine (its id in <see cref="Rule"/>).</summary>
internal interface IRosterConstraint
{
    /// <summary>The class's name in the model (for tests and logs).</summary>
    string Name { get; }

    /// <summary>The rule id of rules.md it mirrors, or a plain word for the problem's own conditions.</summary>
    string Rule { get; }

    void Apply(RosterModel model);
}

/// <summary>A named soft goal: how many units the proposal gives up, at a weight; the text says so in Norwegian.</summary>
internal interface IRosterPenalty
{
    string Name { get; }

    /// <summary>The goal in Norwegian, e.g. «Udekkede plasser».</summary>
    string Label { get; }

    int Weight(BpaWeights weights);

    /// <summary>What <paramref name="units"/> units mean, in Norwegian.</summary>
    string Explain(long units);

    void Apply(RosterModel model);
}

/// <summary>
/// The CP-SAT model of a <see cref="BpaProblem"/>: one Boolean per assistant and occurrence (x), a working-day flag per
/// assistant and day, and the penalty terms that the named goals register. Constraints and penalties are small
/// classes that add to it; <see cref="BpaSolver"/> lists them.
/// </summary>
internal sealed class RosterModel
{
    private readonly List<(IRosterPenalty Penalty, LinearExpr Units)> _penalties = [];

    public RosterModel(RosterInstance instance)
    {
        Instance = instance;
        var assistants = instance.Problem.Assistants.Count;
        X = new BoolVar[assistants][];
        for (var a = 0; a < assistants; a++)
        {
            X[a] = new BoolVar[instance.Occurrences.Count];
            for (var o = 0; o < instance.Occurrences.Count; o++) X[a][o] = Model.NewBoolVar($"x{a}_{o}");
        }
        ByDay = Enumerable.Range(0, instance.Days).Select(d => instance.Occurrences.Where(o => o.Day == d).ToArray()).ToArray();
    }

    public CpModel Model { get; } = new();
    public RosterInstance Instance { get; }
    public BpaProblem Problem => Instance.Problem;

    /// <summary>x[a][o]: assistant a works occurrence o (in every cycle of the rotation).</summary>
    public BoolVar[][] X { get; }

    /// <summary>Occurrences starting on each rotation day.</summary>
    public Occurrence[][] ByDay { get; }

    public IReadOnlyList<(IRosterPenalty Penalty, LinearExpr Units)> Penalties => _penalties;

    /// <summary>Assistant a works some occurrence starting on rotation day d (any day, wrapped into the cycle).</summary>
    public LinearExpr Works(int a, int day)
    {
        var d = ((day % Instance.Days) + Instance.Days) % Instance.Days;
        return LinearExpr.Sum(ByDay[d].Select(o => X[a][o.Index]));
    }

    public void Forbid(int a, Occurrence o) => Model.Add(X[a][o.Index] == 0);

    public void AddPenalty(IRosterPenalty penalty, LinearExpr units) => _penalties.Add((penalty, units));

    /// <summary>Minimises the weighted sum of every registered penalty.</summary>
    public void SetObjective()
    {
        var objective = LinearExpr.NewBuilder();
        foreach (var (penalty, units) in _penalties) objective.AddTerm(units, penalty.Weight(Problem.Weights));
        Model.Minimize(objective);
    }
}
