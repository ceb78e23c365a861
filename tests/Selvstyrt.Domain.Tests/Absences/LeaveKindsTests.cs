using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.TimeSheets;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>Issue 17, part 4: the kinds of absence are data: who pays, who registers, whether graded, the pay category.</summary>
public sealed class LeaveKindsTests
{
    private static readonly LocalDate Today = new(2026, 12, 3);

    private static Result<Absence> Report(AbsenceKind kind, LocalDate from, LocalDate to, int? degree = null)
        => Absence.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), kind, from, to, degree, null, Guid.NewGuid(), Instant.FromUtc(2026, 12, 3, 9, 0), Today);

    [Fact]
    public void EveryKindButHolidays_IsRegistered_WithWhoPays_AndAPayCategoryExactlyWhenTheEmployerPays()
    {
        LeaveKinds.All.Select(k => k.Kind).ShouldBe(Enum.GetValues<AbsenceKind>().Where(k => k != AbsenceKind.Holiday), ignoreOrder: true);
        LeaveKinds.Of(AbsenceKind.Holiday).ShouldBeNull("holidays come with their own plan");
        LeaveKinds.All.Where(k => !k.ByAssistant).Select(k => k.Pay).ShouldBe([LeavePay.Employer, LeavePay.Nav, LeavePay.Unpaid]);
        LeaveKinds.All.Where(k => k.PayCategory is null).Select(k => k.Pay).ShouldBe([LeavePay.Nav, LeavePay.Unpaid]);
        LeaveKinds.All.Where(k => k.PayCategory is not null).ShouldAllBe(k => PayCategory.IsAbsence(k.PayCategory!)
            && WageTypeMapping.Defaults.CodeFor(k.PayCategory!) != null);
    }

    [Fact]
    public void ParentalLeave_CanBeGradedAndPlannedMonthsAhead_WelfareLeaveIsWholeDays()
    {
        Report(AbsenceKind.Parental, new LocalDate(2027, 3, 1), new LocalDate(2027, 5, 31), 50).IsSuccess.ShouldBeTrue();
        Report(AbsenceKind.Welfare, Today.PlusDays(3), Today.PlusDays(3), 50).Error.ShouldBeOfType<Invalid>().Fields["degree"].ShouldBe("Velferdspermisjon gjelder hele dager (100 prosent).");
        Report(AbsenceKind.SelfCertified, Today.PlusDays(40), Today.PlusDays(40)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["from"], "sickness is reported when it happens");
        Report(AbsenceKind.Unpaid, Today.PlusDays(400), Today.PlusDays(401)).Error.ShouldBeOfType<Invalid>().Fields["from"].ShouldBe("Første dag må være de siste 90 dagene eller innen ett år.");
    }
}
