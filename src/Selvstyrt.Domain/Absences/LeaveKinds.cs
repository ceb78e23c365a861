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

/// <summary>One kind of absence as data: its name, who pays, who may register it, whether it can be graded, and its wage type.</summary>
public sealed record LeaveKind(AbsenceKind Kind, string Name, LeavePay Pay, bool ByAssistant, bool Graded, string WageType);

/// <summary>
/// The kinds of absence Selvstyrt registers, as data rather than code per kind: the assistant reports sickness and sick-child
/// days themself; leave (welfare, parental, unpaid) is agreed with and registered by the employer. Holidays come with their
/// own plan (issue 17, part 3) and are not registered here.
/// </summary>
public static class LeaveKinds
{
    public static IReadOnlyList<LeaveKind> All { get; } =
    [
        new(AbsenceKind.SelfCertified, "Egenmelding", LeavePay.SickPay, ByAssistant: true, Graded: false, "SYK-AGP"),
        new(AbsenceKind.DoctorCertified, "Sykmelding fra lege", LeavePay.SickPay, ByAssistant: true, Graded: true, "SYK-AGP"),
        new(AbsenceKind.SickChild, "Sykt barn", LeavePay.SickChildPay, ByAssistant: true, Graded: false, "OMSORG"),
        new(AbsenceKind.Welfare, "Velferdspermisjon", LeavePay.Employer, ByAssistant: false, Graded: false, "VELFERD"),
        new(AbsenceKind.Parental, "Foreldrepermisjon", LeavePay.Nav, ByAssistant: false, Graded: true, "FORELDRE"),
        new(AbsenceKind.Unpaid, "Ulønnet permisjon", LeavePay.Unpaid, ByAssistant: false, Graded: false, "PERM-ULONNET"),
    ];

    /// <summary>The kind's data, or null for a kind not registered as absence (holidays).</summary>
    public static LeaveKind? Of(AbsenceKind kind) => All.FirstOrDefault(k => k.Kind == kind);
}
