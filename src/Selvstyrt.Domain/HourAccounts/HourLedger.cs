using NodaTime;
using NodaTime.Calendars;
using Selvstyrt.Domain.Arrangements;

namespace Selvstyrt.Domain.HourAccounts;

/// <summary>
/// One decision version as the hour account needs it, with the span of its whole chain of versions
/// (for the averaging period «the decision period»).
/// </summary>
public sealed record GrantVersion(
    LocalDate From, LocalDate? To, decimal Hours, GrantUnit Unit, bool SavingAllowed, AveragingPeriod Averaging,
    UnusedHoursPolicy Unused, LocalDate ChainFrom, LocalDate? ChainTo, IReadOnlyList<NeedHours> Needs)
{
    public bool Covers(LocalDate date) => From <= date && (To is null || date <= To);

    /// <summary>VEDTAK-1: the allotment of one day. Per week: hours / 7; per month: hours / days in the month; per year: hours / days in the year.</summary>
    public decimal AllotmentOn(LocalDate date) => PerDay(Hours, date);

    /// <summary>One need's allotment on a day, when the decision states hours per need.</summary>
    public decimal NeedAllotmentOn(DecisionPurposes need, LocalDate date)
        => Needs.FirstOrDefault(n => n.Need == need)?.Hours is { } h ? PerDay(h, date) : 0m;

    /// <summary>The period saved hours belong to: the averaging period, or the week when saving is not allowed.</summary>
    public AveragingPeriod EffectiveAveraging => SavingAllowed ? Averaging : AveragingPeriod.Week;

    private decimal PerDay(decimal hours, LocalDate date) => Unit switch
    {
        GrantUnit.Month => hours / CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month),
        GrantUnit.Year => hours / CalendarSystem.Iso.GetDaysInYear(date.Year),
        _ => hours / 7m,
    };

    public static GrantVersion Of(DecisionTerms terms, LocalDate chainFrom, LocalDate? chainTo)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return new GrantVersion(terms.ValidFrom, terms.ValidTo, terms.Hours, terms.Unit, terms.SavingAllowed, terms.Averaging, terms.Unused, chainFrom, chainTo, terms.Needs);
    }
}

/// <summary>The kinds of period the hour account sums over.</summary>
public enum AccountPeriodKind
{
    Week,
    Month,
    Year,

    /// <summary>The decision's averaging period (when it is none of the above).</summary>
    Averaging,
}

/// <summary>One ISO week of the hour account (the handbook's appendix 5, live).</summary>
public sealed record WeekRow(
    int WeekYear, int Week, LocalDate From, LocalDate To, decimal Granted, decimal Planned, decimal Used, decimal Unused,
    bool Complete, decimal? Difference, decimal? Balance, decimal CumulativeGranted, decimal CumulativePlanned,
    decimal? CumulativeUsed, decimal? CumulativeForecast);

/// <summary>
/// A period's account: the allotment for the whole period and to date (days before today), hours used to
/// date, the opening balance, the forecast (used to date + planned hours where a published plan covers the day,
/// else the run rate) and VEDTAK-1's deviation from the allotment.
/// </summary>
public sealed record PeriodSummary(
    AccountPeriodKind Kind, AveragingPeriod? Averaging, LocalDate From, LocalDate To, decimal Allotted, decimal AllottedToDate,
    decimal UsedToDate, decimal Unused, decimal Opening, decimal Planned, decimal PlannedRest, decimal RunRateRest, decimal Forecast,
    decimal? ToDateDeviationPercent, decimal? ForecastDeviationPercent, bool Warn)
{
    /// <summary>Allotted to date (plus opening balance) less used to date: positive is saved, negative overdrawn.</summary>
    public decimal BalanceToDate => AllottedToDate + Opening - UsedToDate;
}

/// <summary>The inputs of one arrangement's hour account.</summary>
public sealed record LedgerInput(
    IReadOnlyList<GrantVersion> Grants, IReadOnlyDictionary<LocalDate, DayHours> Days,
    IReadOnlyList<(LocalDate Date, decimal Hours)> Openings, LocalDate Today, decimal ThresholdPercent);

/// <summary>
/// The hour account (timekonto) of one arrangement, VEDTAK-1: allotment per day from the decision version in
/// force, hours used on past days, balances within the averaging period (reset at its end unless the decision
/// carries unused hours over), and the forecast to the period's end. Pure: the same input gives the same account.
/// </summary>
public sealed class HourLedger
{
    /// <summary>Days of history the run rate is taken from.</summary>
    public const int RunRateDays = 28;

    private readonly LedgerInput _input;
    private Dictionary<LocalDate, decimal>? _balanceAtEndOf;
    private readonly decimal _runRatePerDay;

    public HourLedger(LedgerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _runRatePerDay = ComputeRunRate();
    }

    public LocalDate Today => _input.Today;

    /// <summary>Average hours used per day over the last <see cref="RunRateDays"/> days with a decision; the allotment when there is no history.</summary>
    public decimal RunRatePerDay => _runRatePerDay;

    public GrantVersion? GrantOn(LocalDate date) => _input.Grants.FirstOrDefault(g => g.Covers(date));

    public decimal Granted(LocalDate date) => GrantOn(date)?.AllotmentOn(date) ?? 0m;

    public DayHours Day(LocalDate date) => _input.Days.TryGetValue(date, out var d) ? d : default;

    /// <summary>Hours used: only for days before today.</summary>
    public decimal Used(LocalDate date) => date < Today ? Day(date).Used : 0m;

    public decimal Opening(LocalDate from, LocalDate to) => _input.Openings.Where(o => o.Date >= from && o.Date <= to).Sum(o => o.Hours);

    /// <summary>The saved (positive) or overdrawn (negative) balance at the end of a past day, in its averaging period.</summary>
    public decimal? BalanceAtEndOf(LocalDate date) => (_balanceAtEndOf ??= ComputeBalances()).TryGetValue(date, out var b) ? b : null;

    /// <summary>The period of a kind that contains the date.</summary>
    public (LocalDate From, LocalDate To) PeriodOf(AveragingPeriod kind, LocalDate date)
    {
        switch (kind)
        {
            case AveragingPeriod.Week:
                var monday = date.PlusDays(-((int)date.DayOfWeek - 1));
                return (monday, monday.PlusDays(6));
            case AveragingPeriod.Month:
                return (new LocalDate(date.Year, date.Month, 1), new LocalDate(date.Year, date.Month, 1).PlusMonths(1).PlusDays(-1));
            case AveragingPeriod.Season:
                // December belongs to the winter of the next year's January and February.
                var startMonth = date.Month == 12 ? 12 : date.Month < 3 ? 12 : date.Month - ((date.Month - 3) % 3);
                var startYear = date.Month < 3 ? date.Year - 1 : date.Year;
                var start = new LocalDate(startYear, startMonth, 1);
                return (start, start.PlusMonths(3).PlusDays(-1));
            case AveragingPeriod.DecisionPeriod:
                var grant = GrantOn(date);
                if (grant is not null) return (grant.ChainFrom, grant.ChainTo ?? new LocalDate(date.Year, 12, 31));
                return (new LocalDate(date.Year, 1, 1), new LocalDate(date.Year, 12, 31));
            default:
                return (new LocalDate(date.Year, 1, 1), new LocalDate(date.Year, 12, 31));
        }
    }

    /// <summary>The account of one period.</summary>
    public PeriodSummary Summary(AccountPeriodKind kind, LocalDate from, LocalDate to, AveragingPeriod? averaging = null)
    {
        decimal allotted = 0, allottedToDate = 0, used = 0, unused = 0, planned = 0, plannedRest = 0, runRateRest = 0;
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var granted = Granted(date);
            var day = Day(date);
            allotted += granted;
            planned += day.Planned;
            if (date < Today)
            {
                allottedToDate += granted;
                used += day.Used;
                unused += day.UnusedTotal;
            }
            else if (day.Covered)
            {
                plannedRest += day.Planned;
            }
            else if (GrantOn(date) is not null)
            {
                runRateRest += _runRatePerDay;
            }
        }
        var opening = Opening(from, to);
        var openingToDate = Opening(from, LocalDate.Min(to, Today.PlusDays(-1)));
        var forecast = used + plannedRest + runRateRest;
        decimal? toDate = allottedToDate > 0 ? Percent(used - allottedToDate - openingToDate, allottedToDate) : null;
        decimal? forecastDeviation = allotted > 0 ? Percent(forecast - allotted - opening, allotted) : null;
        var warn = forecastDeviation is { } f && f > _input.ThresholdPercent;
        return new PeriodSummary(kind, averaging, from, to, allotted, allottedToDate, used, unused, opening, planned, plannedRest, runRateRest,
            forecast, toDate, forecastDeviation, warn);
    }

    /// <summary>This week, this month, this year and, when it differs, the decision's averaging period, all around today.</summary>
    public IReadOnlyList<PeriodSummary> Current()
    {
        var list = new List<PeriodSummary>();
        var week = PeriodOf(AveragingPeriod.Week, Today);
        list.Add(Summary(AccountPeriodKind.Week, week.From, week.To));
        var month = PeriodOf(AveragingPeriod.Month, Today);
        list.Add(Summary(AccountPeriodKind.Month, month.From, month.To));
        var year = PeriodOf(AveragingPeriod.CalendarYear, Today);
        list.Add(Summary(AccountPeriodKind.Year, year.From, year.To));
        if (GrantOn(Today) is { } grant && grant.EffectiveAveraging is AveragingPeriod.Season or AveragingPeriod.DecisionPeriod)
        {
            var p = PeriodOf(grant.EffectiveAveraging, Today);
            list.Add(Summary(AccountPeriodKind.Averaging, p.From, p.To, grant.EffectiveAveraging));
        }
        return list;
    }

    /// <summary>ISO weeks over [from, to], each cut to the range, with cumulative figures for the chart.</summary>
    public IReadOnlyList<WeekRow> Weeks(LocalDate from, LocalDate to)
    {
        var rows = new List<WeekRow>();
        decimal cumGranted = 0, cumPlanned = 0, cumUsed = 0, cumForecast = 0;
        var rules = WeekYearRules.Iso;
        var start = from;
        while (start <= to)
        {
            var monday = start.PlusDays(-((int)start.DayOfWeek - 1));
            var end = LocalDate.Min(monday.PlusDays(6), to);
            decimal granted = 0, planned = 0, used = 0, unused = 0, forecastPart = 0;
            for (var date = start; date <= end; date = date.PlusDays(1))
            {
                var day = Day(date);
                granted += Granted(date);
                planned += day.Planned;
                if (date < Today)
                {
                    used += day.Used;
                    unused += day.UnusedTotal;
                    forecastPart += day.Used;
                }
                else
                {
                    forecastPart += day.Covered ? day.Planned : GrantOn(date) is not null ? _runRatePerDay : 0m;
                }
            }
            var complete = end < Today;
            var started = start < Today;
            cumGranted += granted;
            cumPlanned += planned;
            cumUsed += used;
            cumForecast += forecastPart;
            rows.Add(new WeekRow(rules.GetWeekYear(start), rules.GetWeekOfWeekYear(start), start, end, granted, planned, used, unused, complete,
                complete ? granted - used : null, complete ? BalanceAtEndOf(end) : null, cumGranted, cumPlanned,
                started ? cumUsed : null, end >= Today ? cumForecast : null));
            start = end.PlusDays(1);
        }
        return rows;
    }

    private static decimal Percent(decimal part, decimal whole) => Math.Round(part / whole * 100m, 1, MidpointRounding.AwayFromZero);

    private decimal ComputeRunRate()
    {
        decimal used = 0;
        var days = 0;
        for (var date = Today.PlusDays(-RunRateDays); date < Today; date = date.PlusDays(1))
        {
            if (GrantOn(date) is null) continue;
            used += Day(date).Used;
            days++;
        }
        return days > 0 ? used / days : Granted(Today);
    }

    /// <summary>
    /// Walks every past day from the first decision (once, when a balance is first asked for): adds the day's allotment less the hours used, and the
    /// opening balances, resetting at each averaging period's start unless the decision carries hours over.
    /// </summary>
    private Dictionary<LocalDate, decimal> ComputeBalances()
    {
        var balances = new Dictionary<LocalDate, decimal>();
        if (_input.Grants.Count == 0) return balances;
        var first = _input.Grants.Min(g => g.From);
        foreach (var o in _input.Openings) first = LocalDate.Min(first, o.Date);
        decimal balance = 0;
        (LocalDate From, LocalDate To)? period = null;
        for (var date = first; date < Today; date = date.PlusDays(1))
        {
            var grant = GrantOn(date);
            var kind = grant?.EffectiveAveraging ?? AveragingPeriod.Week;
            if (period is null || date > period.Value.To || date < period.Value.From)
            {
                var carries = grant is { SavingAllowed: true, Unused: UnusedHoursPolicy.CarriedOver };
                if (!carries) balance = 0;
                period = PeriodOf(kind, date);
            }
            balance += Granted(date) - Day(date).Used;
            foreach (var o in _input.Openings) if (o.Date == date) balance += o.Hours;
            balances[date] = balance;
        }
        return balances;
    }
}
