using NodaTime;

namespace Selvstyrt.Domain.Rules.Engine;

/// <summary>What one edit changed: findings that appeared and findings that went away.</summary>
public sealed record FindingChanges(IReadOnlyList<Finding> Added, IReadOnlyList<Finding> Removed);

/// <summary>
/// Keeps a plan's findings current while it is edited (the plan editor calls it on every change). A shift can only
/// touch the windows of its own assistant - every limit is per assistant and employer, or across the assistant's
/// employers - so an edit re-checks that assistant's windows alone, reusing the compiled employers and their day
/// caches, and returns what changed. The period is fixed when the checker is made (weeks without work inside it
/// count as weeks off), so the result always equals a full check of the same shifts and period; an edit outside
/// the period widens it and re-checks everything.
/// </summary>
public sealed class IncrementalChecker
{
    private readonly CheckInput _input;
    private readonly CompiledEmployer[] _employers;
    private readonly Dictionary<string, AssistantProfile> _assistants;
    private readonly Dictionary<string, List<ShiftInput>> _shifts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShiftInput> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Finding>> _findings = new(StringComparer.Ordinal);

    /// <summary>The scope arrays of one re-check, kept for the next (a checker serves one editor at a time).</summary>
    private readonly ScopeBuffers _buffers = new();
    private List<Finding> _checkFindings = [];
    private DateInterval _period;

    /// <summary>Checks the input in full once.</summary>
    public IncrementalChecker(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _employers = PreparedCheck.Compile(input);
        _assistants = input.Assistants.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var shift in input.Shifts) Store(shift);
        var prepared = PreparedCheck.From(input, _employers);
        _period = new DateInterval(Calendar.NorwegianCalendar.Date(prepared.Period.FromDay), Calendar.NorwegianCalendar.Date(prepared.Period.ToDay));
        RecheckAll();
    }

    /// <summary>The period the checker holds fixed.</summary>
    public DateInterval Period => _period;

    /// <summary>The shifts as they are now.</summary>
    public IReadOnlyList<ShiftInput> Shifts => [.. _byId.Values];

    /// <summary>All current findings, sorted as a full check sorts them.</summary>
    public IReadOnlyList<Finding> Findings
    {
        get
        {
            var all = new List<Finding>(_checkFindings);
            foreach (var list in _findings.Values) all.AddRange(list);
            all.Sort(FindingOrder.Instance);
            return all;
        }
    }

    /// <summary>The same input, with the shifts as they are now and the fixed period (for a full check to compare with).</summary>
    public CheckInput Current => _input with { Shifts = Shifts, Period = _period };

    /// <summary>Adds a shift (the caller has validated it).</summary>
    public FindingChanges Add(ShiftInput shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        if (_byId.ContainsKey(shift.Id)) throw new ArgumentException($"Vakten {shift.Id} finnes fra før.", nameof(shift));
        Store(shift);
        return Recheck(shift, shift.Assistant, null);
    }

    /// <summary>Replaces a shift with the same id (moved, resized, given to another assistant).</summary>
    public FindingChanges Replace(ShiftInput shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        var old = _byId[shift.Id];
        Unstore(old);
        Store(shift);
        return Recheck(shift, shift.Assistant, old.Assistant == shift.Assistant ? null : old.Assistant);
    }

    /// <summary>Removes a shift.</summary>
    public FindingChanges Remove(string id)
    {
        var old = _byId[id];
        Unstore(old);
        return Recheck(null, old.Assistant, null);
    }

    private void Store(ShiftInput shift)
    {
        _byId[shift.Id] = shift;
        if (!_shifts.TryGetValue(shift.Assistant, out var list)) _shifts[shift.Assistant] = list = [];
        list.Add(shift);
    }

    private void Unstore(ShiftInput shift)
    {
        _byId.Remove(shift.Id);
        _shifts[shift.Assistant].Remove(shift);
    }

    private FindingChanges Recheck(ShiftInput? changed, string assistant, string? alsoAssistant)
    {
        if (changed is not null && Outside(changed))
        {
            var before = Findings;
            var start = Calendar.NorwegianCalendar.Date(Math.Min(Calendar.NorwegianCalendar.EpochDay(_period.Start), LocalDay(changed.Start)));
            var end = Calendar.NorwegianCalendar.Date(Math.Max(Calendar.NorwegianCalendar.EpochDay(_period.End), LocalDay(changed.End - Duration.Epsilon)));
            _period = new DateInterval(start, end);
            RecheckAll();
            return Diff(before, Findings);
        }
        var removed = new List<Finding>();
        var added = new List<Finding>();
        foreach (var who in alsoAssistant is null ? [assistant] : new[] { assistant, alsoAssistant })
        {
            var old = _findings.TryGetValue(who, out var list) ? list : [];
            var fresh = CheckAssistant(who);
            _findings[who] = fresh;
            var diff = Diff(old, fresh);
            added.AddRange(diff.Added);
            removed.AddRange(diff.Removed);
        }
        var checkOld = _checkFindings;
        _checkFindings = CheckLevel();
        var checkDiff = Diff(checkOld, _checkFindings);
        added.AddRange(checkDiff.Added);
        removed.AddRange(checkDiff.Removed);
        return new FindingChanges(added, removed);
    }

    private bool Outside(ShiftInput shift)
        => LocalDay(shift.Start) < Calendar.NorwegianCalendar.EpochDay(_period.Start)
           || LocalDay(shift.End - Duration.Epsilon) > Calendar.NorwegianCalendar.EpochDay(_period.End);

    private int LocalDay(Instant instant) => Calendar.NorwegianCalendar.EpochDay(instant.InZone(_input.Zone).Date);

    private void RecheckAll()
    {
        _findings.Clear();
        foreach (var who in _assistants.Keys) _findings[who] = CheckAssistant(who);
        _checkFindings = CheckLevel();
    }

    private List<Finding> CheckAssistant(string who)
    {
        var shifts = _shifts.TryGetValue(who, out var list) ? list : [];
        var profile = _assistants[who];
        if (shifts.Count == 0 && profile.OtherEmployerHours.Count == 0) return [];
        var input = _input with { Assistants = [profile], Shifts = shifts, Period = _period, Plan = null };
        var prepared = PreparedCheck.From(input, _employers);
        var sink = new FindingSink();
        var slice = Enumerable.Range(0, shifts.Count).ToArray();
        RuleEngine.CheckAssistant(prepared, 0, slice, null, sink, _buffers);
        sink.Findings.Sort(FindingOrder.Instance);
        return sink.Findings;
    }

    private List<Finding> CheckLevel()
    {
        // Check-level rules look at the plan, the period and which employers have shifts: one shift per employer stands for all.
        var representatives = _byId.Values.GroupBy(s => s.Employer, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var input = _input with { Shifts = representatives, Period = _period };
        var prepared = PreparedCheck.From(input, _employers);
        var sink = new FindingSink();
        foreach (var rule in RuleEngine.CheckRules) rule.Evaluate(prepared, sink);
        sink.Findings.Sort(FindingOrder.Instance);
        return sink.Findings;
    }

    private static FindingChanges Diff(IReadOnlyList<Finding> before, IReadOnlyList<Finding> after)
    {
        var added = new List<Finding>();
        var removed = new List<Finding>();
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var c = i >= before.Count ? 1 : j >= after.Count ? -1 : FindingOrder.Instance.Compare(before[i], after[j]);
            if (c == 0) { i++; j++; }
            else if (c < 0) removed.Add(before[i++]);
            else added.Add(after[j++]);
        }
        return new FindingChanges(added, removed);
    }
}
