using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.People;

/// <summary>
/// Issue 19, part 3 (for «Finn vikar» and the plan editor of issue 17): a competence holds from the day it is gained to its
/// last valid day, expires on the day after (the kind's months counted from the day gained), counts no more from the day it is
/// revoked, and is matched to what a shift requires by name, ignoring case.
/// </summary>
public sealed class CompetenceTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static CompetenceKind Kind(string name, int? months) => CompetenceKind.Create(Guid.NewGuid(), Provider, name, months).Value!;

    [Fact]
    public void TwoYearsFromTheDayGained_TheLastValidDayIsTheDayBefore_AndItExpiresOnTheDay()
    {
        var ltmv = Kind("Respirator (LTMV)", 24);
        var held = AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), ltmv, new LocalDate(2025, 1, 15), "Lungeavdelingen, Ullevål", null, Today).Value!;
        held.ValidTo.ShouldBe(new LocalDate(2027, 1, 14));
        var as_ = held.As(ltmv.Name);
        as_.HoldsOn(new LocalDate(2027, 1, 14)).ShouldBeTrue("its last day");
        as_.HoldsOn(new LocalDate(2027, 1, 15)).ShouldBeFalse("expired on the day");
        as_.HoldsOn(new LocalDate(2025, 1, 14)).ShouldBeFalse("not before it was gained");
    }

    [Fact]
    public void AKindWithoutValidity_NeverExpires_AndAGivenLastDayWins()
    {
        var lifting = Kind("Forflytning", null);
        AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), lifting, Today, "Ergoterapeuten", null, Today).Value!.ValidTo.ShouldBeNull();
        AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), lifting, Today, "Ergoterapeuten", Today.PlusDays(30), Today).Value!.ValidTo.ShouldBe(Today.PlusDays(30));
    }

    [Fact]
    public void Revoked_CountsUntilTheDayBefore()
    {
        var kind = Kind("Medisinhåndtering", 12);
        var held = AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), kind, Today.PlusDays(-100), "Sykepleier Hansen", null, Today).Value!;
        held.Revoke(Today).IsSuccess.ShouldBeTrue();
        held.As(kind.Name).HoldsOn(Today.PlusDays(-1)).ShouldBeTrue();
        held.As(kind.Name).HoldsOn(Today).ShouldBeFalse();
        held.Revoke(Today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("state");
    }

    [Fact]
    public void BadInput_IsNamedInNorwegian_PerField()
    {
        var retired = Kind("Gammel rutine", null);
        retired.Retire(Today);
        var refused = AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), retired, Today.PlusDays(1), " ", null, Today).Error.ShouldBeOfType<Invalid>();
        refused.Fields.Keys.ShouldBe(["kindId", "gainedOn", "by"], ignoreOrder: true);
        CompetenceKind.Create(Guid.NewGuid(), Provider, "A, B", 0).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["name", "validMonths"], ignoreOrder: true);
        AssistantCompetence.Record(Guid.NewGuid(), Guid.NewGuid(), Kind("X", null), Today, "Y", Today.PlusDays(-1), Today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("validTo");
    }

    [Fact]
    public void WhatAShiftRequires_IsMatchedByName_IgnoringCase_OnTheDay()
    {
        HeldCompetence[] held = [new("respirator (ltmv)", new LocalDate(2025, 1, 15), new LocalDate(2027, 1, 14), null), new("Forflytning", new LocalDate(2026, 1, 1), null, null)];
        Qualification.Missing(["Respirator (LTMV)", "Forflytning"], held, new LocalDate(2027, 1, 14)).ShouldBeEmpty();
        Qualification.Missing(["Respirator (LTMV)", "Forflytning"], held, new LocalDate(2027, 1, 15)).ShouldBe(["Respirator (LTMV)"]);
        Qualification.Missing(["Sondeernæring"], held, Today).ShouldBe(["Sondeernæring"]);
        Qualification.Missing([], held, Today).ShouldBeEmpty();
    }

    [Fact]
    public void ARenamedKind_IsRenamedInTheTemplatesThatRequireIt()
    {
        var template = ShiftTemplate.Create(Guid.NewGuid(), Guid.NewGuid(), "Natt", new LocalTime(23, 0), 8 * 60, PlanShiftKind.AwakeNight, [], 0, 1, ["LTMV", "Forflytning"], null).Value!;
        template.RenameCompetence("ltmv", "Respirator (LTMV)");
        template.Competences.ShouldBe(["Respirator (LTMV)", "Forflytning"]);
        template.RenameCompetence("Sondeernæring", "Sonde");
        template.Competences.ShouldBe(["Respirator (LTMV)", "Forflytning"]);
    }
}
