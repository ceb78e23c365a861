using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Plans;

/// <summary>AML-10-3-1: a recorded discussion of a work plan has a date that has been, who took part, and what was said.</summary>
public sealed class PlanDiscussionTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);
    private static readonly WorkPlan Plan = WorkPlan.Create(Guid.NewGuid(), Guid.NewGuid(), "Turnus 2027", 4, new LocalDate(2027, 1, 4), null).Value!;

    private static Result<PlanDiscussion> Record(LocalDate? on, string? participants, string? note = null)
        => PlanDiscussion.Record(Guid.NewGuid(), Plan, on, participants, note, Guid.NewGuid(), "Tore Lunde", Instant.FromUtc(2026, 11, 23, 9, 0), Today);

    [Fact]
    public void Record_TodayWithParticipants_KeepsThePlanAndTheArrangement()
    {
        var d = Record(Today, "  Tillitsvalgt i Fagforbundet ", "  Ingen innvendinger. ").Value!;

        d.PlanId.ShouldBe(Plan.Id);
        d.ArrangementId.ShouldBe(Plan.ArrangementId);
        d.Participants.ShouldBe("Tillitsvalgt i Fagforbundet");
        d.Note.ShouldBe("Ingen innvendinger.");
    }

    [Fact]
    public void Record_InTheFuture_WithoutDateOrParticipants_OrTooLong_NamesEachField()
    {
        Record(Today.PlusDays(1), "Tillitsvalgt").Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["on"]);
        var empty = Record(null, "  ").Error.ShouldBeOfType<Invalid>();
        empty.Fields.Keys.ShouldBe(["on", "participants"], ignoreOrder: true);
        Record(Today, new string('x', 301)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["participants"]);
        Record(Today, "Tillitsvalgt", new string('x', 4001)).Error.ShouldBeOfType<Invalid>().Fields.Keys.ShouldBe(["note"]);
        Record(Today, "Tillitsvalgt", "  ").Value!.Note.ShouldBeNull();
    }
}
