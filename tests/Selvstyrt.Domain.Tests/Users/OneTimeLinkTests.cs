using NodaTime;
using Selvstyrt.Domain.Users;
using Shouldly;
using Xunit;

namespace Selvstyrt.Domain.Tests.Users;

public sealed class OneTimeLinkTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 8, 0);

    [Fact]
    public void Create_StoresOnlyTheHash_OfARandomSecret()
    {
        var (link, token) = OneTimeLink.Create(Guid.NewGuid(), Guid.NewGuid(), LinkPurpose.SetPassword, Now);
        var (_, other) = OneTimeLink.Create(Guid.NewGuid(), Guid.NewGuid(), LinkPurpose.SetPassword, Now);

        token.Length.ShouldBe(43, "32 bytes in base64url without padding");
        token.ShouldNotBe(other);
        link.TokenHash.ShouldBe(OneTimeLink.Hash(token));
        link.TokenHash.ShouldNotContain(token);
    }

    [Fact]
    public void StateAt_SetPassword_ValidUntilSeventyTwoHours_ExpiredAtTheInstant()
    {
        var (link, _) = OneTimeLink.Create(Guid.NewGuid(), Guid.NewGuid(), LinkPurpose.SetPassword, Now);

        link.StateAt(Now + Duration.FromHours(72) - Duration.FromSeconds(1)).ShouldBe(LinkState.Valid);
        link.StateAt(Now + Duration.FromHours(72)).ShouldBe(LinkState.Expired);
    }

    [Fact]
    public void StateAt_Reset_LastsOneHour()
    {
        var (link, _) = OneTimeLink.Create(Guid.NewGuid(), Guid.NewGuid(), LinkPurpose.ResetPassword, Now);

        link.StateAt(Now + Duration.FromMinutes(59)).ShouldBe(LinkState.Valid);
        link.StateAt(Now + Duration.FromHours(1)).ShouldBe(LinkState.Expired);
    }

    [Fact]
    public void Revoke_BeforeUse_EndsTheLink_AndRevokingTwiceKeepsTheFirstTime()
    {
        var (link, _) = OneTimeLink.Create(Guid.NewGuid(), Guid.NewGuid(), LinkPurpose.SetPassword, Now);

        link.Revoke(Now + Duration.FromMinutes(1));
        link.Revoke(Now + Duration.FromMinutes(2));

        link.StateAt(Now + Duration.FromMinutes(3)).ShouldBe(LinkState.Revoked);
        link.RevokedAt.ShouldBe(Now + Duration.FromMinutes(1));
    }
}
