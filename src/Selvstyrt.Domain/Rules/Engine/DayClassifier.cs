using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Parameters;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>A part of a local day, in seconds after midnight, and the windows it lies in (bit 0 night, bit 1 Sunday/holiday, bit 2+ supplements).</summary>
internal readonly record struct DayPiece(int From, int To, int Mask);

/// <summary>
/// Labels every second of a local day for one employer: the night window (AML-10-11-1, or the regime's or the
/// tariff's), the Sunday and holiday window (AML-10-10-1), and each supplement category of the agreement in force
/// on that day (SUPP-1, after stacking). Days are computed once per check and cached.
/// </summary>
internal sealed class DayClassifier
{
    public const int NightBit = 1;
    public const int SundayBit = 2;
    public const int FirstSupplementBit = 2;

    private readonly Versioned<WorkingTimeLimits> _limits;
    private readonly (LocalTime From, LocalTime To)? _nightOverride;
    private readonly Tariff? _tariff;
    private readonly Dictionary<int, DayPiece[]> _cache = [];

    public DayClassifier(Versioned<WorkingTimeLimits> limits, (LocalTime From, LocalTime To)? nightOverride, Tariff? tariff)
    {
        _limits = limits;
        _nightOverride = nightOverride;
        _tariff = tariff;
        SupplementKeys = tariff is null ? [] : [.. tariff.Parameters.Rows.SelectMany(r => r.Value.Supplements).Select(s => s.Key).Distinct()];
    }

    /// <summary>Supplement category keys in output order; category i has bit <c>1 &lt;&lt; (FirstSupplementBit + i)</c>.</summary>
    public IReadOnlyList<string> SupplementKeys { get; }

    private int _lastDay = int.MinValue;
    private DayPiece[] _lastPieces = [];

    public DayPiece[] For(int epochDay)
    {
        // The inner loop asks for the same day many times in a row (one shift, then the next that day).
        if (epochDay == _lastDay) return _lastPieces;
        if (!_cache.TryGetValue(epochDay, out var pieces))
        {
            pieces = Build(epochDay);
            _cache[epochDay] = pieces;
        }
        _lastDay = epochDay;
        return _lastPieces = pieces;
    }

    private (LocalTime From, LocalTime To) NightOn(LocalDate date)
        => _nightOverride ?? (_limits.RowAt(date) ?? _limits.Rows[0]).Value.Night;

    private DayPiece[] Build(int epochDay)
    {
        var date = NorwegianCalendar.Date(epochDay);
        var intervals = new List<(int From, int To, int Bit)>();
        AddDaily(intervals, NightOn(date), NightOn(date.PlusDays(-1)), 1 << 0);
        var (sFrom, sTo) = NorwegianCalendar.SundayHolidayWindow(epochDay);
        if (sTo > sFrom) intervals.Add((sFrom * 60, sTo * 60, 1 << 1));

        var row = _tariff?.Parameters.RowAt(date);
        var yesterdayRow = _tariff?.Parameters.RowAt(date.PlusDays(-1));
        List<SupplementCategory> categories = [];
        if (row is not null || yesterdayRow is not null)
        {
            var dow = NorwegianCalendar.IsoDayOfWeek(epochDay);
            var flags = NorwegianCalendar.FlagsOf(epochDay);
            var yDow = NorwegianCalendar.IsoDayOfWeek(epochDay - 1);
            var yFlags = NorwegianCalendar.FlagsOf(epochDay - 1);
            for (var k = 0; k < SupplementKeys.Count; k++)
            {
                var bit = 1 << (FirstSupplementBit + k);
                var today = row?.Value.Supplements.FirstOrDefault(c => c.Key == SupplementKeys[k]);
                var yesterday = yesterdayRow?.Value.Supplements.FirstOrDefault(c => c.Key == SupplementKeys[k]);
                if (today is not null) categories.Add(today);
                foreach (var w in today?.Windows ?? [])
                {
                    if (!w.StartsOn(dow, flags)) continue;
                    var from = w.From.Hour * 3600 + w.From.Minute * 60;
                    var to = w.To.Hour * 3600 + w.To.Minute * 60;
                    intervals.Add((from, to > from ? to : 86400, bit));
                }
                foreach (var w in yesterday?.Windows ?? [])
                {
                    var from = w.From.Hour * 3600 + w.From.Minute * 60;
                    var to = w.To.Hour * 3600 + w.To.Minute * 60;
                    if (to <= from && to > 0 && w.StartsOn(yDow, yFlags)) intervals.Add((0, to, bit));
                }
            }
        }

        // Cut the day at every boundary; between two boundaries the set of windows is constant.
        var cuts = new SortedSet<int> { 0, 86400 };
        foreach (var (from, to, _) in intervals) { cuts.Add(from); cuts.Add(to); }
        var points = cuts.ToArray();
        var result = new List<DayPiece>(points.Length);
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var mask = 0;
            foreach (var (from, to, bit) in intervals)
            {
                if (from <= points[i] && to >= points[i + 1]) mask |= bit;
            }
            mask = ApplyStacking(mask, categories);
            if (result.Count > 0 && result[^1].Mask == mask) result[^1] = result[^1] with { To = points[i + 1] };
            else result.Add(new DayPiece(points[i], points[i + 1], mask));
        }
        return [.. result];
    }

    private static void AddDaily(List<(int, int, int)> intervals, (LocalTime From, LocalTime To) today, (LocalTime From, LocalTime To) yesterday, int bit)
    {
        var from = today.From.Hour * 3600 + today.From.Minute * 60;
        var to = today.To.Hour * 3600 + today.To.Minute * 60;
        intervals.Add((from, to > from ? to : 86400, bit));
        var yFrom = yesterday.From.Hour * 3600 + yesterday.From.Minute * 60;
        var yTo = yesterday.To.Hour * 3600 + yesterday.To.Minute * 60;
        if (yTo <= yFrom && yTo > 0) intervals.Add((0, yTo, bit));
    }

    private int ApplyStacking(int mask, List<SupplementCategory> categories)
    {
        foreach (var category in categories)
        {
            var bit = 1 << (FirstSupplementBit + IndexOf(category.Key));
            if ((mask & bit) == 0) continue;
            foreach (var replaced in category.Replaces)
            {
                var index = IndexOf(replaced);
                if (index >= 0) mask &= ~(1 << (FirstSupplementBit + index));
            }
        }
        return mask;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < SupplementKeys.Count; i++) if (SupplementKeys[i] == key) return i;
        return -1;
    }
}
