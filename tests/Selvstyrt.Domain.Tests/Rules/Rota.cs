using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;

namespace Selvstyrt.Domain.Tests.Rules;

/// <summary>A small builder for rule tests: employers, assistants and shifts in Oslo local time.</summary>
internal sealed class Rota
{
    private static readonly DateTimeZone Oslo = DateTimeZoneProviders.Tzdb["Europe/Oslo"];
    private static readonly LocalTimeline Timeline = LocalTimeline.For(Oslo);
    private readonly List<EmployerProfile> _employers = [];
    private readonly List<AssistantProfile> _assistants = [];
    private readonly List<ShiftInput> _shifts = [];
    private PlanInfo? _plan;
    private DateInterval? _period;
    private readonly List<ArrangementInfo> _arrangements = [];

    public static Rota Aml(string? tariff = null, Func<EmployerSettings, EmployerSettings>? settings = null)
        => new Rota().Employer("e1", Regime.Aml, tariff, settings);

    public static Rota Household() => new Rota().Employer("e1", Regime.Household);

    public Rota Employer(string id, Regime regime = Regime.Aml, string? tariff = null, Func<EmployerSettings, EmployerSettings>? settings = null, WeekAnchor anchor = WeekAnchor.Monday, string? planStart = null)
    {
        _employers.Add(new EmployerProfile(id, regime, tariff, anchor, planStart is null ? null : Date(planStart), [], settings?.Invoke(new EmployerSettings()) ?? new EmployerSettings()));
        return this;
    }

    public Rota Basis(LegalBasisKind kind, string employer = "e1", string[]? assistants = null, string? from = null, string? to = null, LongShiftTerms? terms = null)
    {
        var index = _employers.FindIndex(e => e.Id == employer);
        var basis = new LegalBasis(kind, null, assistants?.ToHashSet(), from is null ? null : Date(from), to is null ? null : Date(to)) { LongShift = terms ?? new LongShiftTerms() };
        _employers[index] = _employers[index] with { LegalBases = [.. _employers[index].LegalBases, basis] };
        return this;
    }

    /// <summary>Adds a basis as built elsewhere (an agreement's <c>ToBasis</c>).</summary>
    public Rota With(LegalBasis basis, string employer = "e1")
    {
        var index = _employers.FindIndex(e => e.Id == employer);
        _employers[index] = _employers[index] with { LegalBases = [.. _employers[index].LegalBases, basis] };
        return this;
    }

    public Rota Assistant(string id, string employer = "e1", int? seniority = null, decimal? pay = null, decimal norm = 37.5m, string? born = null, params OtherEmployerHoursDeclared[] other)
    {
        _assistants.Add(new AssistantProfile(id, employer, born is null ? null : Date(born), null, seniority, pay, norm, other));
        return this;
    }

    public Rota Shift(string assistant, string start, string end, string? id = null, string? employer = null, string arrangement = "o1",
        (string From, string To)[]? passive = null, (string From, string To, bool Free)[]? pauses = null,
        ShiftKind kind = ShiftKind.Planned, bool onCall = false, bool travel = false, string? overtimeReason = null)
    {
        if (_assistants.All(a => a.Id != assistant)) Assistant(assistant, employer ?? _employers[0].Id);
        var home = _assistants.First(a => a.Id == assistant).Employer;
        _shifts.Add(new ShiftInput(id ?? $"s{_shifts.Count + 1}", assistant, employer ?? home, arrangement, At(start), At(end), kind)
        {
            Passive = [.. (passive ?? []).Select(p => new Interval(At(p.From), At(p.To)))],
            Pauses = [.. (pauses ?? []).Select(p => new Pause(At(p.From), At(p.To), p.Free))],
            OnCall = onCall,
            Travel = travel,
            OvertimeReason = overtimeReason,
        });
        return this;
    }

    /// <summary>The same shift on several consecutive days: start and end as local times of the first day.</summary>
    public Rota Daily(string assistant, string firstStart, string firstEnd, int days, int everyDays = 1, string? employer = null)
    {
        var start = LocalDateTimePattern.GeneralIso.Parse(Full(firstStart)).Value;
        var end = LocalDateTimePattern.GeneralIso.Parse(Full(firstEnd)).Value;
        for (var d = 0; d < days; d++)
        {
            Shift(assistant, Text(start.PlusDays(d * everyDays)), Text(end.PlusDays(d * everyDays)), employer: employer);
        }
        return this;
    }

    public Rota Plan(string? discussedOn, string startsOn)
    {
        _plan = new PlanInfo(discussedOn is null ? null : Date(discussedOn), Date(startsOn));
        return this;
    }

    public Rota Period(string from, string to)
    {
        _period = new DateInterval(Date(from), Date(to));
        return this;
    }

    public Rota Continuous(string arrangement = "o1")
    {
        _arrangements.Add(new ArrangementInfo(arrangement, true));
        return this;
    }

    public CheckInput Input => new(Oslo, _employers, _assistants, _shifts) { Plan = _plan, Period = _period, Arrangements = _arrangements };

    public CheckResult Check() => RuleEngine.Check(Input);

    public static Instant At(string local)
    {
        var text = Full(local);
        return Timeline.Resolve(LocalDateTimePattern.GeneralIso.Parse(text).GetValueOrThrow());
    }

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private static string Full(string local) => local.Length == 16 ? local + ":00" : local;

    private static string Text(LocalDateTime value) => LocalDateTimePattern.GeneralIso.Format(value);
}

internal static class ResultExtensions
{
    public static List<Finding> Of(this CheckResult result, string rule) => [.. result.Findings.Where(f => f.Rule == rule)];

    public static ShiftResult Shift(this CheckResult result, string id) => result.Shifts.Single(s => s.Id == id);

    public static double Supplement(this ShiftResult shift, string key) => shift.Supplements!.Single(s => s.Key == key).Value;
}
