using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Quality;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Quality;

/// <summary>
/// HMS (issue 20, part 2): the workplace mapping's checklist as data, an item that needs a measure asking for what, who and by
/// when, signing only when every item is answered (and a change taking the signature back); the handbook's versions, each to be
/// read again; and a measure written in the action plan.
/// </summary>
public sealed class HmsTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);

    private static WorkplaceMapping Mapping() => WorkplaceMapping.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 2026, Today, null).Value!;

    [Fact]
    public void AMapping_StartsFromTheChecklist_InItsThreeAreas()
    {
        var mapping = Mapping();

        mapping.Items.Count.ShouldBe(MappingCatalogue.Items.Count);
        mapping.Items.Select(i => i.Area).Distinct().Order().ShouldBe([MappingArea.Physical, MappingArea.Psychosocial, MappingArea.Organisational]);
        mapping.Answered.ShouldBe(0);
        mapping.Items.Select(i => i.Id).Distinct().Count().ShouldBe(mapping.Items.Count);
    }

    [Fact]
    public void AnItemThatNeedsAMeasure_AsksForTheMeasureItsOwnerAndDeadline()
    {
        var mapping = Mapping();
        var item = mapping.Items[0].Id;

        var fields = mapping.Answer(item, MappingAnswer.NeedsMeasure, null, " ", null, null).Error.ShouldBeOfType<Invalid>().Fields;
        fields.Keys.Order().ShouldBe(["dueOn", "measure", "owner"]);

        var answered = mapping.Answer(item, MappingAnswer.NeedsMeasure, "Seilet er slitt", "Nytt seil", "Even", Today.PlusDays(14)).Value!;
        (answered.Measure, answered.Owner, answered.DueOn).ShouldBe(("Nytt seil", "Even", Today.PlusDays(14)));

        // Changed to fine, the measure goes with it.
        var fine = mapping.Answer(item, MappingAnswer.Ok, null, "Nytt seil", "Even", Today).Value!;
        (fine.Measure, fine.Owner, fine.DueOn).ShouldBe(("", "", null));
        mapping.CompleteMeasure(item, Today).Error.ShouldBeOfType<Invalid>();
    }

    [Fact]
    public void Signing_NeedsEveryItemAnswered_AndWhoTookPart_AndAChangeTakesTheSignatureBack()
    {
        var mapping = Mapping();
        foreach (var item in mapping.Items.Skip(1).ToList()) mapping.Answer(item.Id, MappingAnswer.Ok, null, null, null, null);

        mapping.Sign("Even", Today, "Even og assistentene").Error.ShouldBeOfType<Invalid>().Fields["items"].ShouldBe("1 punkter er ikke besvart ennå.");
        mapping.Answer(mapping.Items[0].Id, MappingAnswer.NotRelevant, null, null, null, null);
        mapping.Sign("Even", Today, " ").Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("participants");
        mapping.Sign("Even", Today, "Even og assistentene").IsSuccess.ShouldBeTrue();
        mapping.SignedOn.ShouldBe(Today);

        mapping.Answer(mapping.Items[1].Id, MappingAnswer.NeedsMeasure, null, "Takheis", "Even", Today.PlusDays(30));
        mapping.SignedOn.ShouldBeNull();
    }

    [Fact]
    public void AHandbookDocument_GetsANewNumberForEachVersion_WithWhatChanged_AndNeverTheSameTextTwice()
    {
        var doc = HandbookDocument.Write(Guid.NewGuid(), Guid.NewGuid(), "Brannvern", "Brann", "Varsle, redde, slokke.", "Mona", Today, null).Value!;

        doc.Publish("Brannvern", "Brann", "Varsle, redde, slokke.", "Ingen", "Mona", Today).Error.ShouldBeOfType<Invalid>().Fields["text"]
            .ShouldBe("Teksten er den samme som i gjeldende versjon.");
        doc.Publish("Brannvern", "Brann", "Varsle, redde, slokke. Ring 110.", " ", "Mona", Today).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldContain("changeNote");
        var v2 = doc.Publish("Brannvern", "Brannvern i hjemmet", "Varsle, redde, slokke. Ring 110.", "Nummeret til brannvesenet", "Mona", Today.PlusDays(1)).Value!;

        v2.Number.ShouldBe(2);
        doc.Current.ShouldBe(v2);
        doc.Title.ShouldBe("Brannvern i hjemmet");
        doc.Versions[0].Text.ShouldBe("Varsle, redde, slokke.");

        doc.Withdraw(Today.PlusDays(2));
        doc.Publish("Brannvern", "Brann", "Ny tekst", "Endret", "Mona", Today).Error.ShouldBeOfType<Conflict>();
    }

    [Fact]
    public void AReadConfirmation_IsOnePerPersonAndVersion()
    {
        var doc = Guid.NewGuid();
        var person = Guid.NewGuid();

        ReadConfirmation.IdFor(doc, 1, person).ShouldBe(ReadConfirmation.Confirm(doc, 1, person, Instant.FromUtc(2026, 11, 23, 9, 0)).Id);
        ReadConfirmation.IdFor(doc, 2, person).ShouldNotBe(ReadConfirmation.IdFor(doc, 1, person));
        ReadConfirmation.IdFor(doc, 1, Guid.NewGuid()).ShouldNotBe(ReadConfirmation.IdFor(doc, 1, person));
    }

    [Fact]
    public void APlanMeasure_ForASurvey_NamesTheQuestion_AndOneOfItsOwnIsFromThePlan()
    {
        var survey = Guid.NewGuid();

        PlanMeasure.Write(Guid.NewGuid(), Guid.NewGuid(), null, survey, null, "Tiltak", "Mona", Today, Today, null).Error.ShouldBeOfType<Invalid>().Fields["questionKey"]
            .ShouldBe("Velg spørsmålet tiltaket svarer på.");
        PlanMeasure.Write(Guid.NewGuid(), Guid.NewGuid(), null, null, null, "", "", Today.PlusDays(-1), Today, null).Error.ShouldBeOfType<Invalid>().Fields.Keys.Order()
            .ShouldBe(["dueOn", "owner", "text"]);

        PlanMeasure.Write(Guid.NewGuid(), Guid.NewGuid(), null, survey, "arbeidstid", "Fast turnus", "Mona", Today, Today, null).Value!.Source.ShouldBe(MeasureSource.Survey);
        PlanMeasure.Write(Guid.NewGuid(), Guid.NewGuid(), null, null, "ignored", "Vernerunde", "Mona", Today, Today, null).Value!.Source.ShouldBe(MeasureSource.Plan);
    }
}
