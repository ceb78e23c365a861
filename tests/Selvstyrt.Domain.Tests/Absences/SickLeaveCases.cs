using NodaTime;
using Selvstyrt.Domain.Absences;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>Builds the cases the sick-leave rule tests judge.</summary>
internal static class SickLeaveCases
{
    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static AbsencePeriod Self(LocalDate from, int days) => new(from, from.PlusDays(days - 1), AbsenceKind.SelfCertified);

    public static AbsencePeriod Doctor(LocalDate from, int days) => new(from, from.PlusDays(days - 1), AbsenceKind.DoctorCertified);

    public static SickLeaveCase Case(LocalDate employedFrom, AbsencePeriod absence, SelfCertificationPolicy? policy = null, params AbsencePeriod[] earlier)
        => new(employedFrom, absence, earlier, policy ?? SelfCertificationPolicy.Statutory);
}
