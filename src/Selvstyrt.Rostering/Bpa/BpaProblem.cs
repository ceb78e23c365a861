using NodaTime;
using Selvstyrt.Domain.Plans;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>
/// A shift template to be staffed: local start, nominal length (a 22-08 night is 9 h in spring and 11 h in autumn,
/// as worked), the weekdays it is needed on and how many assistants at once (2 for 2:1). Coverage is expressed
/// through templates: every listed weekday needs <see cref="Staffing"/> assistants on it.
/// </summary>
public sealed record BpaTemplate(string Id, string Name, LocalTime Start, int Minutes, int Staffing, IReadOnlyList<IsoDayOfWeek> Days)
{
    public IReadOnlyList<ShiftPart> Passive { get; init; } = [];
    public int PaidPauseMinutes { get; init; }
    public IReadOnlyList<string> Competences { get; init; } = [];
}

/// <summary>A weekly time the assistant cannot work (e.g. Tuesdays 16:00-22:00); <c>To</c> at or before <c>From</c> runs past midnight, 00:00-00:00 is the whole day.</summary>
public sealed record BpaUnavailable(IReadOnlyList<IsoDayOfWeek> Days, LocalTime From, LocalTime To);

/// <summary>An assistant's wish: a template (or any) on weekdays; a positive weight asks for it, a negative weight asks to avoid it.</summary>
public sealed record BpaWish(string? Template, IReadOnlyList<IsoDayOfWeek> Days, int Weight);

/// <summary>A shift the assistant already has in another arrangement of the same employer (fixed; the limits count it).</summary>
public sealed record BpaFixedShift(Instant Start, Instant End, string? Arrangement);

/// <summary>An assistant the generator may use.</summary>
public sealed record BpaAssistant(string Id, string Name, double PositionPercent)
{
    public IReadOnlyList<string> Competences { get; init; } = [];
    public IReadOnlyList<BpaUnavailable> Unavailable { get; init; } = [];
    public IReadOnlyList<LocalDate> UnavailableDates { get; init; } = [];
    public IReadOnlyList<BpaWish> Wishes { get; init; } = [];
    public IReadOnlyList<BpaFixedShift> FixedShifts { get; init; } = [];

    /// <summary>Hours a week the assistant has declared for other employers (AML-10-2-1 counts them).</summary>
    public double OtherEmployerHoursPerWeek { get; init; }

    /// <summary>Covered by a long-shift basis (AML-10-12-4 or Arbeidstilsynet), so shifts above 13 h are allowed (LONGSHIFT-1).</summary>
    public bool LongShifts { get; init; }

    /// <summary>
    /// Covered by a written Sunday agreement (AML § 10-8 (4)): Sundays and public holidays every other on average over the
    /// period, at least one off in any 4 weeks, instead of the next one always off.
    /// </summary>
    public bool SundayAgreement { get; init; }

    /// <summary>One of the assistants the recipient (or work leader) prefers.</summary>
    public bool Preferred { get; init; }
}

/// <summary>
/// The weight of every named soft goal (per unit: an uncovered place on a shift, an hour off the position, a shift
/// against a wish, ...). Coverage comes first by a wide margin, so that a gap is only left where the act leaves no way.
/// </summary>
public sealed record BpaWeights
{
    public int Uncovered { get; init; } = 1000;
    public int Position { get; init; } = 20;
    public int Overtime { get; init; } = 30;
    public int Recipient { get; init; } = 4;
    public int Wishes { get; init; } = 1;
    public int NightFairness { get; init; } = 8;
    public int WeekendFairness { get; init; } = 8;
    public int PatternChange { get; init; } = 2;
    public int SingleDay { get; init; } = 3;
    public int Faces { get; init; } = 1;
}

/// <summary>
/// The BPA problem: one arrangement's rotating plan of <see cref="Weeks"/> weeks from <see cref="StartsOn"/> (a Monday),
/// its templates (coverage incl. 2:1), its assistants and the weights. The plan repeats, so rest and Sunday rotation
/// are judged across the end of the rotation into its start again. Documented in docs/rostering/bpa-format.md.
/// </summary>
public sealed record BpaProblem(string Arrangement, string Employer, LocalDate StartsOn, int Weeks, IReadOnlyList<BpaTemplate> Templates, IReadOnlyList<BpaAssistant> Assistants)
{
    public DateTimeZone Zone { get; init; } = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    public BpaWeights Weights { get; init; } = new();

    /// <summary>The weekly hours of a full position in this rota (35.5 h for rota work under AML-10-4-4; 37.5 otherwise).</summary>
    public double FullTimeHours { get; init; } = 35.5;

    /// <summary>
    /// The employer's legal bases as the rules engine takes them (from its agreements in the app), used to judge proposals;
    /// when empty, <see cref="BpaAssistant.LongShifts"/> and <see cref="BpaAssistant.SundayAgreement"/> stand for them.
    /// </summary>
    public IReadOnlyList<Selvstyrt.Domain.Rules.Engine.LegalBasis> LegalBases { get; init; } = [];

    /// <summary>
    /// The legal weekly normal time (AML-10-4-1, reduced by AML-10-4-4): 38 h when the templates run round the clock
    /// (day, evening and night, as the engine reduces it for an assistant rotating through them), else 40 h.
    /// </summary>
    public double WeeklyNormalHours => RoundTheClock ? 38 : 40;

    /// <summary>Whether the templates together cover day (06-18), evening (18-21) and night (21-06).</summary>
    public bool RoundTheClock
    {
        get
        {
            bool Covers(int from, int to) => Templates.Any(t =>
            {
                var start = (t.Start.Hour * 60) + t.Start.Minute;
                return (start < to && start + t.Minutes > from) || (start < to + 1440 && start + t.Minutes > from + 1440);
            });
            return Covers(6 * 60, 18 * 60) && Covers(18 * 60, 21 * 60) && (Covers(21 * 60, 24 * 60) || Covers(0, 6 * 60));
        }
    }
}

/// <summary>A shift of the proposal: rotation week (1-based), weekday, date in the first cycle, template, assistant, instants.</summary>
public sealed record BpaShift(int Week, IsoDayOfWeek Day, LocalDate Date, string Template, string Assistant, Instant Start, Instant End);

/// <summary>What one named soft goal cost: how many units, the weight, the cost, and in Norwegian what was given up.</summary>
public sealed record PenaltyLine(string Name, string Label, long Units, int Weight, long Cost, string Explanation);

/// <summary>
/// A proposal: the search summary, the shifts, the penalty breakdown, what the rules engine found in it (never a
/// breach, unless a breach comes from shifts the generator cannot move, such as fixed shifts elsewhere), and how many
/// rounds the engine needed to judge.
/// </summary>
public sealed record BpaResult(SolveSummary Summary, IReadOnlyList<BpaShift> Shifts, IReadOnlyList<PenaltyLine> Penalties,
    IReadOnlyList<Domain.Rules.Engine.Finding> Findings, int JudgeRounds)
{
    /// <summary>
    /// The fewest uncovered places any plan within the hard rules can have, when the cover phase proved it (before the
    /// engine's cuts, which can only add to it); null when the phase ran out of time first.
    /// </summary>
    public long? ProvenMinimumUncovered { get; init; }
}
