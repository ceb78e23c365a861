using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;
using Xunit;
using static Selvstyrt.Domain.Tests.Absences.SickLeaveCases;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>EGM-8-27: after four self-certified absences in 12 months the employer may withdraw the right; a flag, not a block.</summary>
public sealed class Egm_8_27Tests
{
    private static readonly NodaTime.LocalDate Employed = D(2020, 1, 1);
    private static readonly AbsencePeriod[] Four = [Self(D(2025, 1, 6), 1), Self(D(2025, 3, 3), 1), Self(D(2025, 6, 2), 1), Self(D(2025, 9, 1), 1)];

    [Fact]
    public void Example10_TheFifthWithin12Months_IsFlagged_ButNotBlocked()
    {
        var findings = SickLeaveRules.Check(Case(Employed, Self(D(2025, 12, 1), 1), null, Four));

        findings.ShouldContain(f => f.Rule == "EGM-8-27" && f.Severity == Severity.Warn && f.Message.Contains("nummer 5"));
        SickLeaveRules.SelfCertificationAllowed(findings).ShouldBeTrue();
    }

    [Fact]
    public void TheFourth_IsNotFlagged()
        => new Egm_8_27().Evaluate(Case(Employed, Self(D(2025, 12, 1), 1), null, Four[1..])).ShouldBeEmpty();

    [Fact]
    public void OneThatStartedTwelveMonthsBeforeToTheDay_NoLongerCounts()
        => new Egm_8_27().Evaluate(Case(Employed, Self(D(2026, 1, 6), 1), null, Four)).ShouldBeEmpty();
}
