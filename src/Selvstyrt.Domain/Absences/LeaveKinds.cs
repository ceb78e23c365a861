using NodaTime;
using Selvstyrt.Domain.TimeSheets;

namespace Selvstyrt.Domain.Absences;

/// <summary>Who pays for a day of absence (issue 17, part 4): the payroll export's wage type follows from it.</summary>
public enum LeavePay
{
    /// <summary>Sick pay: the employer in the employer period (SYK-8-19), NAV after.</summary>
    SickPay = 1,

    /// <summary>Sick-child days: the employer's first 10 in the year, NAV after (OMS-PAY).</summary>
    SickChildPay = 2,

    /// <summary>Paid by the employer (welfare leave by the tariff or the employer's rules).</summary>
    Employer = 3,

    /// <summary>Paid by NAV directly (parental benefit); the employer pays nothing.</summary>
    Nav = 4,

    /// <summary>Unpaid leave: no pay, and no holiday pay earned.</summary>
    Unpaid = 5,
}

/// <summary>
/// One kind of absence as data: its name, who pays, who may register it, whether it can be graded, and the pay category
/// (<see cref="PayCategory"/>) the employer's days go to in the pay basis and the payroll export; null when the employer pays nothing.
/// </summary>
public sealed record LeaveKind(AbsenceKind Kind, string Name, LeavePay Pay, bool ByAssistant, bool Graded, string? PayCategory);

/// <summary>
/// The kinds of absence Selvstyrt registers, as data rather than code per kind: the assistant reports sickness and sick-child
/// days themself; leave (welfare, parental, unpaid) is agreed with and registered by the employer. Holidays come with their
/// own plan (issue 17, part 3) and are not registered here.
/// </summary>
public static class LeaveKinds
{
    public static IReadOnlyList<LeaveKind> All { get; } =
    [
        new(AbsenceKind.SelfCertified, "Egenmelding", LeavePay.SickPay, ByAssistant: true, Graded: false, PayCategory.SickPay),
        new(AbsenceKind.DoctorCertified, "Sykmelding fra lege", LeavePay.SickPay, ByAssistant: true, Graded: true, PayCategory.SickPay),
        new(AbsenceKind.SickChild, "Sykt barn", LeavePay.SickChildPay, ByAssistant: true, Graded: false, PayCategory.SickChildPay),
        new(AbsenceKind.Welfare, "Velferdspermisjon", LeavePay.Employer, ByAssistant: false, Graded: false, PayCategory.PaidLeave),
        new(AbsenceKind.Parental, "Foreldrepermisjon", LeavePay.Nav, ByAssistant: false, Graded: true, null),
        new(AbsenceKind.Unpaid, "Ulønnet permisjon", LeavePay.Unpaid, ByAssistant: false, Graded: false, null),
    ];

    /// <summary>The kind's data, or null for a kind not registered as absence (holidays).</summary>
    public static LeaveKind? Of(AbsenceKind kind) => All.FirstOrDefault(k => k.Kind == kind);
}

/// <summary>
/// Which days of each absence the employer pays, by its kind's payer: the employer period for sickness (SYK-8-19, across
/// linked absences, none before four weeks' employment, SYK-8-2), the first ten sick-child days of each calendar year
/// (OMS-PAY, within the year's days, OMS-9-6), every day of paid leave, none of leave NAV pays or unpaid leave. The absence
/// pages count these days and the pay basis pays the shifts planned on them, so the two agree by construction.
/// </summary>
public static class LeavePayDays
{
    public static IReadOnlyDictionary<Guid, IReadOnlySet<LocalDate>> EmployerPays(LocalDate employedFrom, IEnumerable<Absence> absences,
        IReadOnlyList<CareChild> children, bool soleCarer)
    {
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(children);
        var live = absences.Where(a => a.CancelledAt is null).OrderBy(a => a.From).ToList();
        var result = new Dictionary<Guid, IReadOnlySet<LocalDate>>();
        var byPeriod = live.Where(a => a.Period.IsSickness).ToDictionary(a => a.Period);
        foreach (var share in EmployerPeriod.Walk(employedFrom, byPeriod.Keys))
            result[byPeriod[share.Absence].Id] = Days(share.Absence.From, share.EmployerDays);
        var usedInYear = new Dictionary<int, int>();
        foreach (var a in live)
        {
            switch (LeaveKinds.Of(a.Kind)?.Pay)
            {
                case LeavePay.SickChildPay:
                    var paid = new HashSet<LocalDate>();
                    for (var d = a.From; d <= a.To; d = d.PlusDays(1))
                    {
                        var used = usedInYear.GetValueOrDefault(d.Year) + 1;
                        usedInYear[d.Year] = used;
                        if (used <= Oms_Pay.EmployerDays && used <= SickChildRules.DaysFor(children, soleCarer, d.Year)) paid.Add(d);
                    }
                    result[a.Id] = paid;
                    break;
                case LeavePay.Employer:
                    result[a.Id] = Days(a.From, a.Period.Days);
                    break;
                case LeavePay.SickPay:
                    break;
                default:
                    result[a.Id] = new HashSet<LocalDate>();
                    break;
            }
        }
        return result;
    }

    private static HashSet<LocalDate> Days(LocalDate from, int count)
    {
        var days = new HashSet<LocalDate>();
        for (var i = 0; i < count; i++) days.Add(from.PlusDays(i));
        return days;
    }
}
