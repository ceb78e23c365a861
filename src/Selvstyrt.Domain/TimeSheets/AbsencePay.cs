using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.TimeSheets;

/// <summary>A planned shift lost to an absence on a day the employer pays: the pay category of the leave and the share paid (a graded note's degree).</summary>
public sealed record PaidAbsenceShift(PayEntry Shift, string Category, int Degree);

/// <summary>
/// What the employer pays for the shifts an assistant would have worked on days of paid absence (issue 17, part 7): the
/// pay those shifts would have given, the way the law's «the pay the employee would have had» reads for hourly paid
/// assistants. Each shift goes through <see cref="PayCalculator"/> on its own (so it earns the supplements of its hours and
/// passive time at the agreement's factor), its time is then paid at the ordinary hourly wage in the leave's category
/// (sick pay, the employer's sick-child days, paid leave), and its supplements in their own categories, each at the degree.
/// Overtime is not paid for time not worked.
/// </summary>
public static class AbsencePay
{
    public static IReadOnlyList<PayLine> Calculate(string employerId, Regime regime, Tariff? tariff, IReadOnlyList<PayProfile> profiles,
        IReadOnlyList<PaidAbsenceShift> shifts, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(shifts);
        var lines = new List<PayLine>(shifts.Count);
        // One shift at a time: a lost shift must not make another one's hours overtime.
        foreach (var paid in shifts)
        {
            var line = Alone(employerId, regime, tariff, profiles, paid.Shift, zone);
            var items = new List<PayItem>();
            void Add(string category, long minutes, decimal? rate)
            {
                if (PayItem.Priced(category, (long)Math.Round(minutes * paid.Degree / 100m, MidpointRounding.AwayFromZero), rate) is { } item) items.Add(item);
            }
            Add(paid.Category, line.Items.Where(i => PayCategory.IsTime(i.Category)).Sum(i => i.Minutes), line.Wage);
            foreach (var supplement in line.Items.Where(i => !PayCategory.IsTime(i.Category))) Add(supplement.Category, supplement.Minutes, supplement.Rate);
            lines.Add(new PayLine(line.EntryId, line.AssistantId, line.Date, 0, 0, line.Wage, line.MinimumWage, items) { LiftedToMinimum = line.LiftedToMinimum });
        }
        return lines;
    }

    /// <summary>
    /// The shifts a granted holiday took (issue 17, part 3): their hours in the <see cref="PayCategory.HolidayLeave"/> category
    /// at no rate, so the payroll system sees the holiday hours of the month (for a deduction from a fixed salary) while the
    /// holiday itself is paid as holiday pay (FER-10-1), not as wages.
    /// </summary>
    public static IReadOnlyList<PayLine> Holiday(string employerId, Regime regime, Tariff? tariff, IReadOnlyList<PayProfile> profiles,
        IReadOnlyList<PayEntry> shifts, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(shifts);
        var lines = new List<PayLine>(shifts.Count);
        foreach (var shift in shifts)
        {
            var line = Alone(employerId, regime, tariff, profiles, shift, zone);
            var item = PayItem.Priced(PayCategory.HolidayLeave, line.Items.Where(i => PayCategory.IsTime(i.Category)).Sum(i => i.Minutes), 0m);
            lines.Add(new PayLine(line.EntryId, line.AssistantId, line.Date, 0, 0, line.Wage, line.MinimumWage, item is null ? [] : [item]));
        }
        return lines;
    }

    /// <summary>One shift through the pay calculator on its own, so no other shift makes its hours overtime.</summary>
    private static PayLine Alone(string employerId, Regime regime, Tariff? tariff, IReadOnlyList<PayProfile> profiles, PayEntry shift, DateTimeZone zone)
        => PayCalculator.Calculate(new PayRequest(employerId, regime, tariff, null, profiles, [shift]), zone).Lines.Single();
}
