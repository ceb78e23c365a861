using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Shouldly;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>Properties of the engine that must hold for any plan (CsCheck).</summary>
public class PropertyTests
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly string[] TariffIds = ["ks", "virke-bpa", "uloba", "nho-bpa"];

    private static EmployerProfile Employer(string? tariff) => new("e1", Regime.Aml, tariff, WeekAnchor.Monday, null, [], new EmployerSettings());

    private static AssistantProfile Assistant(string id) => new(id, "e1", null, null, null, null, 37.5m, []);

    [Fact]
    public void SplittingAShift_AtAnyMinute_KeepsHoursAndSupplements()
    {
        // Start anywhere in 2024-2027 (DST nights and holidays included), 1-30 hours long, split at any inner minute.
        var gen = Gen.Select(Gen.Int[0, 4 * 365 * 24 * 4], Gen.Int[60, 30 * 60], Gen.Int[1, 10_000], Gen.Int[0, TariffIds.Length - 1]);
        gen.Sample((quarterHours, minutes, cut, tariff) =>
        {
            var start = Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromMinutes(quarterHours * 15L);
            var end = start + Duration.FromMinutes(minutes);
            var split = start + Duration.FromMinutes(1 + (cut % (minutes - 1)));
            var whole = Run(TariffIds[tariff], (start, end));
            var parts = Run(TariffIds[tariff], (start, split), (split, end));
            var w = whole.Metrics;
            var p = parts.Metrics;
            (p.Work[0] + p.Work[1]).ShouldBe(w.Work[0]);
            (p.Night[0] + p.Night[1]).ShouldBe(w.Night[0]);
            (p.Sunday[0] + p.Sunday[1]).ShouldBe(w.Sunday[0]);
            for (var c = 0; c < w.SupplementSlots; c++)
                (p.Supplements[c] + p.Supplements[p.SupplementSlots + c]).ShouldBe(w.Supplements[c]);
        }, iter: 2000);
    }

    private static RunResult Run(string tariff, params (Instant Start, Instant End)[] shifts)
    {
        var input = new CheckInput(Oslo, [Employer(tariff)], [Assistant("a1")],
            [.. shifts.Select((s, i) => new ShiftInput($"s{i}", "a1", "e1", "o1", s.Start, s.End, ShiftKind.Planned))]);
        return RuleEngine.Run(PreparedCheck.From(input));
    }

    /// <summary>Random shifts for up to three assistants within two weeks from a Monday.</summary>
    private static readonly Gen<(int Assistant, int StartHour, int Length)[]> Plans =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 14 * 24 - 1], Gen.Int[2, 16]).Array[1, 30];

    private static CheckInput PlanFrom((int Assistant, int StartHour, int Length)[] plan, LocalDate monday, int shiftWeeks = 0)
    {
        var first = monday.PlusWeeks(shiftWeeks);
        var shifts = plan.Select((s, i) =>
        {
            var start = Oslo.AtLeniently(first.AtMidnight().PlusHours(s.StartHour)).ToInstant();
            return new ShiftInput($"s{i}", $"a{s.Assistant}", "e1", "o1", start, start + Duration.FromHours(s.Length), ShiftKind.Planned);
        }).ToList();
        return new CheckInput(Oslo, [Employer(null)], [Assistant("a0"), Assistant("a1"), Assistant("a2")], shifts)
        {
            Period = new DateInterval(first, first.PlusDays(20)),
        };
    }

    [Fact]
    public void ShiftingAPlan_ByWholeWeeksAwayFromDstAndHolidays_KeepsTheRuleIds()
    {
        // 4 August 2025 is a Monday; up to five weeks later the plan still ends before any holiday or DST change.
        Gen.Select(Plans, Gen.Int[1, 5]).Sample((plan, weeks) =>
        {
            var before = RuleEngine.Check(PlanFrom(plan, new LocalDate(2025, 8, 4))).Findings.Select(f => f.Rule).ToHashSet();
            var after = RuleEngine.Check(PlanFrom(plan, new LocalDate(2025, 8, 4), weeks)).Findings.Select(f => f.Rule).ToHashSet();
            after.ShouldBe(before, ignoreOrder: true);
        }, iter: 500);
    }

    [Fact]
    public void IncrementalRecheck_AfterAnyEdits_EqualsAFullCheck()
    {
        // Plans around the autumn DST change, edited by adds, moves and removals.
        var edits = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 14 * 24 - 1], Gen.Int[2, 16]).Array[1, 12];
        Gen.Select(Plans, edits).Sample((plan, changes) =>
        {
            var input = PlanFrom(plan, new LocalDate(2025, 10, 20));
            var checker = new IncrementalChecker(input);
            var next = plan.Length;
            foreach (var (op, assistant, hour, length) in changes)
            {
                var start = Oslo.AtLeniently(new LocalDate(2025, 10, 20).AtMidnight().PlusHours(hour)).ToInstant();
                var existing = checker.Shifts.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
                if (op == 0 || existing.Count == 0)
                    checker.Add(new ShiftInput($"n{next++}", $"a{assistant}", "e1", "o1", start, start + Duration.FromHours(length), ShiftKind.Planned));
                else if (op == 1)
                    checker.Replace(existing[hour % existing.Count] with { Assistant = $"a{assistant}", Start = start, End = start + Duration.FromHours(length) });
                else
                    checker.Remove(existing[hour % existing.Count].Id);
                var full = RuleEngine.Check(checker.Current).Findings;
                checker.Findings.Select(Describe).ShouldBe(full.Select(Describe));
            }
        }, iter: 300);
    }

    [Fact]
    public void IncrementalRecheck_ReportsWhatChanged()
    {
        var input = new CheckInput(Oslo, [Employer(null)], [Assistant("a1")],
            [new ShiftInput("s1", "a1", "e1", "o1", Rota.At("2025-05-05T14:00"), Rota.At("2025-05-05T22:00"), ShiftKind.Planned)]);
        var checker = new IncrementalChecker(input);
        var added = checker.Add(new ShiftInput("s2", "a1", "e1", "o1", Rota.At("2025-05-06T07:00"), Rota.At("2025-05-06T15:00"), ShiftKind.Planned));
        added.Added.ShouldContain(f => f.Rule == "AML-10-8-1");
        added.Removed.ShouldBeEmpty();
        var moved = checker.Replace(new ShiftInput("s2", "a1", "e1", "o1", Rota.At("2025-05-06T09:00"), Rota.At("2025-05-06T17:00"), ShiftKind.Planned));
        moved.Removed.ShouldContain(f => f.Rule == "AML-10-8-1");
        moved.Added.ShouldNotContain(f => f.Rule == "AML-10-8-1");
    }

    private static string Describe(Finding f)
        => $"{f.Rule}|{f.Severity}|{f.Assistant}|{f.Employer}|{f.From}|{f.To}|{f.Measured}|{f.Limit}|{string.Join(',', f.Shifts)}|{f.Message}";
}
