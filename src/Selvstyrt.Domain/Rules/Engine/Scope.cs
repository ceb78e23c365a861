using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Checks;
using Selvstyrt.Domain.Rules.Parameters;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>A piece of counted work: [Start, End) of one shift, minus free pauses; on-call time counts at a factor.</summary>
internal readonly record struct WorkPiece(long Start, long End, double Factor, int Position);

/// <summary>A continuous busy period (shifts merged where they touch or overlap).</summary>
internal readonly record struct BusyPeriod(long Start, long End, int FirstPosition, int LastPosition);

/// <summary>One "per 24 hours" window and what it holds.</summary>
internal struct DayWindow
{
    public long Start;
    public long End;
    public double Work;
    public double Passive;
    public int FirstPiece;
    public int LastPiece;
    /// <summary>Positions of the shifts the window holds (by start order; in calendar-day mode exactly these shifts).</summary>
    public int FirstPosition;
    public int LastPosition;
    public double NormalLimit;
    public double TotalLimit;
    public double Overtime;
    public LegalBasis? LongShiftBasis;
    public LegalBasis? TotalBasis;
}

/// <summary>
/// The working time of one assistant for one employer (the scope in which limits apply, rules.md § 0), for one
/// kind (planned or actual), with everything the rules judge: per-shift hours and windows, merged busy periods,
/// per-day and per-week sums, the 24-hour windows and legal overtime. Or, for <see cref="CrossEmployer"/>, the
/// assistant's work across all employers, which only ever gives <c>info</c>.
/// </summary>
internal sealed class Scope
{
    private const double Hour = 3600.0;

    public Scope(PreparedCheck check, int assistant, CompiledEmployer employer, bool actual, int[] positions, bool crossEmployer, ScopeBuffers? buffers = null)
    {
        _buffers = buffers;
        Check = check;
        AssistantIndex = assistant;
        Assistant = check.Input.Assistants[assistant];
        Employer = employer;
        Actual = actual;
        Shifts = positions;
        CrossEmployer = crossEmployer;
        var (fromDay, toDay) = check.Period;
        DayBase = fromDay - 2;
        Days = toDay - fromDay + 5;
        FirstWeek = employer.WeekOf(fromDay);
        LastWeek = employer.WeekOf(toDay);
        Weeks = LastWeek - FirstWeek + 1;
    }

    /// <summary>Arrays and lists to compute into, kept from one scope to the next of a run; null for fresh ones.</summary>
    private readonly ScopeBuffers? _buffers;

    public PreparedCheck Check { get; }
    public int AssistantIndex { get; }
    public AssistantProfile Assistant { get; }
    public CompiledEmployer Employer { get; }
    public bool Actual { get; }
    public bool CrossEmployer { get; }

    /// <summary>Indices into <see cref="PreparedCheck.Shifts"/>, sorted by start.</summary>
    public int[] Shifts { get; }

    public int DayBase { get; }
    public int Days { get; }
    public int FirstWeek { get; }
    public int LastWeek { get; }
    public int Weeks { get; }

    public double[] Work = [];
    public double[] Night = [];
    public double[] Sunday = [];
    public double[] Passive = [];
    public double[] Elapsed = [];
    public double[] PauseTotal = [];
    public double[] Overtime = [];
    public double[] Supplements = [];
    public int SupplementCount;

    public double[] DayWork = [];
    public double[] DayNight = [];
    public double[] DaySunday = [];
    public double[] WeekWork = [];
    public double[] WeekPassive = [];
    public double[] WeekOvertime = [];
    public double[] WeekNormal = [];
    public double[] WeekNormalLimit = [];
    public double[] WeekDailyOvertime = [];

    public List<WorkPiece> Pieces = [];
    public List<BusyPeriod> Busy = [];
    public List<DayWindow> Windows = [];

    /// <summary>AML-10-4-4: the weekly norm for this scope and why (null reason: the ordinary 40 h).</summary>
    public double WeeklyNorm;
    public string? NormReason;

    public ref readonly ShiftRow Row(int position) => ref Check.Shifts[Shifts[position]];

    public string ShiftId(int position) => Check.ShiftIds[Shifts[position]];

    public int LocalDay(long unixSeconds) => (int)Math.Floor(Check.Timeline.ToLocal(unixSeconds) / 86400.0);

    public WorkingTimeLimits LimitsAt(long unixSeconds) => Employer.LimitsOn(LocalDay(unixSeconds));

    public LegalBasis? Basis(LegalBasisKind kind, long unixSeconds)
        => CrossEmployer ? null : Employer.Basis(kind, Assistant.Id, LocalDay(unixSeconds));

    /// <summary>A zeroed array for one number per shift (per position, at least <paramref name="length"/> long: read only below it).</summary>
    private double[] PerShift(int slot, int length) => _buffers?.Take(slot, length, exact: false) ?? new double[length];

    /// <summary>A zeroed array of exactly <paramref name="length"/> (days or weeks of the period; rules read its length).</summary>
    private double[] PerSpan(int slot, int length) => _buffers?.Take(slot, length, exact: true) ?? new double[length];

    public void Compute()
    {
        ClassifyShifts();
        MergeBusy();
        DetermineNorm();
        BuildDayWindows();
        BuildWeeks();
    }

    private void ClassifyShifts()
    {
        var n = Shifts.Length;
        Work = PerShift(0, n);
        Night = PerShift(1, n);
        Sunday = PerShift(2, n);
        Passive = PerShift(3, n);
        Elapsed = PerShift(4, n);
        PauseTotal = PerShift(5, n);
        Overtime = PerShift(6, n);
        var classifier = Employer.Classifier;
        SupplementCount = CrossEmployer ? 0 : classifier.SupplementKeys.Count;
        Supplements = PerShift(7, n * SupplementCount);
        DayWork = PerSpan(8, Days);
        DayNight = PerSpan(9, Days);
        DaySunday = PerSpan(10, Days);
        Pieces = _buffers is { } b ? ScopeBuffers.Reuse(b.Pieces) : new List<WorkPiece>(n + 4);
        Span<(long, long)> parts = stackalloc (long, long)[8];
        Span<(long, long)> free = stackalloc (long, long)[16];
        var intervals = Check.Intervals;
        var timeline = Check.Timeline;

        for (var p = 0; p < n; p++)
        {
            ref readonly var row = ref Check.Shifts[Shifts[p]];
            Elapsed[p] = row.End - row.Start;
            _longest = Math.Max(_longest, row.End - row.Start);
            var factor = (row.Flags & ShiftTraits.OnCall) != 0 ? Employer.LimitsOn(LocalDay(row.Start)).OnCallFactor : 1.0;
            var passive = 0.0;
            for (var k = 0; k < row.PassiveCount; k++)
            {
                var iv = intervals[row.IntervalsStart + k];
                passive += iv.End - iv.Start;
            }
            Passive[p] = passive * factor;

            // Free pauses are not working time: cut them out, in order.
            var freeCount = 0;
            var pauseTotal = 0.0;
            for (var k = 0; k < row.PauseCount; k++)
            {
                var iv = intervals[row.IntervalsStart + row.PassiveCount + k];
                pauseTotal += iv.End - iv.Start;
                if (iv.Free && freeCount < free.Length) free[freeCount++] = (iv.Start, iv.End);
            }
            PauseTotal[p] = pauseTotal;
            if (freeCount > 1) free[..freeCount].Sort();

            var cursor = row.Start;
            for (var k = 0; k <= freeCount; k++)
            {
                var pieceEnd = k < freeCount ? free[k].Item1 : row.End;
                if (pieceEnd > cursor)
                {
                    Pieces.Add(new WorkPiece(cursor, pieceEnd, factor, p));
                    var count = timeline.Split(cursor, pieceEnd, parts);
                    for (var c = 0; c < count; c++) ClassifyLocal(parts[c].Item1, parts[c].Item2, factor, p, classifier);
                }
                if (k < freeCount) cursor = Math.Max(cursor, free[k].Item2);
            }
        }
        Pieces.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    private void ClassifyLocal(long localStart, long localEnd, double factor, int position, DayClassifier classifier)
    {
        var day = (int)Math.Floor(localStart / 86400.0);
        while (localStart < localEnd)
        {
            var dayStart = (long)day * 86400;
            var segmentEnd = Math.Min(localEnd, dayStart + 86400);
            var a = (int)(localStart - dayStart);
            var b = (int)(segmentEnd - dayStart);
            double night = 0, sunday = 0;
            foreach (var piece in classifier.For(day))
            {
                if (piece.To <= a) continue;
                if (piece.From >= b) break;
                if (piece.Mask == 0) continue;
                var overlap = (Math.Min(b, piece.To) - Math.Max(a, piece.From)) * factor;
                if ((piece.Mask & DayClassifier.NightBit) != 0) night += overlap;
                if ((piece.Mask & DayClassifier.SundayBit) != 0) sunday += overlap;
                if (SupplementCount > 0 && piece.Mask >> DayClassifier.FirstSupplementBit != 0)
                {
                    for (var c = 0; c < SupplementCount; c++)
                    {
                        if ((piece.Mask & (1 << (DayClassifier.FirstSupplementBit + c))) != 0) Supplements[(position * SupplementCount) + c] += overlap;
                    }
                }
            }
            var work = (b - a) * factor;
            Work[position] += work;
            Night[position] += night;
            Sunday[position] += sunday;
            var index = day - DayBase;
            if ((uint)index < (uint)Days)
            {
                DayWork[index] += work;
                DayNight[index] += night;
                DaySunday[index] += sunday;
            }
            localStart = segmentEnd;
            day++;
        }
    }

    private void MergeBusy()
    {
        Busy = _buffers is { } b ? ScopeBuffers.Reuse(b.Busy) : new List<BusyPeriod>(Shifts.Length);
        for (var p = 0; p < Shifts.Length; p++)
        {
            ref readonly var row = ref Check.Shifts[Shifts[p]];
            // On call away from the workplace is not presence: it neither breaks rest nor makes a long shift.
            if ((row.Flags & ShiftTraits.OnCall) != 0) continue;
            if (Busy.Count > 0 && row.Start <= Busy[^1].End)
            {
                var last = Busy[^1];
                Busy[^1] = last with { End = Math.Max(last.End, row.End), LastPosition = p };
            }
            else
            {
                Busy.Add(new BusyPeriod(row.Start, row.End, p, p));
            }
        }
    }

    private void DetermineNorm()
    {
        var limits = Employer.LimitsOn(Check.Period.FromDay);
        WeeklyNorm = limits.WeeklyNormalHours;
        NormReason = null;
        if (CrossEmployer || Shifts.Length == 0) return;
        double total = 0, night = 0;
        bool day = false, evening = false, nightShift = false, continuous = false;
        for (var p = 0; p < Shifts.Length; p++)
        {
            total += Work[p];
            night += Night[p];
            if (Night[p] >= limits.NightWorker.NightShiftHours * Hour) nightShift = true;
            var arrangement = Row(p).Arrangement;
            if (arrangement >= 0 && Check.FullyContinuous[arrangement]) continuous = true;
        }
        foreach (var piece in Pieces)
        {
            var localStart = Check.Timeline.ToLocal(piece.Start);
            var localEnd = localStart + (piece.End - piece.Start);
            if (Overlaps(localStart, localEnd, 6, 17)) day = true;
            if (Overlaps(localStart, localEnd, 17, 21)) evening = true;
        }
        var sundays = 0;
        var sundaysWorked = 0;
        for (var epochDay = Check.Period.FromDay; epochDay <= Check.Period.ToDay; epochDay++)
        {
            if (NorwegianCalendar.IsoDayOfWeek(epochDay) != 7) continue;
            sundays++;
            if (SundayOccasionWorked(epochDay)) sundaysWorked++;
        }
        var roundTheClock = day && evening && nightShift;
        if (continuous && roundTheClock)
        {
            WeeklyNorm = limits.ContinuousWeeklyHours;
            NormReason = "helkontinuerlig turnus";
        }
        else if (roundTheClock)
        {
            WeeklyNorm = limits.ReducedWeeklyHours;
            NormReason = "turnus døgnet rundt";
        }
        else if (total > 0 && night / total > 0.5)
        {
            WeeklyNorm = limits.ReducedWeeklyHours;
            NormReason = "hovedsakelig nattarbeid";
        }
        else if (sundays >= 3 && sundaysWorked * 3 >= sundays)
        {
            WeeklyNorm = limits.ReducedWeeklyHours;
            NormReason = "arbeid minst hver tredje søndag";
        }
    }

    private static bool Overlaps(long localStart, long localEnd, int fromHour, int toHour)
    {
        for (var d = (long)Math.Floor(localStart / 86400.0); d * 86400 < localEnd; d++)
        {
            var from = (d * 86400) + (fromHour * 3600);
            var to = (d * 86400) + (toHour * 3600);
            if (localStart < to && localEnd > from) return true;
        }
        return false;
    }

    /// <summary>Whether work falls in the Sunday/holiday window that belongs to a red day (its own part and its eve).</summary>
    public bool SundayOccasionWorked(int epochDay)
    {
        var index = epochDay - DayBase;
        if ((uint)index >= (uint)Days) return false;
        if (DaySunday[index] > 0) return true;
        return index > 0 && !NorwegianCalendar.IsRedDay(epochDay - 1) && DaySunday[index - 1] > 0;
    }

    private void BuildDayWindows()
    {
        Windows = _buffers is { } b ? ScopeBuffers.Reuse(b.Windows) : new List<DayWindow>(Shifts.Length + 4);
        if (Pieces.Count == 0) return;
        if (Employer.Profile.Settings.DayWindow == DayWindowMode.CalendarDay) BuildCalendarDays();
        else BuildRollingWindows();
        AssignDailyOvertime();
    }

    /// <summary>Each shift counts in full on the local day it starts; a day's window holds the shifts that start on it.</summary>
    private void BuildCalendarDays()
    {
        var p = 0;
        while (p < Shifts.Length)
        {
            var day = LocalDay(Row(p).Start);
            var window = new DayWindow { Start = Row(p).Start, End = Row(p).End, FirstPosition = p, FirstPiece = -1, LastPiece = -1 };
            while (p < Shifts.Length && LocalDay(Row(p).Start) == day)
            {
                window.Work += Work[p];
                window.Passive += Passive[p];
                window.End = Math.Max(window.End, Row(p).End);
                window.LastPosition = p;
                p++;
            }
            SetDailyLimits(ref window);
            window.Overtime = Math.Max(0, window.Work - window.NormalLimit);
            Windows.Add(window);
        }
    }

    /// <summary>
    /// 24 hours from the start of work: a window starts at a shift start; the next starts at the first shift start
    /// after it ends, or at its end while work goes on.
    /// </summary>
    private void BuildRollingWindows()
    {
        var first = 0;
        var start = Pieces[0].Start;
        while (true)
        {
            var end = start + 86400;
            var window = new DayWindow { Start = start, End = end, FirstPiece = -1, LastPiece = -1, FirstPosition = int.MaxValue, LastPosition = -1 };
            var ongoing = false;
            for (var j = first; j < Pieces.Count; j++)
            {
                var piece = Pieces[j];
                if (piece.Start >= end) break;
                if (piece.End <= start) continue;
                var overlap = Math.Min(end, piece.End) - Math.Max(start, piece.Start);
                window.Work += overlap * piece.Factor;
                window.Passive += PassiveOverlap(piece, start, end);
                if (window.FirstPiece < 0) window.FirstPiece = j;
                window.LastPiece = j;
                window.FirstPosition = Math.Min(window.FirstPosition, piece.Position);
                window.LastPosition = Math.Max(window.LastPosition, piece.Position);
                if (piece.End > end) ongoing = true;
            }
            if (window.FirstPiece >= 0)
            {
                SetDailyLimits(ref window);
                window.Overtime = Math.Max(0, window.Work - window.NormalLimit);
                Windows.Add(window);
            }
            while (first < Pieces.Count && Pieces[first].End <= end) first++;
            if (first >= Pieces.Count) break;
            if (ongoing) start = end;
            else
            {
                var next = long.MaxValue;
                for (var j = first; j < Pieces.Count && Pieces[j].Start < next; j++) next = Math.Min(next, Math.Max(end, Pieces[j].Start));
                start = next;
            }
        }
    }

    private long StartOfLocalDay(long unixSeconds) => Check.Timeline.StartOfDay(LocalDay(unixSeconds));

    private double PassiveOverlap(WorkPiece piece, long start, long end)
    {
        ref readonly var row = ref Row(piece.Position);
        var total = 0.0;
        for (var k = 0; k < row.PassiveCount; k++)
        {
            var iv = Check.Intervals[row.IntervalsStart + k];
            var from = Math.Max(Math.Max(iv.Start, piece.Start), start);
            var to = Math.Min(Math.Min(iv.End, piece.End), end);
            if (to > from) total += (to - from) * piece.Factor;
        }
        return total;
    }

    private void SetDailyLimits(ref DayWindow window)
    {
        var limits = LimitsAt(window.Start);
        var normal = limits.DailyNormalHours;
        var total = limits.TotalDailyHours;
        if (Basis(LegalBasisKind.AveragingByConsent, window.Start) is { } consent) normal = (consent.Averaging ?? limits.AveragingByConsent).DailyHours;
        else if (Basis(LegalBasisKind.AveragingByTariff, window.Start) is not null) normal = limits.AveragingByTariff.DailyHours;
        else if (Basis(LegalBasisKind.AveragingByAgreement, window.Start) is not null) normal = limits.AveragingByAgreement.DailyHours;
        if (window.Work > 0 && window.Passive / window.Work >= limits.MainlyPassiveShare)
        {
            normal += Math.Min(limits.PassiveExtensionDailyHours, window.Passive * limits.PassiveExtensionShare / Hour);
        }
        if (Basis(LegalBasisKind.LongerDayByTariff, window.Start) is { } tariff)
        {
            total = limits.TotalDailyByTariffHours;
            window.TotalBasis = tariff;
        }
        var longShift = Basis(LegalBasisKind.TariffDeviation, window.Start) ?? Basis(LegalBasisKind.Arbeidstilsynet, window.Start);
        if (longShift is not null)
        {
            window.LongShiftBasis = longShift;
            normal = Math.Max(normal, longShift.LongShift.MaxShiftHours);
            total = Math.Max(total, longShift.LongShift.MaxShiftHours);
        }
        window.NormalLimit = Math.Min(normal, total) * Hour;
        window.TotalLimit = total * Hour;
    }

    private void AssignDailyOvertime()
    {
        for (var w = 0; w < Windows.Count; w++)
        {
            var window = Windows[w];
            var left = window.Overtime;
            if (window.FirstPiece < 0)
            {
                for (var p = window.LastPosition; p >= window.FirstPosition && left > 0; p--)
                {
                    var take = Math.Min(left, Work[p]);
                    Overtime[p] += take;
                    left -= take;
                }
                continue;
            }
            for (var j = window.LastPiece; j >= window.FirstPiece && left > 0; j--)
            {
                var piece = Pieces[j];
                var overlap = (Math.Min(window.End, piece.End) - Math.Max(window.Start, piece.Start)) * piece.Factor;
                if (overlap <= 0) continue;
                var take = Math.Min(left, overlap);
                Overtime[piece.Position] += take;
                left -= take;
            }
        }
    }

    private void BuildWeeks()
    {
        _weekStarts = _buffers?.WeekStarts(Weeks + 1) ?? new long[Weeks + 1];
        for (var w = 0; w <= Weeks; w++) _weekStarts[w] = Check.Timeline.StartOfDay(Employer.WeekStartDay(w + FirstWeek));
        WeekWork = PerSpan(11, Weeks);
        WeekPassive = PerSpan(12, Weeks);
        WeekOvertime = PerSpan(13, Weeks);
        WeekNormal = PerSpan(14, Weeks);
        WeekNormalLimit = PerSpan(15, Weeks);
        for (var d = 0; d < Days; d++)
        {
            if (DayWork[d] == 0) continue;
            var week = Employer.WeekOf(d + DayBase) - FirstWeek;
            if ((uint)week < (uint)Weeks) WeekWork[week] += DayWork[d];
        }
        var dailyOvertime = WeekDailyOvertime = PerSpan(16, Weeks);
        foreach (var window in Windows)
        {
            var week = Employer.WeekOf(LocalDay(window.Start)) - FirstWeek;
            if ((uint)week < (uint)Weeks) dailyOvertime[week] += window.Overtime;
        }
        for (var p = 0; p < Shifts.Length; p++)
        {
            var week = Employer.WeekOf(LocalDay(Row(p).Start)) - FirstWeek;
            if ((uint)week < (uint)Weeks) WeekPassive[week] += Passive[p];
        }
        for (var w = 0; w < Weeks; w++)
        {
            var startDay = Employer.WeekStartDay(w + FirstWeek);
            var limits = Employer.LimitsOn(startDay);
            var at = _weekStarts[w];
            var limit = Math.Min(WeeklyNorm, limits.WeeklyNormalHours);
            if (Basis(LegalBasisKind.AveragingByConsent, at) is { } consent) limit = (consent.Averaging ?? limits.AveragingByConsent).SingleWeekHours;
            else if (Basis(LegalBasisKind.AveragingByTariff, at) is not null) limit = limits.AveragingByTariff.SingleWeekHours;
            else if (Basis(LegalBasisKind.AveragingByAgreement, at) is not null) limit = limits.AveragingByAgreement.SingleWeekHours;
            if (WeekWork[w] > 0 && WeekPassive[w] / WeekWork[w] >= limits.MainlyPassiveShare)
            {
                limit = Math.Min(limits.PassiveWeeklyCapHours, limit + Math.Min(limits.PassiveExtensionWeeklyHours, WeekPassive[w] * limits.PassiveExtensionShare / Hour));
            }
            WeekNormalLimit[w] = limit * Hour;
            var normal = WeekWork[w] - dailyOvertime[w];
            var weekly = Math.Max(0, normal - WeekNormalLimit[w]);
            WeekOvertime[w] = dailyOvertime[w] + weekly;
            WeekNormal[w] = WeekWork[w] - WeekOvertime[w];
            if (weekly > 0) AssignWeeklyOvertime(w, weekly);
        }
    }

    private void AssignWeeklyOvertime(int week, double amount)
    {
        for (var p = Shifts.Length - 1; p >= 0 && amount > 0; p--)
        {
            var w = Employer.WeekOf(LocalDay(Row(p).Start)) - FirstWeek;
            if (w > week) continue;
            if (w < week) break;
            var room = Work[p] - Overtime[p];
            if (room <= 0) continue;
            var take = Math.Min(room, amount);
            Overtime[p] += take;
            amount -= take;
        }
    }

    /// <summary>Instant of the start of a week of this scope (index from <see cref="FirstWeek"/>).</summary>
    public long WeekStart(int week)
        => (uint)week <= (uint)Weeks ? _weekStarts[week] : Check.Timeline.StartOfDay(Employer.WeekStartDay(week + FirstWeek));

    private long[] _weekStarts = [];

    /// <summary>Positions of the shifts that start in weeks [from, to] (indices from <see cref="FirstWeek"/>).</summary>
    public List<string> ShiftIdsInWeeks(int from, int to)
    {
        var start = WeekStart(from);
        var end = WeekStart(to + 1);
        var ids = new List<string>();
        for (var p = FirstEndingAfter(start); p < Shifts.Length; p++)
        {
            ref readonly var row = ref Row(p);
            if (row.Start >= end) break;
            if (row.End > start) ids.Add(ShiftId(p));
        }
        return ids;
    }

    /// <summary>Whether the shifts at positions [first, last] belong to more than one employer.</summary>
    public bool ManyEmployers(int first, int last)
    {
        for (var p = first + 1; p <= last; p++) if (Row(p).Employer != Row(first).Employer) return true;
        return false;
    }

    /// <summary>Whether the shifts that overlap [from, to) belong to more than one employer.</summary>
    public bool ManyEmployersIn(long from, long to)
    {
        var employer = -1;
        for (var p = FirstEndingAfter(from); p < Shifts.Length; p++)
        {
            ref readonly var row = ref Row(p);
            if (row.Start >= to) break;
            if (row.End <= from) continue;
            if (employer < 0) employer = row.Employer;
            else if (row.Employer != employer) return true;
        }
        return false;
    }

    private List<RestGap>? _dailyRests;
    private (long From, long To)[]? _weeklyRests;

    /// <summary>The daily rests shorter than the statutory 11 hours (AML-10-8-1 and AML-10-8-3 both judge them).</summary>
    public List<RestGap> ShortDailyRests => _dailyRests ??= Rest.Daily(this, Employer.LimitsOn(Check.Period.FromDay).DailyRestHours * 3600);

    /// <summary>The longest free period inside each week (AML-10-8-2 and AML-10-8-3 both judge them).</summary>
    public (long From, long To)[] WeeklyRests
    {
        get
        {
            if (_weeklyRests is not null) return _weeklyRests;
            var rests = new (long, long)[Weeks];
            var cursor = 0;
            for (var w = 0; w < Weeks; w++) rests[w] = Rest.LongestInWeek(this, w, ref cursor);
            return _weeklyRests = rests;
        }
    }

    /// <summary>Ids of the shifts a day window holds.</summary>
    public List<string> ShiftIdsOf(DayWindow window)
    {
        if (window.FirstPiece >= 0) return ShiftIdsIn(window.Start, window.End);
        var ids = new List<string>(window.LastPosition - window.FirstPosition + 1);
        for (var p = window.FirstPosition; p <= window.LastPosition; p++) ids.Add(ShiftId(p));
        return ids;
    }

    /// <summary>The longest shift of the scope, in seconds (set by <see cref="Compute"/>).</summary>
    private long _longest;

    /// <summary>
    /// The first position whose shift can end after <paramref name="from"/>: shifts are sorted by start and none is longer than
    /// the longest, so every shift that starts before <c>from - longest</c> has ended by then. A full year's check names the
    /// shifts of some 200,000 findings; scanning from the first shift each time was a tenth of its time (issue 21, P1).
    /// </summary>
    private int FirstEndingAfter(long from)
    {
        var bound = from - _longest;
        int low = 0, high = Shifts.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Row(mid).Start < bound) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>Ids of the shifts that overlap [from, to).</summary>
    public List<string> ShiftIdsIn(long from, long to)
    {
        var first = FirstEndingAfter(from);
        var count = 0;
        for (var p = first; p < Shifts.Length && Row(p).Start < to; p++) if (Row(p).End > from) count++;
        var ids = new List<string>(count);
        for (var p = first; p < Shifts.Length; p++)
        {
            ref readonly var row = ref Row(p);
            if (row.Start >= to) break;
            if (row.End > from) ids.Add(ShiftId(p));
        }
        return ids;
    }
}

/// <summary>
/// The arrays and lists scopes compute into, handed from one scope to the next of a full check: each scope is computed,
/// judged and stored before the next is made, so they never overlap (issue 21, P1: fresh arrays for every scope were a third
/// of what a year's check allocated). One per run and thread; never shared.
/// </summary>
internal sealed class ScopeBuffers
{
    private readonly double[]?[] _doubles = new double[]?[17];
    private long[] _weekStarts = [];

    public List<WorkPiece> Pieces { get; } = [];
    public List<BusyPeriod> Busy { get; } = [];
    public List<DayWindow> Windows { get; } = [];

    /// <summary>The slot's array zeroed up to <paramref name="length"/>: grown when too short, and with <paramref name="exact"/> made anew unless just as long.</summary>
    public double[] Take(int slot, int length, bool exact)
    {
        var array = _doubles[slot];
        if (array is null || array.Length < length || (exact && array.Length != length))
            return _doubles[slot] = new double[exact ? length : Math.Max(length, (array?.Length ?? 0) * 2)];
        Array.Clear(array, 0, length);
        return array;
    }

    public long[] WeekStarts(int length) => _weekStarts.Length == length ? _weekStarts : _weekStarts = new long[length];

    public static List<T> Reuse<T>(List<T> list)
    {
        list.Clear();
        return list;
    }
}
