using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

/// <summary>Offices, municipalities and recipients as a provider registers them: every bad field named in Norwegian.</summary>
public sealed class OrganisationTests
{
    private static readonly LocalDate Today = new(2026, 12, 3);

    [Fact]
    public void OfficeNew_EmptyNameAndRegion_NamesBoth_AndRenameKeepsTheOldOnBadInput()
    {
        ((Invalid)Office.New(Guid.NewGuid(), Guid.NewGuid(), " ", null).Error!).Fields.Keys.ShouldBe(["name", "region"], ignoreOrder: true);
        var office = Office.New(Guid.NewGuid(), Guid.NewGuid(), " Kontor Nord ", "Region Nord").Value!;

        office.Rename("", "Region Midt").IsSuccess.ShouldBeFalse();

        office.Name.ShouldBe("Kontor Nord");
        office.Region.ShouldBe("Region Nord");
    }

    [Theory]
    [InlineData("301")]
    [InlineData("03011")]
    [InlineData("O301")]
    [InlineData("")]
    public void MunicipalityNew_NumberNotFourDigits_IsNamed(string number)
        => ((Invalid)Municipality.New(Guid.NewGuid(), number, "Oslo").Error!).Fields.Keys.ShouldBe(["number"]);

    [Fact]
    public void MunicipalityNew_FourDigitsWithALeadingZero_IsKept()
        => Municipality.New(Guid.NewGuid(), " 0301 ", "Oslo").Value!.Number.ShouldBe("0301");

    [Fact]
    public void RecipientNew_BirthDateInTheFutureOrMissingName_IsNamed_AndTodayIsAccepted()
    {
        var bad = Recipient.New(Guid.NewGuid(), Guid.NewGuid(), "", Today.PlusDays(1), Guid.NewGuid(), Today);
        var newborn = Recipient.New(Guid.NewGuid(), Guid.NewGuid(), "Liten Baby", Today, Guid.NewGuid(), Today);

        ((Invalid)bad.Error!).Fields.Keys.ShouldBe(["recipientName", "recipientBirthDate"], ignoreOrder: true);
        newborn.IsSuccess.ShouldBeTrue();
    }
}
