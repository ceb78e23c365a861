using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

/// <summary>The organisation number's MOD11 check digit (weights 3 2 7 6 5 4 3 2), as Enhetsregisteret issues them.</summary>
public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("974760673")] // remainder gives 3
    [InlineData("912345688")] // the demo provider
    [InlineData("987654325")]
    [InlineData("922222231")]
    public void IsValid_RightCheckDigit_IsTrue(string number) => OrganisationNumbers.IsValid(number).ShouldBeTrue();

    [Theory]
    [InlineData("912345678")] // one off in the check digit
    [InlineData("974760674")]
    [InlineData("91234568")] // eight digits
    [InlineData("9123456880")] // ten digits
    [InlineData("91234568x")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_WrongOrMalformed_IsFalse(string? number) => OrganisationNumbers.IsValid(number).ShouldBeFalse();

    [Fact]
    public void IsValid_RemainderThatWouldGiveTen_IsNeverIssued()
    {
        // 9,1,2,3,4,5,6,7: 27+2+14+18+20+20+18+14 = 133, 133 mod 11 = 1, 11 - 1 = 10: no check digit exists.
        foreach (var last in Enumerable.Range(0, 10)) OrganisationNumbers.IsValid($"91234567{last}").ShouldBeFalse();
    }

    [Fact]
    public void IsValid_RemainderZero_HasCheckDigitZero()
    {
        // 0,0,0,0,0,0,1,4: 1×3 + 4×2 = 11, remainder 0, so 11 - 0 = 11, written as 0.
        OrganisationNumbers.IsValid("000000140").ShouldBeTrue();
        OrganisationNumbers.IsValid("000000141").ShouldBeFalse();
    }

    [Fact]
    public void ProviderCreate_SpacesAreDropped_AndAWrongCheckDigitIsNamed()
    {
        var spaced = Provider.Create(Guid.NewGuid(), "Fjord AS", "912 345 688");
        var wrong = Provider.Create(Guid.NewGuid(), "Fjord AS", "912345678");

        spaced.Value!.OrganisationNumber.ShouldBe("912345688");
        ((Invalid)wrong.Error!).Fields["organisationNumber"].ShouldContain("kontrollsifferet");
    }
}
