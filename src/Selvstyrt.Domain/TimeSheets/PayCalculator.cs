using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>The pay categories a pay basis is made of; supplement categories use the agreement's keys (SUPP-1).</summary>
public static class PayCategory
{
    /// <summary>Ordinary hours (including extra hours of part-timers, merarbeid), passive time and overtime excluded.</summary>
    public const string Normal = "normal";
    /// <summary>Passive time at the agreement's factor (PASSIVE-1).</summary>
    public const string Passive = "passive";
    /// <summary>Overtime at the ordinary premium.</summary>
    public const string Overtime = "overtime";
    /// <summary>Overtime at the high premium (21:00-06:00, Sundays and public holidays).</summary>
    public const string OvertimeHigh = "overtimeHigh";

    /// <summary>Sick pay in the employer period (SYK-8-19): the hours the assistant was planned to work on those days.</summary>
    public const string SickPay = "sickPay";
    /// <summary>The employer's sick-child days (OMS-PAY): the planned hours of the year's first ten days.</summary>
    public const string SickChildPay = "sickChildPay";
    /// <summary>Leave the employer pays (welfare leave): the planned hours of its days.</summary>
    public const string PaidLeave = "paidLeave";
    /// <summary>Granted holiday (FER): the planned hours of its days, at no rate; the holiday is paid as holiday pay.</summary>
    public const string HolidayLeave = "holidayLeave";

    /// <summary>
    /// Whether a category is worked time (not a supplement, which labels time already counted, nor paid absence): what the
    /// hour account and the working-time record count, and an export's total minutes.
    /// </summary>
    public static bool IsTime(string category) => category is Normal or Passive or Overtime or OvertimeHigh;

    /// <summary>Whether a category is paid absence (hours the assistant was planned for and did not work).</summary>
    public static bool IsAbsence(string category) => category is SickPay or SickChildPay or PaidLeave or HolidayLeave;

    /// <summary>The fixed categories, in output order (supplements follow in the agreement's order).</summary>
    public static IReadOnlyList<string> Fixed { get; } = [Normal, Passive, Overtime, OvertimeHigh, SickPay, SickChildPay, PaidLeave, HolidayLeave];

    /// <summary>Norwegian names of the fixed categories; supplements are named by their agreement.</summary>
    public static string Name(string category, Tariff? tariff) => category switch
    {
        Normal => "Ordinær tid",
        Passive => "Passiv tid",
        Overtime => "Overtid (ordinær sats)",
        OvertimeHigh => "Overtid (høy sats)",
        SickPay => "Sykepenger i arbeidsgiverperioden",
        SickChildPay => "Omsorgsdager (sykt barn), arbeidsgiverens dager",
        PaidLeave => "Betalt permisjon",
        HolidayLeave => "Ferie (planlagte timer, betales som feriepenger)",
        _ => tariff?.Parameters.Rows.SelectMany(r => r.Value.Supplements).FirstOrDefault(s => s.Key == category)?.Name ?? category,
    };
}

/// <summary>An assistant as pay sees them: the contract's hourly wage, seniority, and the weekly norm the minimum is scaled to.</summary>
public sealed record PayProfile(Guid AssistantId, decimal? ContractWage, int SeniorityYears, decimal WeeklyNorm);

/// <summary>One entry to pay for (worked time that counts).</summary>
public sealed record PayEntry(Guid EntryId, Guid AssistantId, Guid ArrangementId, LocalDate Date, EntryTimes Times, bool OnCall);

/// <summary>The employer, its agreement and the entries.</summary>
public sealed record PayRequest(string EmployerId, Regime Regime, Tariff? Tariff, decimal? PassiveFactor, IReadOnlyList<PayProfile> Assistants, IReadOnlyList<PayEntry> Entries)
{
    /// <summary>Entries that are in the run for the rules only (neighbouring days, other months): judged, not paid.</summary>
    public IReadOnlyList<PayEntry> Context { get; init; } = [];

    /// <summary>The employer's legal bases (its working-time agreements): legal overtime, rest and long shifts are judged by them.</summary>
    public IReadOnlyList<LegalBasis> LegalBases { get; init; } = [];

    /// <summary>A tariff night window (AML-10-11-9 agreement), or null for the law's 21-06.</summary>
    public (LocalTime From, LocalTime To)? NightWindow { get; init; }
}

/// <summary>Minutes of one category at one rate, and what they pay (rounded to øre).</summary>
public sealed record PayItem(string Category, long Minutes, decimal Rate, decimal Amount)
{
    /// <summary>Minutes at an hourly rate (rounded to øre; no rate pays nothing); null for no minutes.</summary>
    public static PayItem? Priced(string category, long minutes, decimal? rate)
    {
        if (minutes == 0) return null;
        var r = rate is { } x ? Math.Round(x, 2, MidpointRounding.AwayFromZero) : 0m;
        return new PayItem(category, minutes, r, Math.Round(minutes * r / 60m, 2, MidpointRounding.AwayFromZero));
    }
}

/// <summary>The pay basis of one entry.</summary>
public sealed record PayLine(Guid EntryId, Guid AssistantId, LocalDate Date, long WorkedMinutes, long LegalOvertimeMinutes, decimal? Wage, decimal? MinimumWage, IReadOnlyList<PayItem> Items)
{
    /// <summary>Whether the contract wage was below the agreement's minimum and the minimum was used (MINPAY-1).</summary>
    public bool LiftedToMinimum { get; init; }
    /// <summary>Whether passive time had no agreed factor and was paid in full (PASSIVE-1).</summary>
    public bool PassiveAtFullRate { get; init; }
    public decimal Amount => Items.Sum(i => i.Amount);
}

/// <summary>One assistant's monthly pay basis: the entry lines summed per category and rate.</summary>
public sealed record PayBasis(Guid AssistantId, IReadOnlyList<PayItem> Items)
{
    public decimal Amount => Items.Sum(i => i.Amount);
    public long Minutes(string category) => Items.Where(i => i.Category == category).Sum(i => i.Minutes);
}

/// <summary>What a pay run gives: a line per paid entry and the rules engine's findings on the actual time.</summary>
public sealed record PayResult(IReadOnlyList<PayLine> Lines, IReadOnlyList<Finding> Findings)
{
    /// <summary>The monthly pay basis per assistant, summed from the lines (so the two always agree).</summary>
    public IReadOnlyList<PayBasis> Bases() => [.. Lines.GroupBy(l => l.AssistantId).Select(g => PayCalculator.Sum(g.Key, g))];
}

/// <summary>
/// Turns actual time into a pay basis. The rules engine runs on the entries as actual shifts (all of the employer's
/// arrangements at once) and gives, per entry, counted working time, legal overtime, passive time and the supplement
/// minutes of the agreement in force on the date (SUPP-1); this class adds the money: the contract wage lifted to the
/// agreement's minimum for the seniority (MINPAY-1), passive time at the agreement's factor (PASSIVE-1), overtime at
/// the ordinary or high premium, and each supplement's rate. Pure and single-threaded; amounts are rounded to øre per
/// item, and monthly sums are sums of those items.
/// </summary>
public static class PayCalculator
{
    public static PayResult Calculate(PayRequest request, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(zone);
        var profiles = request.Assistants.ToDictionary(a => a.AssistantId);
        var paid = request.Entries;
        var all = paid.Concat(request.Context).ToList();
        var input = new CheckInput(
            zone,
            [new EmployerProfile(request.EmployerId, request.Regime, request.Tariff?.Id, WeekAnchor.Monday, null, request.LegalBases, new EmployerSettings { PassiveFactor = request.PassiveFactor, NightWindow = request.NightWindow })],
            [.. request.Assistants.Select(a => new AssistantProfile(a.AssistantId.ToString(), request.EmployerId, null, null, a.SeniorityYears, a.ContractWage, a.WeeklyNorm, []))],
            [.. all.Select(e => Shift(e, request.EmployerId))]);
        var check = PreparedCheck.From(input);
        var run = RuleEngine.Run(check);
        var keys = check.Employers.Length == 0 ? [] : check.Employers[0].Classifier.SupplementKeys;
        var m = run.Metrics;
        var lines = new List<PayLine>(paid.Count);
        for (var i = 0; i < paid.Count; i++)
        {
            var e = paid[i];
            var profile = profiles[e.AssistantId];
            var supplements = new long[keys.Count];
            for (var c = 0; c < keys.Count; c++) supplements[c] = Minutes(m.Supplements[(i * m.SupplementSlots) + c]);
            lines.Add(Line(e, profile, request, zone, Minutes(m.Work[i]), Minutes(m.Passive[i]), Minutes(m.Overtime[i]), keys, supplements));
        }
        return new PayResult(lines, run.Findings);
    }

    /// <summary>An entry as the rules engine's actual shift: the free pause in the middle, passive time where it was recorded.</summary>
    public static ShiftInput Shift(PayEntry e, string employer)
    {
        ArgumentNullException.ThrowIfNull(e);
        var t = e.Times;
        List<Pause> pauses = t.Pause is { } p ? [new Pause(p.Start, p.End, Free: true)] : [];
        var passive = t.PassiveMinutes > 0
            ? new List<Interval> { new(t.Start + Duration.FromMinutes(t.PassiveOffsetMinutes), t.Start + Duration.FromMinutes(t.PassiveOffsetMinutes + t.PassiveMinutes)) }
            : [];
        return new ShiftInput(e.EntryId.ToString(), e.AssistantId.ToString(), employer, e.ArrangementId.ToString(), t.Start, t.End, ShiftKind.Actual)
        {
            Pauses = pauses, Passive = passive, OnCall = e.OnCall, OvertimeReason = t.OvertimeReason,
        };
    }

    private static long Minutes(double seconds) => (long)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero);

    private static PayLine Line(PayEntry e, PayProfile profile, PayRequest request, DateTimeZone zone, long worked, long passive, long legalOvertime,
        IReadOnlyList<string> keys, long[] supplementMinutes)
    {
        var row = request.Tariff?.Parameters.RowAt(e.Date)?.Value;
        var minimum = row?.MinimumPay?.For(profile.SeniorityYears, profile.WeeklyNorm);
        decimal? wage = profile.ContractWage is { } w ? Math.Max(w, minimum ?? 0) : minimum;
        var lifted = profile.ContractWage is { } cw && minimum is { } min && cw < min;

        // Overtime is the larger of what the engine finds (legal) and what was marked (tariff overtime), taken from active time first.
        var overtime = Math.Min(worked, Math.Max(legalOvertime, e.Times.OvertimeMinutes));
        var active = worked - passive;
        var overtimeOnActive = Math.Min(overtime, active);
        var passiveLeft = passive - (overtime - overtimeOnActive);
        var normal = active - overtimeOnActive;
        var factor = request.PassiveFactor ?? row?.PassiveFactor;
        var paidPassive = factor is { } f ? (long)Math.Round(passiveLeft * f, MidpointRounding.AwayFromZero) : passiveLeft;
        var high = HighOvertimeMinutes(e.Times, overtime, zone);

        var items = new List<PayItem>();
        void Add(string category, long minutes, decimal? rate)
        {
            if (PayItem.Priced(category, minutes, rate) is { } item) items.Add(item);
        }
        var premium = row?.OvertimePremium ?? (0.5m, 1.0m);
        Add(PayCategory.Normal, normal, wage);
        Add(PayCategory.Passive, paidPassive, wage);
        Add(PayCategory.Overtime, overtime - high, wage * (1 + premium.Ordinary));
        Add(PayCategory.OvertimeHigh, high, wage * (1 + premium.High));
        for (var c = 0; c < keys.Count; c++)
        {
            var category = row?.Supplements.FirstOrDefault(s => s.Key == keys[c]);
            if (category is null) continue;
            Add(keys[c], supplementMinutes[c], wage is { } wg ? category.Rate.PerHour(wg) : null);
        }
        return new PayLine(e.EntryId, e.AssistantId, e.Date, worked, legalOvertime, wage, minimum, items)
        {
            LiftedToMinimum = lifted,
            PassiveAtFullRate = passive > 0 && factor is null,
        };
    }

    /// <summary>
    /// Of the overtime (the last minutes of the entry), those between 21:00 and 06:00 or on a Sunday or public holiday,
    /// local time: they take the high premium *(verify per agreement)*.
    /// </summary>
    internal static long HighOvertimeMinutes(EntryTimes t, long overtime, DateTimeZone zone)
    {
        if (overtime <= 0) return 0;
        long high = 0;
        var at = t.End;
        for (long k = 0; k < overtime; k++)
        {
            at -= Duration.FromMinutes(1);
            var local = at.InZone(zone).LocalDateTime;
            var hour = local.Hour;
            if (hour >= 21 || hour < 6 || NorwegianCalendar.IsRedDay(NorwegianCalendar.EpochDay(local.Date))) high++;
        }
        return high;
    }

    /// <summary>Sums lines into a monthly basis per category and rate (a rate change mid-month gives two items).</summary>
    public static PayBasis Sum(Guid assistant, IEnumerable<PayLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var items = lines.SelectMany(l => l.Items)
            .GroupBy(i => (i.Category, i.Rate))
            .Select(g => new PayItem(g.Key.Category, g.Sum(i => i.Minutes), g.Key.Rate, g.Sum(i => i.Amount)))
            .OrderBy(i => Order(i.Category)).ThenBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Rate)
            .ToList();
        return new PayBasis(assistant, items);
    }

    private static int Order(string category)
    {
        var i = PayCategory.Fixed.ToList().IndexOf(category);
        return i < 0 ? PayCategory.Fixed.Count : i;
    }
}
