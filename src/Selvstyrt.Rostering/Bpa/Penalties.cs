using System.Globalization;
using Google.OrTools.Sat;

namespace Selvstyrt.Rostering.Bpa;

/// <summary>«Udekkede plasser»: places on shifts left empty (registered by <see cref="Coverage"/>).</summary>
internal sealed class UncoveredPenalty : IRosterPenalty
{
    public string Name => "uncovered";
    public string Label => "Udekkede plasser";
    public int Weight(BpaWeights weights) => weights.Uncovered;
    public string Explain(long units) => units == 0 ? "Alle vakter er dekket." : $"{units} plasser på vakter står tomme fordi ingen ledig assistent kan ta dem innenfor arbeidsmiljøloven. Vurder flere assistenter eller en større stilling.";
    public void Apply(RosterModel model) { }
}

/// <summary>«Overtid»: hours above 9 a day, rounded up per shift (registered by <see cref="Overtime"/>).</summary>
internal sealed class OvertimePenalty : IRosterPenalty
{
    public string Name => "overtime";
    public string Label => "Planlagt overtid";
    public int Weight(BpaWeights weights) => weights.Overtime;
    public string Explain(long units) => units == 0 ? "Ingen planlagt overtid." : string.Create(CultureInfo.InvariantCulture, $"{units} timer planlagt overtid (vakter over 9 timer, § 10-6). Overtid skal bare brukes ved særlige behov.");
    public void Apply(RosterModel model) { }
}

/// <summary>«Stillingsstørrelse»: hours off each assistant's position over the rotation (both ways).</summary>
internal sealed class PositionPenalty : IRosterPenalty
{
    public string Name => "position";
    public string Label => "Avvik fra stillingsstørrelse";
    public int Weight(BpaWeights weights) => weights.Position;
    public string Explain(long units) => units == 0 ? "Alle får timene stillingen deres tilsier." : $"Til sammen {units} timer over eller under det stillingene tilsier i turnusen.";

    public void Apply(RosterModel model)
    {
        var deviations = new List<IntVar>();
        var instance = model.Instance;
        for (var a = 0; a < model.X.Length; a++)
        {
            var assistant = model.Problem.Assistants[a];
            var target = (long)Math.Round(assistant.PositionPercent / 100.0 * model.Problem.FullTimeHours * model.Problem.Weeks);
            var minutes = LinearExpr.NewBuilder();
            foreach (var o in instance.Occurrences) minutes.AddTerm(model.X[a][o.Index], o.Minutes);
            var max = instance.Occurrences.Sum(o => o.Minutes) / 60 + target + 1;
            // Hours as whole units: |minutes - 60 target| <= 60 deviation + 59.
            var deviation = model.Model.NewIntVar(0, max, $"pos{a}");
            model.Model.Add(minutes - (60 * target) <= (60 * deviation) + 59);
            model.Model.Add((60 * target) - minutes <= (60 * deviation) + 59);
            deviations.Add(deviation);
        }
        model.AddPenalty(this, LinearExpr.Sum(deviations));
    }
}

/// <summary>«Brukerens ønsker»: shifts given to assistants the recipient has not marked as preferred (when some are).</summary>
internal sealed class RecipientPenalty : IRosterPenalty
{
    public string Name => "recipient";
    public string Label => "Brukerens foretrukne assistenter";
    public int Weight(BpaWeights weights) => weights.Recipient;
    public string Explain(long units) => units == 0 ? "Bare foretrukne assistenter er satt opp." : $"{units} vakter går til assistenter som brukeren ikke har valgt som foretrukne.";

    public void Apply(RosterModel model)
    {
        var assistants = model.Problem.Assistants;
        if (!assistants.Any(a => a.Preferred) || assistants.All(a => a.Preferred)) return;
        var others = Enumerable.Range(0, assistants.Count).Where(a => !assistants[a].Preferred).SelectMany(a => model.X[a]);
        model.AddPenalty(this, LinearExpr.Sum(others));
    }
}

/// <summary>«Assistentenes ønsker»: wishes for (weight &gt; 0, paid when not given) or against (weight &lt; 0, paid when given) a template on weekdays.</summary>
internal sealed class WishPenalty : IRosterPenalty
{
    public string Name => "wishes";
    public string Label => "Assistentenes ønsker";
    public int Weight(BpaWeights weights) => weights.Wishes;
    public string Explain(long units) => units == 0 ? "Alle ønsker er oppfylt." : $"Ønsker med samlet vekt {units} er ikke oppfylt.";

    public void Apply(RosterModel model)
    {
        var units = LinearExpr.NewBuilder();
        for (var a = 0; a < model.X.Length; a++)
        {
            foreach (var wish in model.Problem.Assistants[a].Wishes)
            {
                foreach (var o in model.Instance.Occurrences)
                {
                    if (!wish.Days.Contains(o.Date.DayOfWeek)) continue;
                    if (wish.Template is { } t && model.Problem.Templates[o.Template].Id != t) continue;
                    if (wish.Weight > 0)
                    {
                        units.Add(wish.Weight);
                        units.AddTerm(model.X[a][o.Index], -wish.Weight);
                    }
                    else
                    {
                        units.AddTerm(model.X[a][o.Index], -wish.Weight);
                    }
                }
            }
        }
        model.AddPenalty(this, units);
    }
}

/// <summary>
/// Fairness of a burden (nights, or weekends): each assistant's count is held to their share of the total by
/// position size; the units are the counts above or below the share.
/// </summary>
internal abstract class FairnessPenalty : IRosterPenalty
{
    public abstract string Name { get; }
    public abstract string Label { get; }
    public abstract int Weight(BpaWeights weights);
    public abstract string Explain(long units);

    /// <summary>Per assistant, the Boolean terms whose sum is the burden they carry; and the total to share.</summary>
    protected abstract (List<LinearExpr> PerAssistant, long Total) Burdens(RosterModel model);

    public void Apply(RosterModel model)
    {
        var (per, total) = Burdens(model);
        if (total == 0) return;
        var assistants = model.Problem.Assistants;
        var positions = assistants.Sum(a => a.PositionPercent);
        var deviations = new List<IntVar>();
        for (var a = 0; a < assistants.Count; a++)
        {
            var share = (long)Math.Round(total * assistants[a].PositionPercent / Math.Max(1, positions));
            var d = model.Model.NewIntVar(0, total, $"{Name}{a}");
            model.Model.Add(per[a] - share <= d);
            model.Model.Add(share - per[a] <= d);
            deviations.Add(d);
        }
        model.AddPenalty(this, LinearExpr.Sum(deviations));
    }
}

/// <summary>«Rettferdig fordeling av netter»: night shifts (AML-10-11: more than 3 h in 21-06) shared by position size.</summary>
internal sealed class NightFairnessPenalty : FairnessPenalty
{
    public override string Name => "night-fairness";
    public override string Label => "Rettferdig fordeling av nattevakter";
    public override int Weight(BpaWeights weights) => weights.NightFairness;
    public override string Explain(long units) => units == 0 ? "Nattevaktene er fordelt etter stillingsstørrelse." : $"Nattevaktene avviker til sammen {units} fra en fordeling etter stillingsstørrelse.";

    protected override (List<LinearExpr> PerAssistant, long Total) Burdens(RosterModel model)
    {
        var nights = model.Instance.Occurrences.Where(model.Instance.IsNight).ToList();
        var total = nights.Sum(o => (long)model.Problem.Templates[o.Template].Staffing);
        return (model.X.Select(x => (LinearExpr)LinearExpr.Sum(nights.Select(o => x[o.Index]))).ToList(), total);
    }
}

/// <summary>«Rettferdig fordeling av helger»: weekends worked (any shift starting Saturday or Sunday) shared by position size.</summary>
internal sealed class WeekendFairnessPenalty : FairnessPenalty
{
    public override string Name => "weekend-fairness";
    public override string Label => "Rettferdig fordeling av helger";
    public override int Weight(BpaWeights weights) => weights.WeekendFairness;
    public override string Explain(long units) => units == 0 ? "Helgene er fordelt etter stillingsstørrelse." : $"Helgene avviker til sammen {units} fra en fordeling etter stillingsstørrelse.";

    protected override (List<LinearExpr> PerAssistant, long Total) Burdens(RosterModel model)
    {
        var weeks = model.Problem.Weeks;
        var per = new List<LinearExpr>();
        var places = 0L;
        for (var w = 0; w < weeks; w++)
        {
            places += Math.Max(Places(model, (7 * w) + 5), Places(model, (7 * w) + 6));
        }
        for (var a = 0; a < model.X.Length; a++)
        {
            var worked = new List<BoolVar>();
            for (var w = 0; w < weeks; w++)
            {
                var weekend = model.ByDay[(7 * w) + 5].Concat(model.ByDay[(7 * w) + 6]).ToArray();
                if (weekend.Length == 0) continue;
                var b = model.Model.NewBoolVar($"we{a}_{w}");
                foreach (var o in weekend) model.Model.AddImplication(model.X[a][o.Index], b);
                model.Model.Add(b <= LinearExpr.Sum(weekend.Select(o => model.X[a][o.Index])));
                worked.Add(b);
            }
            per.Add(LinearExpr.Sum(worked));
        }
        return (per, places);
    }

    private static long Places(RosterModel model, int day) => model.ByDay[day].Sum(o => (long)model.Problem.Templates[o.Template].Staffing);
}

/// <summary>«Stabile mønstre»: an assistant who works two days in a row on different templates (day, then evening).</summary>
internal sealed class PatternChangePenalty : IRosterPenalty
{
    public string Name => "pattern-change";
    public string Label => "Skifte av vakttype dag til dag";
    public int Weight(BpaWeights weights) => weights.PatternChange;
    public string Explain(long units) => units == 0 ? "Ingen bytter vakttype fra en dag til den neste." : $"{units} ganger går en assistent fra én vakttype til en annen dagen etter.";

    public void Apply(RosterModel model)
    {
        if (model.Problem.Templates.Count < 2) return;
        var changes = new List<BoolVar>();
        var days = model.Instance.Days;
        for (var a = 0; a < model.X.Length; a++)
        {
            for (var d = 0; d < days; d++)
            {
                var next = model.ByDay[(d + 1) % days];
                foreach (var o in model.ByDay[d])
                {
                    var others = next.Where(n => n.Template != o.Template).ToArray();
                    if (others.Length == 0) continue;
                    var c = model.Model.NewBoolVar($"chg{a}_{o.Index}");
                    model.Model.Add(c >= model.X[a][o.Index] + LinearExpr.Sum(others.Select(n => model.X[a][n.Index])) - 1);
                    changes.Add(c);
                }
            }
        }
        model.AddPenalty(this, LinearExpr.Sum(changes));
    }
}

/// <summary>«Enkeltstående vakter»: a working day with days off on both sides (continuity: fewer, longer stretches).</summary>
internal sealed class SingleDayPenalty : IRosterPenalty
{
    public string Name => "single-day";
    public string Label => "Enkeltstående arbeidsdager";
    public int Weight(BpaWeights weights) => weights.SingleDay;
    public string Explain(long units) => units == 0 ? "Ingen enkeltstående arbeidsdager." : $"{units} arbeidsdager står alene mellom fridager.";

    public void Apply(RosterModel model)
    {
        var singles = new List<BoolVar>();
        var days = model.Instance.Days;
        for (var a = 0; a < model.X.Length; a++)
        {
            for (var d = 0; d < days; d++)
            {
                if (model.ByDay[d].Length == 0) continue;
                var s = model.Model.NewBoolVar($"one{a}_{d}");
                model.Model.Add(s >= model.Works(a, d) - model.Works(a, d - 1) - model.Works(a, d + 1));
                singles.Add(s);
            }
        }
        model.AddPenalty(this, LinearExpr.Sum(singles));
    }
}

/// <summary>«Få ulike ansikter»: the number of different assistants the recipient meets each week.</summary>
internal sealed class FacesPenalty : IRosterPenalty
{
    public string Name => "faces";
    public string Label => "Ulike assistenter per uke";
    public int Weight(BpaWeights weights) => weights.Faces;
    public string Explain(long units) => $"Brukeren møter i snitt de samme få assistentene: {units} assistent-uker i turnusen.";

    public void Apply(RosterModel model)
    {
        var faces = new List<BoolVar>();
        for (var w = 0; w < model.Problem.Weeks; w++)
        {
            var week = Enumerable.Range(7 * w, 7).SelectMany(d => model.ByDay[d]).ToArray();
            for (var a = 0; a < model.X.Length; a++)
            {
                var f = model.Model.NewBoolVar($"face{a}_{w}");
                foreach (var o in week) model.Model.AddImplication(model.X[a][o.Index], f);
                faces.Add(f);
            }
        }
        model.AddPenalty(this, LinearExpr.Sum(faces));
    }
}
