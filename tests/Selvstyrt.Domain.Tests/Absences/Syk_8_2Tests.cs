using Selvstyrt.Domain.Absences;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>SYK-8-2: sick pay and the employer period need four weeks of work immediately before.</summary>
public sealed class Syk_8_2Tests
{
    [Fact]
    public void TwentySevenDaysIn_NoSickPayNorEmployerPeriod_TwentyEightDaysIn_Both()
    {
        var employed = D(2025, 3, 1);
        new Syk_8_2().Evaluate(Case(employed, Doctor(D(2025, 3, 28), 5))).ShouldHaveSingleItem().Message.ShouldContain("29.3.2025");
        new Syk_8_2().Evaluate(Case(employed, Doctor(D(2025, 3, 29), 5))).ShouldBeEmpty();

        EmployerPeriod.Walk(employed, [Doctor(D(2025, 3, 28), 5)]).Single().EmployerDays.ShouldBe(0);
        EmployerPeriod.Walk(employed, [Doctor(D(2025, 3, 29), 5)]).Single().EmployerDays.ShouldBe(5);
    }
}
