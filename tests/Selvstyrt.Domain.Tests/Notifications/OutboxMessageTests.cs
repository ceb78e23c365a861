using NodaTime;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Notifications;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 8, 0);

    private static OutboxMessage Message() => OutboxMessage.Create(Guid.NewGuid(), "ada@fjord.test", "Ada", "Emne", "Tekst", "test", null, null, "k:1", Now).Value!;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 360)] // 512 minutes is more than six hours
    [InlineData(11, 360)]
    public void BackoffAfter_DoublesFromOneMinute_UpToSixHours(int failures, int minutes)
        => OutboxMessage.BackoffAfter(failures).ShouldBe(Duration.FromMinutes(minutes));

    [Fact]
    public void RecordFailure_IsDueAgainAfterTheBackoff_AndGivesUpAtTheLastAttempt()
    {
        var message = Message();
        var at = Now;
        for (var attempt = 1; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            message.RecordFailure(at, "Connection refused");
            message.NextAttemptAt.ShouldBe(at + OutboxMessage.BackoffAfter(attempt));
            message.IsPending.ShouldBeTrue();
            at = message.NextAttemptAt;
        }

        message.RecordFailure(at, "Connection refused");

        message.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
        message.GaveUpAt.ShouldBe(at);
        message.IsPending.ShouldBeFalse();
    }

    [Fact]
    public void RecordSent_AfterAFailure_ClearsTheError()
    {
        var message = Message();
        message.RecordFailure(Now, "Connection refused");

        message.RecordSent(Now + Duration.FromMinutes(1));

        message.SentAt.ShouldBe(Now + Duration.FromMinutes(1));
        message.Attempts.ShouldBe(2);
        message.LastError.ShouldBeNull();
        message.IsPending.ShouldBeFalse();
    }

    [Fact]
    public void Create_WithoutAnAddressOrSubject_NamesTheFields()
    {
        var result = OutboxMessage.Create(Guid.NewGuid(), "ikke-en-adresse", "Ada", " ", "Tekst", "test", null, null, "k:1", Now);

        ((Invalid)result.Error!).Fields.Keys.ShouldBe(["email", "subject"], ignoreOrder: true);
    }
}
