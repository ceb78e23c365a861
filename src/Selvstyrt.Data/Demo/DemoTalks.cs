using NodaTime;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// The demo's talks in Even's 24/7 arrangement (arrangement 10) with the demo assistant (assistant 42): last year's appraisal
/// talk, held and accepted by both, and this year's, planned with Even's preparation begun and not yet shared.
/// </summary>
public static class DemoTalks
{
    public static IEnumerable<Talk> For(Guid arrangementId, Guid assistantId, string leaderName, string assistantName)
    {
        var lastYear = new LocalDate(2025, 12, 8);
        var held = DemoData.Ok(Talk.Plan(DemoIds.For("talk:10:42:2025"), arrangementId, assistantId, TalkKind.Appraisal, lastYear, null, lastYear, null));
        var at = Instant.FromUtc(2025, 12, 8, 15, 0);
        DemoData.Ok(held.Prepare(TalkSide.Assistant, new Dictionary<TalkTopic, (string?, string?)>
        {
            [TalkTopic.General] = ("Trives godt, særlig med turene ut.", null),
            [TalkTopic.Training] = ("Vil gjerne lære mer om respiratoren.", "Kurs i LTMV i løpet av året"),
        }, share: true, at.Minus(Duration.FromDays(3))));
        DemoData.Ok(held.WriteMinutes(lastYear, $"{leaderName} (arbeidsleder), {assistantName} (assistent)", null,
            "Vi snakket om hverdagen, turene ut og samarbeidet med de andre assistentene. Det fungerer godt. Overleveringen mellom vaktene kan bli tydeligere.",
            "Skriftlig overlevering i permen ved hvert vaktskifte (alle, fra januar). Opplæring i respirator når kurset er klart (arbeidslederen avtaler med arbeidsgiveren).",
            null, leaderName, lastYear));
        DemoData.Ok(held.Accept(TalkSide.Leader, leaderName, null, at));
        DemoData.Ok(held.Accept(TalkSide.Assistant, assistantName, null, at.Plus(Duration.FromHours(20))));
        yield return held;

        var planned = DemoData.Ok(Talk.Plan(DemoIds.For("talk:10:42"), arrangementId, assistantId, TalkKind.Appraisal, new LocalDate(2026, 12, 7), null,
            new LocalDate(2026, 11, 20), null));
        DemoData.Ok(planned.Prepare(TalkSide.Leader, new Dictionary<TalkTopic, (string?, string?)>
        {
            [TalkTopic.WentWell] = ("Rolig og trygg på nattevaktene. Overleveringen i permen fungerer.", null),
            [TalkTopic.Training] = ("Respiratorkurset ble ikke noe av i år.", "Kurs før sommeren"),
        }, share: false, Instant.FromUtc(2026, 11, 20, 18, 0)));
        yield return planned;
    }
}
