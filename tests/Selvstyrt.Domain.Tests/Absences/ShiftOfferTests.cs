using NodaTime;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Common;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Absences;

/// <summary>An offer of a vacant shift: the first accept wins, the others are closed, every answer keeps its time.</summary>
public sealed class ShiftOfferTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 26, 22, 0);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static ShiftOffer Offer(params Guid[] to)
        => ShiftOffer.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 26), Start, Start + Duration.FromHours(8),
            to, 24, Guid.NewGuid(), "Arbeidsleder", Now).Value!;

    [Fact]
    public void TheFirstAcceptWins_TheOthersAreClosed_AndASecondAcceptIsAConflict()
    {
        var offer = Offer(A, B, C);
        offer.Decline(C, Now + Duration.FromMinutes(1)).Value.ShouldBeFalse();
        offer.Accept(A, Now + Duration.FromMinutes(2)).IsSuccess.ShouldBeTrue();

        offer.State.ShouldBe(ShiftOfferState.Taken);
        offer.TakenBy.ShouldBe(A);
        offer.Recipients.Single(r => r.AssistantId == B).Answered.ShouldBe(ShiftOfferAnswer.Closed);
        offer.Recipients.Single(r => r.AssistantId == C).Answered.ShouldBe(ShiftOfferAnswer.Declined, "a no stays a no");
        offer.Accept(B, Now + Duration.FromMinutes(3)).Error.ShouldBeOfType<Conflict>().Message.ShouldBe("En annen tok vakten før deg.");
        offer.Accept(A, Now + Duration.FromMinutes(4)).IsSuccess.ShouldBeTrue("the winner asking again gets the same answer");
        offer.Accept(Guid.NewGuid(), Now).Error.ShouldBeOfType<NotFound>();
    }

    [Fact]
    public void EveryoneSayingNo_IsTold_AndTheOfferEscalatesOnceWhenDue()
    {
        var offer = Offer(A, B);
        offer.Decline(A, Now).Value.ShouldBeFalse();
        offer.Decline(B, Now).Value.ShouldBeTrue();
        offer.Escalate(offer.EscalateAt - Duration.FromSeconds(1)).ShouldBeFalse();
        offer.EscalateAt.ShouldBe(Start - Duration.FromHours(24));
        offer.Escalate(offer.EscalateAt).ShouldBeTrue();
        offer.Escalate(offer.EscalateAt + Duration.FromHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void AWithdrawnOrBegunOffer_CannotBeAccepted()
    {
        var withdrawn = Offer(A);
        withdrawn.Withdraw(Now).IsSuccess.ShouldBeTrue();
        withdrawn.Accept(A, Now).Error!.Message.ShouldContain("trukket tilbake");
        withdrawn.Recipients.Single().Answered.ShouldBe(ShiftOfferAnswer.Closed);

        Offer(A).Accept(A, Start).Error!.Message.ShouldBe("Vakten har allerede begynt.");
    }

    [Fact]
    public void AnOffer_NeedsSomeoneToAsk_AndAnEscalationFromOneHourToAWeek()
    {
        var bad = ShiftOffer.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new LocalDate(2026, 11, 26), Start, Start + Duration.FromHours(8),
            [], 169, Guid.NewGuid(), "Arbeidsleder", Now).Error.ShouldBeOfType<Invalid>();
        bad.Fields.Keys.ShouldBe(["assistantIds", "escalateHoursBefore"], ignoreOrder: true);
        var widened = Offer(A).Widen([A, B], Now);
        widened.Value.ShouldBe([B], "those already asked are not asked again");
    }
}
