using NodaTime;
using Selvstyrt.Domain.Rules.Calendar;
using Selvstyrt.Domain.Rules.Engine;
using static Selvstyrt.Domain.Rules.Engine.RuleText;

namespace Selvstyrt.Domain.Rules.Checks;

/// <summary>
/// SUPP-1: a supplement is a set of civil-time windows and an amount; each shift is split into elapsed time and
/// labelled by the windows in force on each local day (see the shift results). Gives info when an agreement's
/// parameters in force are marked for verification, with their source.
/// </summary>
internal sealed class Supp1 : CheckRule
{
    public override string Id => "SUPP-1";
    public override string Paragraph => "tariffavtalens bestemmelser om tillegg";
    public override Severity? Severity => Engine.Severity.Info;

    public override void Evaluate(PreparedCheck check, FindingSink sink)
    {
        var from = NorwegianCalendar.Date(check.Period.FromDay);
        var to = NorwegianCalendar.Date(check.Period.ToDay);
        foreach (var employer in check.Employers)
        {
            if (employer.Tariff is null || !check.EmployerHasShifts(employer.Index)) continue;
            foreach (var row in employer.Tariff.Parameters.Rows)
            {
                if (!row.Verify || row.From > to || (row.To is { } end && end < from)) continue;
                var start = row.From > from ? row.From : from;
                var stop = row.To is { } e && e < to ? e : to;
                sink.Add(new Finding(Id, Engine.Severity.Info, null, employer.Profile.Id, [],
                    Instant.FromUnixTimeSeconds(check.Timeline.StartOfDay(NorwegianCalendar.EpochDay(start))),
                    Instant.FromUnixTimeSeconds(check.Timeline.StartOfDay(NorwegianCalendar.EpochDay(stop) + 1)), null, null, null,
                    Format("SUPP-1.Verify", employer.Tariff.Name, row.Source)));
            }
        }
    }
}

/// <summary>PASSIVE-1: passive time counts fully toward every limit; for pay, the agreement's factor applies, and it has no default (a required parameter).</summary>
internal sealed class Passive1 : ScopeRule
{
    public override string Id => "PASSIVE-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-1 og tariffavtalen";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        if (scope.Employer.Tariff is null) return;
        var ids = new List<string>();
        long first = 0, last = 0;
        var hours = 0.0;
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            if (scope.Passive[p] <= 0) continue;
            ref readonly var row = ref scope.Row(p);
            if (PassiveFactor(scope, row.Start) is not null) continue;
            if (ids.Count == 0) first = row.Start;
            last = row.End;
            hours += scope.Passive[p];
            ids.Add(scope.ShiftId(p));
        }
        if (ids.Count == 0) return;
        sink.Add(scope, Id, Engine.Severity.Warn, ids, first, last, hours, null,
            Format("PASSIVE-1.NoFactor", Hours(hours), scope.Employer.Tariff.Name));
    }

    internal static decimal? PassiveFactor(Scope scope, long at)
        => scope.Employer.Profile.Settings.PassiveFactor
           ?? scope.Employer.Tariff?.Parameters.RowAt(NorwegianCalendar.Date(scope.LocalDay(at)))?.Value.PassiveFactor;
}

/// <summary>TRAVEL-1: time at the recipient's disposal while travelling is working time; a night away needs real off-duty rest (a free pause) or passive time under an agreed basis.</summary>
internal sealed class Travel1 : ScopeRule
{
    public override string Id => "TRAVEL-1";
    public override string Paragraph => "arbeidsmiljøloven § 10-1 og tariffavtalen";
    public override Severity? Severity => Engine.Severity.Warn;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var view = new LocalTimelineView(scope.Check.Input.Zone);
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            if ((row.Flags & ShiftTraits.Travel) == 0) continue;
            var nightHours = scope.LimitsAt(row.Start).NightWorker.NightShiftHours * 3600;
            if (scope.Night[p] < nightHours) continue;
            // Real off-duty rest (a free pause) or passive time makes the night lawful to plan.
            if (scope.Passive[p] > 0 || scope.Work[p] < scope.Elapsed[p]) continue;
            sink.Add(scope, Id, Engine.Severity.Warn, [scope.ShiftId(p)], row.Start, row.End, scope.Night[p], null,
                Format("TRAVEL-1.Night", When(view, row.Start), Hours(scope.Night[p])));
        }
    }
}

/// <summary>MINPAY-1: pay below the agreement's minimum for the assistant's seniority on the date of the work is a breach.</summary>
internal sealed class MinPay1 : ScopeRule
{
    public override string Id => "MINPAY-1";
    public override string Paragraph => "tariffavtalens minstelønn";
    public override Severity? Severity => Engine.Severity.Breach;

    public override void Evaluate(Scope scope, FindingSink sink)
    {
        var tariff = scope.Employer.Tariff;
        var assistant = scope.Assistant;
        if (tariff is null || assistant.HourlyPay is not { } pay || scope.Shifts.Length == 0) return;
        var seniority = assistant.SeniorityYears ?? 0;
        Parameters.ParameterRow<Pay.TariffParameters>? current = null;
        var ids = new List<string>();
        long first = 0, last = 0;
        decimal minimum = 0;
        void Flush()
        {
            if (ids.Count == 0 || current is null) return;
            sink.Add(scope, Id, Engine.Severity.Breach, [.. ids], first, last, null, null,
                Format("MINPAY-1.Below", Number((double)pay), Number((double)minimum), seniority, Number((double)assistant.WeeklyNorm), tariff.Name, current.Source));
            ids.Clear();
        }
        var least = 0m;
        int rowFrom = int.MaxValue, rowTo = int.MinValue;
        for (var p = 0; p < scope.Shifts.Length; p++)
        {
            ref readonly var row = ref scope.Row(p);
            var day = scope.LocalDay(row.Start);
            if (day < rowFrom || day > rowTo)
            {
                // The parameter row changes rarely: look it up again only when the day leaves the current row's range.
                var parameters = tariff.Parameters.RowAt(NorwegianCalendar.Date(day));
                if (!ReferenceEquals(parameters, current)) { Flush(); current = parameters; }
                rowFrom = parameters is null ? day : NorwegianCalendar.EpochDay(parameters.From);
                rowTo = parameters?.To is { } to ? NorwegianCalendar.EpochDay(to) : parameters is null ? day : int.MaxValue;
                least = parameters?.Value.MinimumPay?.For(seniority, assistant.WeeklyNorm) ?? 0m;
            }
            if (least == 0m) continue;
            if (pay >= least) continue;
            if (ids.Count == 0) first = row.Start;
            minimum = least;
            last = row.End;
            ids.Add(scope.ShiftId(p));
        }
        Flush();
    }
}
