using NodaTime;
using NodaTime.TimeZones;

namespace Selvstyrt.Domain.Rules.Calendar;

/// <summary>
/// Fast conversion between instants (seconds since the Unix epoch) and civil time in one zone, for the rule engine's
/// inner loops. The zone's offsets are read once from NodaTime for 1899-2201 into two arrays; a shift is split at
/// each offset change so that every window (night, Sunday, supplements) is measured as elapsed time, never as a
/// wall-clock difference (rules.md § 0).
/// </summary>
public sealed class LocalTimeline
{
    private static readonly Dictionary<string, LocalTimeline> Cache = new(StringComparer.Ordinal);
    private readonly long[] _starts;
    private readonly int[] _offsets;

    private LocalTimeline(DateTimeZone zone)
    {
        Zone = zone;
        var from = Instant.FromUtc(1899, 1, 1, 0, 0);
        var to = Instant.FromUtc(2202, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        _starts = new long[intervals.Count];
        _offsets = new int[intervals.Count];
        for (var i = 0; i < intervals.Count; i++)
        {
            _starts[i] = i == 0 ? long.MinValue : intervals[i].Start.ToUnixTimeSeconds();
            _offsets[i] = intervals[i].WallOffset.Seconds;
        }
    }

    /// <summary>The zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The shared timeline for a zone.</summary>
    public static LocalTimeline For(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        lock (Cache)
        {
            if (!Cache.TryGetValue(zone.Id, out var timeline)) Cache[zone.Id] = timeline = new LocalTimeline(zone);
            return timeline;
        }
    }

    /// <summary>Index of the offset interval that contains an instant.</summary>
    public int IntervalIndex(long unixSeconds)
    {
        var index = Array.BinarySearch(_starts, unixSeconds);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The instant at which the interval after <paramref name="index"/> starts (long.MaxValue if none).</summary>
    public long NextChange(int index) => index + 1 < _starts.Length ? _starts[index + 1] : long.MaxValue;

    /// <summary>The offset from UTC, in seconds, of an interval.</summary>
    public int OffsetOf(int index) => _offsets[index];

    /// <summary>Local seconds (civil time as if it were UTC) of an instant.</summary>
    public long ToLocal(long unixSeconds) => unixSeconds + _offsets[IntervalIndex(unixSeconds)];

    /// <summary>
    /// Splits [start, end) into pieces of constant offset and returns them as local seconds; the elapsed length of
    /// each piece equals its local length. Most shifts give one piece, a DST night two.
    /// </summary>
    public int Split(long start, long end, Span<(long LocalStart, long LocalEnd)> pieces)
    {
        var count = 0;
        var index = IntervalIndex(start);
        while (start < end)
        {
            var change = NextChange(index);
            var pieceEnd = Math.Min(end, change);
            var offset = _offsets[index];
            pieces[count++] = (start + offset, pieceEnd + offset);
            start = pieceEnd;
            index++;
        }
        return count;
    }

    /// <summary>
    /// Resolves a civil time as the batch check's format says: in a repeated hour the earlier instant, in a skipped
    /// hour shifted forward by the gap (NodaTime's lenient resolver).
    /// </summary>
    public Instant Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

    /// <summary>The instant of local midnight at the start of an epoch day.</summary>
    public long StartOfDay(int epochDay) => Resolve(NorwegianCalendar.Date(epochDay).AtMidnight()).ToUnixTimeSeconds();
}
