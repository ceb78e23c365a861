using NodaTime;
using Selvstyrt.Domain.Common;

namespace Selvstyrt.Domain.Plans;

/// <summary>What a proposal run is doing.</summary>
public enum ProposalState
{
    Running,
    Done,
    Failed,
}

/// <summary>
/// One run of the roster generator for a plan («Foreslå plan»), stored so that every web instance can report on it,
/// stop it and take its weeks in, and so that a run whose instance dies is run again by another (issue 21, part 4).
/// A plan has at most one: a new run replaces the last. The generator's problem, the map from its templates to the
/// arrangement's and its result are kept as JSON written and read by the web layer (they are the generator's types,
/// not the domain's). Progress is written by the instance running it; a stop is asked for here and seen by that instance.
/// </summary>
public sealed class RosterProposal : Entity
{
    private RosterProposal(Guid id) : base(id) { }

    public Guid PlanId { get; private set; }
    public Guid ArrangementId { get; private set; }

    /// <summary>How long the generator may search, in seconds.</summary>
    public int Seconds { get; private set; }

    /// <summary>The rotation's weeks, the range the chosen weeks must lie in.</summary>
    public int Weeks { get; private set; }

    public Instant StartedAt { get; private set; }
    public string StartedBy { get; private set; } = "";
    public ProposalState State { get; private set; }

    /// <summary>When someone asked the run to stop; the running instance stops at its next look (within a second or two).</summary>
    public Instant? StopRequestedAt { get; private set; }
    public Instant? FinishedAt { get; private set; }

    /// <summary>The generator's problem (JSON).</summary>
    public string Problem { get; private set; } = "";

    /// <summary>Generator template id → the arrangement's template id (JSON object).</summary>
    public string Templates { get; private set; } = "";

    /// <summary>The best objective and bound found so far, while running.</summary>
    public long? BestObjective { get; private set; }
    public long? BestBound { get; private set; }

    /// <summary>Seconds the generator has searched (measured by the instance running it, not the clock of the day).</summary>
    public double ElapsedSeconds { get; private set; }

    /// <summary>The web instance running it now, and how many times a run was begun (more than one after an instance died).</summary>
    public string? RunningOn { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>The generator's result (JSON), once done.</summary>
    public string? Result { get; private set; }

    public static RosterProposal Start(Guid id, Guid planId, Guid arrangementId, int seconds, int weeks, string problem, string templates, Instant at, string by)
        => new(id)
        {
            PlanId = planId, ArrangementId = arrangementId, Seconds = seconds, Weeks = weeks, Problem = problem, Templates = templates,
            StartedAt = at, StartedBy = by, State = ProposalState.Running,
        };

    /// <summary>Whether someone asked the run to stop.</summary>
    public bool Stopped => StopRequestedAt is not null;
}
