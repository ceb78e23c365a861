using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Parameters;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>Shift facts the rules need, flat, with instants as Unix seconds.</summary>
internal struct ShiftRow
{
    /// <summary>Start, Unix seconds.</summary>
    public long Start;
    /// <summary>End, Unix seconds.</summary>
    public long End;
    /// <summary>Index into the assistants.</summary>
    public int Assistant;
    /// <summary>Index into the employers.</summary>
    public int Employer;
    /// <summary>Index into the arrangements, or -1.</summary>
    public int Arrangement;
    /// <summary>First passive or pause interval in <see cref="PreparedCheck.Intervals"/>.</summary>
    public int IntervalsStart;
    /// <summary>Passive intervals, then pauses.</summary>
    public short PassiveCount;
    /// <summary>Number of pauses after the passive intervals.</summary>
    public short PauseCount;
    /// <summary>Flags.</summary>
    public ShiftTraits Flags;
}

/// <summary>Shift flags.</summary>
[Flags]
internal enum ShiftTraits : byte
{
    None = 0,
    Actual = 1,
    OnCall = 2,
    Travel = 4,
    OvertimeReason = 8,
}

/// <summary>An interval inside a shift: passive time or a pause.</summary>
internal readonly record struct ShiftInterval(long Start, long End, bool Free);

/// <summary>Per-employer data the engine compiles once per check.</summary>
internal sealed class CompiledEmployer
{
    public CompiledEmployer(EmployerProfile profile, int index)
    {
        Profile = profile;
        Index = index;
        Limits = profile.Regime == Regime.Household ? Statutory.HouseholdLimits : Statutory.AmlLimits;
        Tariff = profile.Tariff is null ? null : Tariffs.All[profile.Tariff];
        Classifier = new DayClassifier(Limits, profile.Settings.NightWindow, Tariff);
        _bases = [.. profile.LegalBases];
        foreach (var basis in _bases) _kinds |= 1UL << (int)basis.Kind;
        AnchorDay = profile.WeekAnchor == WeekAnchor.PlanStart && profile.PlanStart is { } start
            ? NorwegianCalendar.EpochDay(start)
            : 4; // 1970-01-05 was a Monday.
    }

    public EmployerProfile Profile { get; }
    public int Index { get; }
    public Versioned<WorkingTimeLimits> Limits { get; }
    public Tariff? Tariff { get; }
    public DayClassifier Classifier { get; }
    public int AnchorDay { get; }

    public WorkingTimeLimits LimitsOn(int epochDay)
    {
        var date = NorwegianCalendar.Date(epochDay);
        return (Limits.RowAt(date) ?? Limits.Rows[0]).Value;
    }

    public int WeekOf(int epochDay) => (int)Math.Floor((epochDay - AnchorDay) / 7.0);

    public int WeekStartDay(int week) => AnchorDay + (week * 7);

    /// <summary>
    /// The legal bases as an array, and which kinds there are: the rules ask for a basis several times per 24-hour window, and a
    /// loop over the profile's list allocated an enumerator each time (issue 21, P1: about a third of a year's check's memory).
    /// </summary>
    private readonly LegalBasis[] _bases;
    private readonly ulong _kinds;

    /// <summary>The first basis of a kind that covers an assistant on a date.</summary>
    public LegalBasis? Basis(LegalBasisKind kind, string assistant, int epochDay)
    {
        if (!HasAny(kind)) return null;
        LocalDate? date = null;
        foreach (var basis in _bases)
        {
            if (basis.Kind != kind) continue;
            date ??= NorwegianCalendar.Date(epochDay);
            if (basis.Covers(assistant, date.Value)) return basis;
        }
        return null;
    }

    public bool HasAny(LegalBasisKind kind) => (_kinds & (1UL << (int)kind)) != 0;
}

/// <summary>
/// A check's input compiled for the engine: ids interned to indices, instants as Unix seconds, shifts in one flat
/// array. Building it is separate from running the rules so that the benchmark measures the rules.
/// </summary>
public sealed class PreparedCheck
{
    internal PreparedCheck(CheckInput input, LocalTimeline timeline, CompiledEmployer[] employers, string[] shiftIds, ShiftRow[] shifts, ShiftInterval[] intervals, (int FromDay, int ToDay) period)
    {
        Input = input;
        Timeline = timeline;
        Employers = employers;
        ShiftIds = shiftIds;
        Shifts = shifts;
        Intervals = intervals;
        Period = period;
        _employerHasShifts = new bool[employers.Length];
        foreach (var shift in shifts) _employerHasShifts[shift.Employer] = true;
        AssistantIndex = input.Assistants.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        FullyContinuous = [.. input.Arrangements.Select(a => a.FullyContinuous)];
    }

    private readonly bool[] _employerHasShifts;

    internal bool EmployerHasShifts(int employer) => _employerHasShifts[employer];

    private int[]? _redDays;

    /// <summary>Sundays and holidays of the period, and the day after it (work on its eve belongs to it).</summary>
    internal int[] RedDays => _redDays ??= [.. Enumerable.Range(Period.FromDay, Period.ToDay - Period.FromDay + 2).Where(Calendar.NorwegianCalendar.IsRedDay)];

    /// <summary>The input.</summary>
    public CheckInput Input { get; }
    internal LocalTimeline Timeline { get; }
    internal CompiledEmployer[] Employers { get; }

    internal static CompiledEmployer[] Compile(CheckInput input) => [.. input.Employers.Select((e, i) => new CompiledEmployer(e, i))];
    internal Dictionary<string, int> AssistantIndex { get; }
    internal bool[] FullyContinuous { get; }

    /// <summary>Shift ids, in input order.</summary>
    public IReadOnlyList<string> ShiftIds { get; }

    /// <summary>The shifts, in input order.</summary>
    internal ShiftRow[] Shifts { get; }

    /// <summary>Passive intervals and pauses of all shifts.</summary>
    internal ShiftInterval[] Intervals { get; }

    /// <summary>The checked period as epoch days (inclusive): weeks without work inside it count as weeks off.</summary>
    public (int FromDay, int ToDay) Period { get; }

    /// <summary>Compiles an input. The input must be valid (the batch check's reader validates).</summary>
    public static PreparedCheck From(CheckInput input) => From(input, null);

    /// <summary>Compiles an input, reusing compiled employers (and their day caches) from an earlier check of the same employers.</summary>
    internal static PreparedCheck From(CheckInput input, CompiledEmployer[]? compiled)
    {
        ArgumentNullException.ThrowIfNull(input);
        var timeline = LocalTimeline.For(input.Zone);
        var employers = compiled ?? Compile(input);
        var employerIndex = employers.ToDictionary(e => e.Profile.Id, e => e.Index, StringComparer.Ordinal);
        var assistantIndex = input.Assistants.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var arrangementIndex = input.Arrangements.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var shifts = new ShiftRow[input.Shifts.Count];
        var ids = new string[input.Shifts.Count];
        var intervals = new List<ShiftInterval>();
        long min = long.MaxValue, max = long.MinValue;
        for (var i = 0; i < shifts.Length; i++)
        {
            var s = input.Shifts[i];
            ids[i] = s.Id;
            var flags = ShiftTraits.None;
            if (s.Kind == ShiftKind.Actual) flags |= ShiftTraits.Actual;
            if (s.OnCall) flags |= ShiftTraits.OnCall;
            if (s.Travel) flags |= ShiftTraits.Travel;
            if (!string.IsNullOrWhiteSpace(s.OvertimeReason)) flags |= ShiftTraits.OvertimeReason;
            shifts[i] = new ShiftRow
            {
                Start = s.Start.ToUnixTimeSeconds(),
                End = s.End.ToUnixTimeSeconds(),
                Assistant = assistantIndex[s.Assistant],
                Employer = employerIndex[s.Employer],
                Arrangement = s.Arrangement is not null && arrangementIndex.TryGetValue(s.Arrangement, out var a) ? a : -1,
                IntervalsStart = intervals.Count,
                PassiveCount = (short)s.Passive.Count,
                PauseCount = (short)s.Pauses.Count,
                Flags = flags,
            };
            foreach (var p in s.Passive) intervals.Add(new ShiftInterval(p.Start.ToUnixTimeSeconds(), p.End.ToUnixTimeSeconds(), false));
            foreach (var p in s.Pauses) intervals.Add(new ShiftInterval(p.Start.ToUnixTimeSeconds(), p.End.ToUnixTimeSeconds(), p.Free));
            min = Math.Min(min, shifts[i].Start);
            max = Math.Max(max, shifts[i].End);
        }
        (int, int) period = input.Period is { } given ? (NorwegianCalendar.EpochDay(given.Start), NorwegianCalendar.EpochDay(given.End)) : (int.MaxValue, int.MinValue);
        if (shifts.Length > 0)
        {
            // The shifts' own days; shifts outside an explicit period widen it: nothing is ever left unchecked.
            var first = (int)Math.Floor(timeline.ToLocal(min) / 86400.0);
            var last = (int)Math.Floor((timeline.ToLocal(max) - 1) / 86400.0);
            period = (Math.Min(period.Item1, first), Math.Max(period.Item2, last));
        }
        else if (input.Period is null)
        {
            period = (0, 0);
        }
        return new PreparedCheck(input, timeline, employers, ids, shifts, [.. intervals], period);
    }
}
