using NodaTime;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Rostering.Bpa;
using Shouldly;

namespace Selvstyrt.Rostering.Tests;

/// <summary>The generated BPA instances: every proposal is judged again here by the rules engine, from the shifts alone.</summary>
public sealed class BpaTests
{
    public static TheoryData<string> Names() => [.. BpaInstances.All().Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Solve_GeneratedInstance_GivesAPlanWithoutBreach(string name)
    {
        var problem = BpaInstances.All().Single(i => i.Name == name).Problem;
        // Speed is measured in bench/ (roster); here the time is generous so that a loaded CI machine still finds a plan.
        var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = 20, Workers = 2 });

        result.Summary.HasSolution.ShouldBeTrue();
        result.Shifts.ShouldNotBeEmpty();
        var breaches = RuleEngine.Check(Rejudge(problem, result.Shifts)).Findings.Where(f => f.Severity == Severity.Breach).Select(f => f.Message).ToList();
        breaches.ShouldBeEmpty();

        // Never more on a shift than its staffing, never one assistant twice at once, never a missing competence.
        foreach (var place in result.Shifts.GroupBy(s => (s.Date, s.Template)))
        {
            var template = problem.Templates.Single(t => t.Id == place.Key.Template);
            place.Count().ShouldBeLessThanOrEqualTo(template.Staffing);
            place.Select(s => s.Assistant).Distinct().Count().ShouldBe(place.Count());
            foreach (var s in place) template.Competences.ShouldBeSubsetOf(problem.Assistants.Single(a => a.Id == s.Assistant).Competences);
        }
        result.Penalties.Select(p => p.Name).ShouldContain("uncovered");
        // A proven minimum is a floor no plan goes under.
        if (result.ProvenMinimumUncovered is { } minimum) result.Penalties.Single(p => p.Name == "uncovered").Units.ShouldBeGreaterThanOrEqualTo(minimum);
        result.Penalties.ShouldAllBe(p => p.Cost == p.Units * p.Weight && p.Explanation.Length > 0);
        if (result.Summary.Objective is { } objective) objective.ShouldBe(result.Penalties.Sum(p => p.Cost));
    }

    [Fact]
    public void TwoToOne_TheUncoveredPlaces_AreTheEasterNightsThatAml1084LeavesWithoutAnyoneAllowed()
    {
        // The 24/7 2:1 instance cannot be fully covered: the cover phase proves 4 places the minimum. They are the two
        // nights into Good Friday and into Easter Monday 2027: whoever works a Sunday or public holiday must have the
        // next one off (AML-10-8-4, no Sunday agreement in the instance), and Easter strings four of them together.
        // The time is a ceiling (the proof takes a few seconds on 2 cores); the run ends as soon as it is proven.
        var problem = BpaInstances.All().Single(i => i.Name == "bpa-247-2til1-24").Problem;
        var (summary, gaps) = BpaSolver.MinimumCover(problem, new SolveOptions { Seconds = 120, Workers = 2 });

        summary.Status.ShouldBe(SolveStatus.Optimal);
        summary.Objective.ShouldBe(4);
        gaps.ShouldBe([(new NodaTime.LocalDate(2027, 3, 25), "natt", 2), (new NodaTime.LocalDate(2027, 3, 28), "natt", 2)], ignoreOrder: true);
    }

    [Fact]
    public void TwoToOne_WithASundayAgreement_EasterIsCovered_AndTheProposalIsRuleClean_AML_10_8_4()
    {
        // The same instance with every assistant under a written Sunday agreement (issue 18): the cover phase proves that
        // every place can be filled, Easter's nights included, and the proposal has no breach by the engine's check, which
        // judges it with the same agreement. The seconds are a generous ceiling for a shared machine; bench/ measures the time.
        var problem = BpaInstances.TwoToOneWithSundayAgreement();
        var (summary, gaps) = BpaSolver.MinimumCover(problem, new SolveOptions { Seconds = 120, Workers = 2 });
        summary.Status.ShouldBe(SolveStatus.Optimal);
        summary.Objective.ShouldBe(0);
        gaps.ShouldBeEmpty();

        // The whole search runs to its ceiling (it cannot prove the other goals optimal); 30 s left a place uncovered once when the
        // rest of the suite shared the 2 cores (the cover phase gets 35 % of it, and each round after the engine's cuts less).
        var result = BpaSolver.Solve(problem, new SolveOptions { Seconds = 60, Workers = 2 });
        result.Penalties.Single(p => p.Name == "uncovered").Units.ShouldBe(0);
        result.Findings.Where(f => f.Severity == Severity.Breach).Select(f => f.Rule).ShouldBeEmpty();
        // Nobody works two red days in a row more than the agreement allows: at most every other on average.
        result.Findings.ShouldNotContain(f => f.Rule == "AML-10-8-4");
    }

    [Fact]
    public void Solve_TenHoursWithThreeAssistants_CoversEveryPlace()
    {
        var result = BpaSolver.Solve(BpaInstances.TenHours(), new SolveOptions { Seconds = 5, Workers = 2 });

        result.Penalties.Single(p => p.Name == "uncovered").Units.ShouldBe(0);
        result.Shifts.Count.ShouldBe(8);
        // Omar cannot work Tuesday evenings.
        result.Shifts.ShouldNotContain(s => s.Assistant == "a2" && s.Template == "tir");
    }

    [Fact]
    public void Json_GeneratedInstance_RoundTrips()
    {
        var problem = BpaInstances.RoundTheClock(24, 2, 12);
        var read = BpaJson.Read(BpaJson.WriteProblem(problem));

        read.Weeks.ShouldBe(12);
        read.StartsOn.ShouldBe(problem.StartsOn);
        read.Templates.Select(t => (t.Id, t.Start, t.Minutes, t.Staffing, t.Days.Count)).ShouldBe(problem.Templates.Select(t => (t.Id, t.Start, t.Minutes, t.Staffing, t.Days.Count)));
        read.Assistants.Select(a => (a.Id, a.PositionPercent, a.Competences.Count, a.FixedShifts.Count, a.Unavailable.Count, a.Wishes.Count)).ShouldBe(problem.Assistants.Select(a => (a.Id, a.PositionPercent, a.Competences.Count, a.FixedShifts.Count, a.Unavailable.Count, a.Wishes.Count)));
        read.Assistants.SelectMany(a => a.FixedShifts).ShouldBe(problem.Assistants.SelectMany(a => a.FixedShifts));
    }

    [Theory]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-05","weeks":1,"templates":[],"assistants":[]}""", "startsOn: turnusen må begynne på en mandag.")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":13,"templates":[],"assistants":[]}""", "weeks: må være et heltall fra 1 til 12.")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"25:00","minutes":480,"staffing":1,"days":["mon"]}],"assistants":[]}""", "templates[0].start: må være et klokkeslett som «07:30».")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"08:00","minutes":480,"staffing":3,"days":["mon"]}],"assistants":[]}""", "templates[0].staffing: må være et heltall fra 1 til 2.")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"08:00","minutes":480,"staffing":1,"days":["funday"]}],"assistants":[]}""", "templates[0].days[0]: ukjent ukedag (bruk mon-sun eller man-søn).")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"08:00","minutes":480,"staffing":1,"days":["mon"]}],"assistants":[{"id":"a","position":120}]}""", "assistants[0].position: må være et tall fra 0 til 100.")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"08:00","minutes":480,"staffing":1,"days":["mon"]}],"assistants":[{"id":"a","position":50,"wishes":[{"template":"x","days":["mon"],"weight":1}]}]}""", "assistants[0].wishes[0].template: vakttypen «x» finnes ikke.")]
    [InlineData("""{"arrangement":"o","startsOn":"2027-01-04","weeks":1,"templates":[{"id":"d","start":"08:00","minutes":480,"staffing":1,"days":["mon"]}],"assistants":[{"id":"a","position":50,"tenantId":"x"}]}""", "assistants[0].tenantId: ukjent felt.")]
    [InlineData("""{"arrangement":"o",""", "Filen er ikke gyldig JSON (linje 1).")]
    public void Read_BadInput_NamesTheFieldInNorwegian(string json, string message)
        => Should.Throw<BpaInputException>(() => BpaJson.Read(json)).Message.ShouldBe(message);

    /// <summary>The engine's input rebuilt from the proposal's shifts alone: one rotation and its first week again.</summary>
    private static CheckInput Rejudge(BpaProblem problem, IReadOnlyList<BpaShift> shifts)
    {
        var all = new List<ShiftInput>();
        var days = problem.Weeks * 7;
        foreach (var s in shifts)
        {
            all.Add(Input(s, s.Start, s.End, "c0"));
            if (s.Week == 1)
            {
                var template = problem.Templates.Single(t => t.Id == s.Template);
                var local = s.Date.PlusDays(days).At(template.Start);
                all.Add(Input(s, local.InZoneLeniently(problem.Zone).ToInstant(), local.PlusMinutes(template.Minutes).InZoneLeniently(problem.Zone).ToInstant(), "c1"));
            }
            ShiftInput Input(BpaShift shift, Instant start, Instant end, string cycle)
            {
                var template = problem.Templates.Single(t => t.Id == shift.Template);
                var middle = start + ((end - start) / 2);
                return new ShiftInput($"{shift.Assistant}:{shift.Date}:{shift.Template}:{cycle}", shift.Assistant, problem.Employer, problem.Arrangement, start, end, ShiftKind.Planned)
                {
                    Pauses = template.PaidPauseMinutes > 0 ? [new Pause(middle, middle + Duration.FromMinutes(template.PaidPauseMinutes), false)] : [],
                };
            }
        }
        foreach (var a in problem.Assistants)
        {
            all.AddRange(a.FixedShifts.Select((f, i) => new ShiftInput($"fixed:{a.Id}:{i}", a.Id, problem.Employer, f.Arrangement, f.Start, f.End, ShiftKind.Planned)));
        }
        var employer = new EmployerProfile(problem.Employer, Regime.Aml, null, WeekAnchor.Monday, null, [], new EmployerSettings());
        var assistants = problem.Assistants.Select(a => new AssistantProfile(a.Id, problem.Employer, null, null, null, null, 35.5m,
            a.OtherEmployerHoursPerWeek > 0 ? [new OtherEmployerHoursDeclared(null, a.OtherEmployerHoursPerWeek, problem.StartsOn, null)] : [])).ToList();
        return new CheckInput(problem.Zone, [employer], assistants, all) { Period = new DateInterval(problem.StartsOn, problem.StartsOn.PlusDays(days + 6)) };
    }
}
