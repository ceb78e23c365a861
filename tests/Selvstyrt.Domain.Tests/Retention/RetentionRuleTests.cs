using NodaTime;
using Selvstyrt.Domain.Retention;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Retention;

/// <summary>
/// quality.md S7: time sheets and the payroll basis are kept five years after the end of their year (bokføringsloven § 13),
/// so a month of year Y goes on 1 January of Y + 6 and not a day earlier, whatever month it is, leap years included.
/// </summary>
public sealed class RetentionRuleTests
{
    [Theory]
    [InlineData(2031, 12, 31, 2026, 1, false)] // the last day of the fifth year after 2026: January 2026 stays
    [InlineData(2031, 12, 31, 2026, 12, false)]
    [InlineData(2032, 1, 1, 2026, 1, true)] // the first day of the sixth: all of 2026 goes
    [InlineData(2032, 1, 1, 2026, 12, true)]
    [InlineData(2032, 1, 1, 2027, 1, false)] // 2027 is kept until 1 January 2033
    [InlineData(2028, 2, 29, 2022, 12, true)] // on a leap day as on any other
    [InlineData(2028, 2, 29, 2023, 1, false)]
    public void AMonthGoes_OnTheFirstDayOfTheSixthYearAfterIt(int year, int month, int day, int sheetYear, int sheetMonth, bool goes)
    {
        (new LocalDate(sheetYear, sheetMonth, 1) < RetentionRule.AccountingCutoff(new LocalDate(year, month, day))).ShouldBe(goes);
    }

    [Fact]
    public void EveryRule_HasAKeyAWhenAndABasis()
    {
        RetentionRule.All.Select(r => r.Key).ShouldBeUnique();
        RetentionRule.All.ShouldAllBe(r => r.What.Length > 0 && r.KeptUntil.Length > 0 && r.Basis.Length > 0);
        RetentionRule.All.Select(r => r.Key).ShouldBe([RetentionRule.TimeSheets, RetentionRule.PoliceCertificates, RetentionRule.Applicants]);
    }
}
