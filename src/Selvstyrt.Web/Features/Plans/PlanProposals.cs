using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Quartz;
using Selvstyrt.Data;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Rostering;
using Selvstyrt.Rostering.Bpa;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>
/// A run of the roster generator as the pages read it (from <see cref="RosterProposal"/>, on any web instance): what it
/// was asked, how far it has come, and its result, with the generator's templates mapped back to the arrangement's.
/// </summary>
public sealed record ProposalRun(Guid Id, Guid PlanId, int Seconds, int Weeks, Instant StartedAt, string StartedBy, ProposalState State, bool Stopped,
    SolveProgress? Progress, double ElapsedSeconds, BpaResult? Result, IReadOnlyDictionary<string, ShiftTemplate> Templates, string? RunningOn, int Attempts);

/// <summary>
/// The stored runs of the roster generator (issue 7; stored since issue 21, part 4): at most one per plan and
/// <see cref="MaxRunning"/> at once in the database (CP-SAT uses two threads each). Starting stores the run and hands
/// it to the scheduler as a job that asks to be recovered, so whichever instance picks it up runs it, another takes it
/// over if that instance dies, and every instance reads its progress and result and may stop it.
/// </summary>
public sealed class RosterRuns(SelvstyrtDb db, ISchedulerFactory schedulers, IClock clock)
{
    public const int MaxRunning = 2;
    public const string Group = "proposals";

    /// <summary>The plan's run, read with the arrangement's templates (the generator's map leads to them).</summary>
    public async Task<ProposalRun?> ForAsync(Guid planId, IReadOnlyList<ShiftTemplate> templates, CancellationToken ct)
    {
        var row = await db.RosterProposals.AsNoTracking().SingleOrDefaultAsync(p => p.PlanId == planId, ct);
        if (row is null) return null;
        var map = ProposalJson.Read<Dictionary<string, Guid>>(row.Templates) ?? [];
        var byId = templates.ToDictionary(t => t.Id);
        var mapped = map.Where(m => byId.ContainsKey(m.Value)).ToDictionary(m => m.Key, m => byId[m.Value], StringComparer.Ordinal);
        var result = row.Result is { } json ? ProposalJson.Read<BpaResult>(json) : null;
        // A template deleted since the run cannot be placed: its shifts leave the proposal rather than fail it.
        if (result is not null && result.Shifts.Any(s => !mapped.ContainsKey(s.Template))) result = result with { Shifts = result.Shifts.Where(s => mapped.ContainsKey(s.Template)).ToList() };
        var progress = row.BestObjective is { } best ? new SolveProgress(best, row.BestBound ?? best, row.ElapsedSeconds) : null;
        return new ProposalRun(row.Id, row.PlanId, row.Seconds, row.Weeks, row.StartedAt, row.StartedBy, row.State, row.Stopped, progress, row.ElapsedSeconds, result, mapped,
            row.RunningOn, row.Attempts);
    }

    /// <summary>Stores a run and schedules it; a run already going for the plan is the answer to a second start (on any instance).</summary>
    internal async Task<Result<Guid>> StartAsync(RosterProposal run, CancellationToken ct)
    {
        var existing = await db.RosterProposals.AsNoTracking().Where(p => p.PlanId == run.PlanId).Select(p => new { p.Id, p.State }).SingleOrDefaultAsync(ct);
        if (existing is { State: ProposalState.Running }) return existing.Id;
        if (await db.RosterProposals.CountAsync(p => p.State == ProposalState.Running, ct) >= MaxRunning)
            return new Conflict("Turnusgeneratoren lager forslag for andre planer akkurat nå. Prøv igjen om litt.");
        await db.RosterProposals.Where(p => p.PlanId == run.PlanId).ExecuteDeleteAsync(ct);
        db.RosterProposals.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another start for the plan won the race (the plan's run is unique): that run is the answer.
            db.ChangeTracker.Clear();
            var winner = await db.RosterProposals.AsNoTracking().Where(p => p.PlanId == run.PlanId).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            return winner is { } id ? id : new Conflict("Forslaget kunne ikke startes. Prøv igjen.");
        }
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<RosterProposalJob>().WithIdentity(run.Id.ToString("N"), Group).UsingJobData(RosterProposalJob.ProposalKey, run.Id.ToString())
            .RequestRecovery().WithDescription("Turnusforslag").Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(run.Id.ToString("N"), Group)
            .WithExecutionGroup(Setup.Scheduling.Generator).StartNow().Build(), cancellationToken: ct);
        return run.Id;
    }

    /// <summary>Asks the plan's running run to stop; the instance running it stops within a second or two and keeps the best so far.</summary>
    internal Task StopAsync(Guid planId, CancellationToken ct)
        => db.RosterProposals.Where(p => p.PlanId == planId && p.State == ProposalState.Running && p.StopRequestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StopRequestedAt, clock.GetCurrentInstant()), ct);
}

/// <summary>
/// Runs one stored proposal on whichever instance the scheduler gives it to: claims it, runs the generator, writes its
/// progress every second and looks for a stop asked from any instance, and stores the result. When the instance is shut
/// down the best so far is kept as a stopped run; when it dies, the scheduler runs the job again elsewhere (it asks for
/// recovery) and the run begins again with its whole time.
/// </summary>
public sealed class RosterProposalJob(IServiceScopeFactory scopes, IClock clock, ILogger<RosterProposalJob> log) : IJob
{
    public const string ProposalKey = "proposal";
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = Guid.Parse(context.MergedJobDataMap.GetString(ProposalKey)!);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SelvstyrtDb>();
        var here = context.Scheduler.SchedulerInstanceId;
        var claimed = await db.RosterProposals.Where(p => p.Id == id && p.State == ProposalState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RunningOn, here).SetProperty(p => p.Attempts, p => p.Attempts + 1)
                .SetProperty(p => p.BestObjective, (long?)null).SetProperty(p => p.BestBound, (long?)null).SetProperty(p => p.ElapsedSeconds, 0), cancellationToken);
        if (claimed == 0) return;
        var row = await db.RosterProposals.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        if (context.Recovering) log.LogWarning("Turnusforslag {Id} kjøres på nytt på {Instance}: instansen som kjørte det, stanset", id, here);
        BpaProblem problem;
        try
        {
            problem = ProposalJson.Read<BpaProblem>(row.Problem) ?? throw new JsonException("Tomt problem.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // A run stored by another version that this one cannot read ends as failed, never as running for good.
            log.LogError(ex, "Turnusforslag {Id} kunne ikke leses", id);
            await FinishAsync(db, id, null, row.Seconds, 0);
            return;
        }
        using var stop = new CancellationTokenSource();
        if (row.StopRequestedAt is not null) await stop.CancelAsync();
        SolveProgress? latest = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var solving = Task.Run(() => BpaSolver.Solve(problem, new SolveOptions
        {
            Seconds = row.Seconds, Workers = 2, Progress = p => Volatile.Write(ref latest, p), Cancellation = stop.Token,
        }), CancellationToken.None);
        var shutDown = false;
        while (!solving.IsCompleted)
        {
            await Task.WhenAny(solving, Task.Delay(Beat, CancellationToken.None));
            if (solving.IsCompleted) break;
            var best = Volatile.Read(ref latest);
            var seconds = Math.Min(row.Seconds, watch.Elapsed.TotalSeconds);
            await db.RosterProposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.BestObjective, best == null ? null : best.Objective).SetProperty(p => p.BestBound, best == null ? null : best.Bound)
                .SetProperty(p => p.ElapsedSeconds, seconds), CancellationToken.None);
            var asked = await db.RosterProposals.Where(p => p.Id == id).Select(p => p.StopRequestedAt).SingleOrDefaultAsync(CancellationToken.None);
            if (cancellationToken.IsCancellationRequested && !shutDown)
            {
                shutDown = true;
                await db.RosterProposals.Where(p => p.Id == id && p.StopRequestedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.StopRequestedAt, clock.GetCurrentInstant()), CancellationToken.None);
            }
            if ((asked is not null || shutDown) && !stop.IsCancellationRequested) await stop.CancelAsync();
        }
        BpaResult? result = null;
        try
        {
            result = await solving;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the generator threw, the run ends as failed (and is logged), never left «running».
            log.LogError(ex, "Turnusgeneratoren feilet for plan {PlanId}", row.PlanId);
        }
        await FinishAsync(db, id, result, row.Seconds, watch.Elapsed.TotalSeconds);
    }

    private async Task FinishAsync(SelvstyrtDb db, Guid id, BpaResult? result, int limit, double seconds)
    {
        var json = result is null ? null : ProposalJson.Write(result);
        var state = result is null ? ProposalState.Failed : ProposalState.Done;
        await db.RosterProposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, state).SetProperty(p => p.Result, json)
            .SetProperty(p => p.FinishedAt, clock.GetCurrentInstant()).SetProperty(p => p.ElapsedSeconds, Math.Min(limit, seconds))
            .SetProperty(p => p.RunningOn, (string?)null), CancellationToken.None);
    }
}

/// <summary>The generator's problem, template map and result as stored JSON (NodaTime values in ISO form, enums by name).</summary>
public static class ProposalJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter(), new ReadOnlySetConverter() } };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    /// <summary>The assistants a legal basis covers (a read-only set, which the serializer cannot make by itself).</summary>
    private sealed class ReadOnlySetConverter : JsonConverter<IReadOnlySet<string>>
    {
        public override IReadOnlySet<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => JsonSerializer.Deserialize<List<string>>(ref reader, options) is { } items ? items.ToHashSet(StringComparer.Ordinal) : null;

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToList(), options);
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}

/// <summary>
/// «Foreslå plan»: builds the generator's problem from the plan (the arrangement's templates, the plan's cover needs,
/// the arrangement's assistants with their positions, their shifts in the employer's other arrangements and their
/// declared hours for other employers), starts and stops runs, and takes chosen weeks of a proposal into the plan
/// through the same edit path as every other edit (revision, change log, notifications, re-check).
/// </summary>
public sealed class PlanProposals(CurrentUser user, PlanRules rules, PlanService plans, RosterRuns runs, SelvstyrtDb db)
{
    public static readonly int[] SecondChoices = [5, 10, 30, 60];

    /// <summary>The editor's view of the plan and the run for it, for a user who may edit the plan.</summary>
    public async Task<Result<(PlanEditor Editor, ProposalRun? Run)>> ViewAsync(Guid arrangementId, Guid planId, CancellationToken ct)
    {
        var editor = await plans.EditorAsync(arrangementId, planId, ct);
        if (!editor.IsSuccess) return editor.Error!;
        if (!editor.Value!.Relation.CanEdit()) return new Forbidden("Bare arbeidsleder, medarbeidsleder og leverandøren kan lage turnusforslag.");
        return (editor.Value!, await runs.ForAsync(planId, editor.Value!.Templates, ct));
    }

    public async Task<Result<ProposalRun>> StartAsync(Guid arrangementId, Guid planId, int? seconds, CancellationToken ct)
    {
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (seconds is null || !SecondChoices.Contains(seconds.Value)) return Invalid.Field("seconds", "Velg hvor lenge generatoren skal lete: 5, 10, 30 eller 60 sekunder.");
        var editor = view.Value.Editor;
        if (view.Value.Run is { State: ProposalState.Running } running) return running;
        var problem = await ProblemAsync(editor, ct);
        if (!problem.IsSuccess) return problem.Error!;
        var templates = ProposalJson.Write(problem.Value.Templates.ToDictionary(t => t.Key, t => t.Value.Id, StringComparer.Ordinal));
        var run = RosterProposal.Start(Guid.CreateVersion7(), planId, arrangementId, seconds.Value, problem.Value.Problem.Weeks, ProposalJson.Write(problem.Value.Problem), templates,
            user.Now, user.DisplayName);
        var started = await runs.StartAsync(run, ct);
        if (!started.IsSuccess) return started.Error!;
        return (await runs.ForAsync(planId, editor.Templates, ct))!;
    }

    public async Task<Result<ProposalRun>> StopAsync(Guid arrangementId, Guid planId, CancellationToken ct)
    {
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (view.Value.Run is null) return new NotFound("Det er ikke noe forslag under arbeid for denne planen.");
        await runs.StopAsync(planId, ct);
        return (await runs.ForAsync(planId, view.Value.Editor.Templates, ct))!;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the plan's run to end: a stopped run ends within a second or two, wherever it runs.</summary>
    public async Task WaitAsync(Guid planId, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && await db.RosterProposals.AnyAsync(p => p.PlanId == planId && p.State == ProposalState.Running, ct)) await Task.Delay(250, ct);
    }

    /// <summary>Replaces the chosen rotation weeks of the plan with the proposal's shifts for them.</summary>
    public async Task<Result<PlanEdited>> AcceptAsync(Guid arrangementId, Guid planId, IReadOnlyList<int> weeks, int? revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var view = await ViewAsync(arrangementId, planId, ct);
        if (!view.IsSuccess) return view.Error!;
        if (view.Value.Run is not { State: ProposalState.Done, Result: { } result } run) return new NotFound("Det er ikke noe ferdig forslag å ta inn. Lag et nytt forslag.");
        if (weeks.Count == 0) return Invalid.Field("weeks", "Velg minst én uke som skal tas inn.");
        if (weeks.Any(w => w < 1 || w > run.Weeks)) return Invalid.Field("weeks", $"Ukene må være mellom 1 og {run.Weeks}.");
        var chosen = weeks.ToHashSet();
        var people = result.Shifts.Select(s => Guid.Parse(s.Assistant)).ToHashSet();
        return await plans.ReplaceWeeksAsync(arrangementId, planId, revision, chosen, result.Shifts.Where(s => chosen.Contains(s.Week)).Select(s =>
        {
            var template = run.Templates[s.Template];
            return new ShiftPlacement(s.Week, s.Day, template.Start, template.LengthMinutes, Guid.Parse(s.Assistant), template.Kind)
            {
                Passive = template.Passive, PaidPauseMinutes = template.PaidPauseMinutes, TemplateId = template.Id,
            };
        }).ToList(), people, ct);
    }

    /// <summary>The generator's problem for the plan, or a Norwegian message saying what is missing.</summary>
    private async Task<Result<(BpaProblem Problem, IReadOnlyDictionary<string, ShiftTemplate> Templates)>> ProblemAsync(PlanEditor editor, CancellationToken ct)
    {
        var plan = editor.Plan;
        if (editor.Templates.Count == 0) return Invalid.Field("seconds", "Ordningen har ingen vakttyper. Lag vakttyper først, så kan generatoren bruke dem.");
        if (plan.Coverage.Count == 0) return Invalid.Field("seconds", "Planen har ingen dekningsbehov. Legg inn når det trengs assistanse under «Dekning» først.");
        var people = editor.People.Where(p => p.PositionPercent > 0 || p.OnCall).ToList();
        if (people.Count == 0) return Invalid.Field("seconds", "Ordningen har ingen assistenter med stilling å sette opp.");
        // The same window the editor judges the plan in: the rotation in force today (or the first) and one more week,
        // so that the holidays the generator plans around are the ones the editor will check against.
        var start = PlanCheck.Window(plan, user.Today).Start;
        var window = new DateInterval(start, start.PlusWeeks(plan.RotationWeeks + 1).PlusDays(-1));
        var context = await rules.ContextForAsync(plan, editor.Arrangement, people.Select(p => p.Id).ToList(), window, ct);
        var profiles = context.Assistants.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var (templates, map) = ProposalMapping.Templates(editor.Templates, plan.Coverage.Select(c => c.Spec).ToList(), editor.Arrangement.RequiredCompetences);
        if (templates.Count == 0) return Invalid.Field("seconds", "Ingen av vakttypene ligger innenfor dekningsbehovene. Se over vakttypene og dekningen.");
        var fixedShifts = context.OtherShifts.Where(s => s.Arrangement != editor.Arrangement.Id.ToString()).ToLookup(s => s.Assistant, StringComparer.Ordinal);
        // What each holds through the window: the generator only puts someone on a template whose competences they all have
        // (issue 19, part 3); one that runs out inside the window does not count, as the plan repeats past it.
        var held = await Competences.CompetenceRecords.HeldAsync(db, people.Select(p => p.Id).ToList(), ct);
        bool Covered(string id, LegalBasisKind kind) => context.Employer.LegalBases.Any(b => b.Kind == kind && b.Covers(id, window.Start) && b.Covers(id, window.End));
        var assistants = people.Select(p =>
        {
            var id = p.Id.ToString();
            var declared = profiles.GetValueOrDefault(id)?.OtherEmployerHours.Where(h => h.From <= window.End && (h.To is null || h.To >= window.Start)).Sum(h => h.HoursPerWeek) ?? 0;
            return new BpaAssistant(id, p.Name, (double)(p.OnCall ? Math.Max(p.PositionPercent, 10m) : p.PositionPercent))
            {
                FixedShifts = fixedShifts[id].Select(s => new BpaFixedShift(s.Start, s.End, s.Arrangement)).ToList(),
                OtherEmployerHoursPerWeek = declared,
                Competences = (held.GetValueOrDefault(p.Id) ?? []).Where(h => h.HoldsOn(window.Start) && h.HoldsOn(window.End)).Select(h => h.Name)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                // The employer's agreements (issue 18): long shifts and the Sunday agreement where one covers the whole window.
                LongShifts = Covered(id, LegalBasisKind.TariffDeviation) || Covered(id, LegalBasisKind.Arbeidstilsynet),
                SundayAgreement = Covered(id, LegalBasisKind.SundayAgreement),
            };
        }).ToList();
        var (employer, _) = PlanRules.Employer(editor.Arrangement);
        var problem = new BpaProblem(editor.Arrangement.Id.ToString(), employer, start, plan.RotationWeeks, templates, assistants) { Zone = CurrentUser.Zone, LegalBases = context.Employer.LegalBases };
        return (problem, map);
    }
}

/// <summary>How the plan's cover needs become the generator's templates.</summary>
public static class ProposalMapping
{
    private static readonly (WeekDays Flag, IsoDayOfWeek Day)[] Days =
    [
        (WeekDays.Monday, IsoDayOfWeek.Monday), (WeekDays.Tuesday, IsoDayOfWeek.Tuesday), (WeekDays.Wednesday, IsoDayOfWeek.Wednesday),
        (WeekDays.Thursday, IsoDayOfWeek.Thursday), (WeekDays.Friday, IsoDayOfWeek.Friday), (WeekDays.Saturday, IsoDayOfWeek.Saturday), (WeekDays.Sunday, IsoDayOfWeek.Sunday),
    ];

    /// <summary>
    /// Each cover need is tiled with the arrangement's templates: of the templates lying at least half inside it, the set
    /// that covers most of the need without two of them overlapping (on the 24-hour circle; fewer templates on a tie),
    /// so a round-the-clock need takes day, evening and night, not also the sleeping night that overlaps them. A chosen
    /// template is needed on the need's weekdays by as many at once as the need says (at most 2, as 2:1). Each
    /// (template, staffing) pair becomes one generator template; the map leads back to the arrangement's template.
    /// </summary>
    public static (List<BpaTemplate> Templates, Dictionary<string, ShiftTemplate> Map) Templates(IReadOnlyList<ShiftTemplate> templates, IReadOnlyList<CoverageSpec> needs,
        IReadOnlyList<string>? everyone = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(needs);
        var staffingByDay = new Dictionary<(Guid Template, IsoDayOfWeek Day), int>();
        foreach (var need in needs)
        {
            foreach (var template in Tiling(templates, need))
            {
                foreach (var (flag, day) in Days)
                {
                    if ((need.Days & flag) == 0) continue;
                    var key = (template.Id, day);
                    staffingByDay[key] = Math.Max(staffingByDay.GetValueOrDefault(key), Math.Min(2, need.Assistants));
                }
            }
        }
        var result = new List<BpaTemplate>();
        var map = new Dictionary<string, ShiftTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var group in Days.Select(d => (d.Day, Staffing: staffingByDay.GetValueOrDefault((template.Id, d.Day)))).Where(x => x.Staffing > 0).GroupBy(x => x.Staffing))
            {
                var id = $"{template.Id:N}-{group.Key}";
                result.Add(new BpaTemplate(id, template.Name, template.Start, template.LengthMinutes, group.Key, group.Select(x => x.Day).ToList())
                {
                    Passive = template.Passive, PaidPauseMinutes = template.PaidPauseMinutes, Competences = Selvstyrt.Domain.People.Qualification.Required(everyone ?? [], template.Competences),
                });
                map[id] = template;
            }
        }
        return (result, map);
    }

    /// <summary>The templates that tile a need best (see <see cref="Templates"/>); an exhaustive search over at most 12 candidates.</summary>
    public static IReadOnlyList<ShiftTemplate> Tiling(IReadOnlyList<ShiftTemplate> templates, CoverageSpec need)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(need);
        var candidates = templates.Where(t => Inside(t, need) * 2 >= t.LengthMinutes).OrderBy(t => t.StartMinute).ThenBy(t => t.Name, StringComparer.Ordinal).Take(12).ToList();
        var best = (Mask: 0, Covered: -1, Count: 0);
        for (var mask = 1; mask < 1 << candidates.Count; mask++)
        {
            var chosen = Enumerable.Range(0, candidates.Count).Where(i => (mask & (1 << i)) != 0).Select(i => candidates[i]).ToList();
            if (chosen.SelectMany((x, i) => chosen.Skip(i + 1).Select(y => (x, y))).Any(p => Overlap(p.x, p.y))) continue;
            var covered = chosen.Sum(t => Inside(t, need));
            if (covered > best.Covered || (covered == best.Covered && chosen.Count < best.Count)) best = (mask, covered, chosen.Count);
        }
        return Enumerable.Range(0, candidates.Count).Where(i => (best.Mask & (1 << i)) != 0).Select(i => candidates[i]).ToList();
    }

    private static bool Overlap(ShiftTemplate a, ShiftTemplate b)
        => new[] { -1440, 0, 1440 }.Any(shift => a.StartMinute + shift < b.StartMinute + b.LengthMinutes && b.StartMinute < a.StartMinute + shift + a.LengthMinutes);

    /// <summary>Minutes of the template (from its start on a day) inside the need (from its start on the same day, or the day before).</summary>
    private static int Inside(ShiftTemplate template, CoverageSpec need)
    {
        var best = 0;
        foreach (var shift in new[] { -1440, 0, 1440 })
        {
            int from = need.StartMinute + shift, to = need.StartMinute + shift + need.LengthMinutes;
            var overlap = Math.Min(to, template.StartMinute + template.LengthMinutes) - Math.Max(from, template.StartMinute);
            best = Math.Max(best, overlap);
        }
        return Math.Max(0, best);
    }
}
