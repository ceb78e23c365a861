using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Absences;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Domain.Rules.Engine;
using Selvstyrt.Domain.Rules.Pay;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Plans;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>What the pay run says about a set of sheets: lines per entry, bases per assistant, and the rules engine's findings.</summary>
public sealed record SheetPayResult(PayResult Pay, Tariff? Tariff, IReadOnlyDictionary<Guid, Guid> SheetOfEntry)
{
    public IEnumerable<PayLine> LinesOf(Guid sheetId) => Pay.Lines.Where(l => SheetOfEntry.TryGetValue(l.EntryId, out var s) && s == sheetId);

    /// <summary>Findings that name an entry of the sheet.</summary>
    public IEnumerable<Finding> FindingsOf(TimeSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var ids = sheet.Entries.Select(e => e.Id.ToString()).ToHashSet(StringComparer.Ordinal);
        return Pay.Findings.Where(f => f.Shifts.Any(ids.Contains));
    }
}

/// <summary>
/// Runs the pay calculation and the rules engine on the actual time of sheets, the way the law judges it: per
/// employer, with the assistant's worked entries in all that employer's arrangements in the month, and the week
/// before the month for rest across the month's start. The assistant page, the approval queue, the attest page and
/// the payroll export all come through here, so their numbers agree by construction.
/// </summary>
public sealed class SheetPay(SelvstyrtDb db, Agreements.AgreementBases agreements)
{
    private static readonly DateTimeZone Zone = CurrentUser.Zone;

    /// <param name="sheets">The sheets to pay (loaded with their entries).</param>
    /// <param name="ct">Cancels the queries.</param>
    public async Task<SheetPayResult> RunAsync(IReadOnlyList<TimeSheet> sheets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0) return new SheetPayResult(new PayResult([], []), null, new Dictionary<Guid, Guid>());
        var providerId = sheets[0].ProviderId;
        var provider = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId, ct);
        var tariff = provider.TariffId is { } t && Tariffs.All.TryGetValue(t, out var found) ? found : null;
        var arrangementIds = sheets.Select(s => s.ArrangementId).Distinct().ToList();
        var months = sheets.Select(s => s.Month).Distinct().ToList();
        var assistantIds = sheets.Select(s => s.AssistantId).Distinct().ToList();
        var sheetIds = sheets.Select(s => s.Id).ToHashSet();

        // Context: the same assistants' other sheets of the employer in the same months in full, and of the months between and
        // before them only their last week (rest and weekly limits across the edge): a month's run for a whole provider once
        // read every entry of the month before to use a seventh of them (issue 21, P4).
        var earliest = months.Min().PlusMonths(-1);
        var latest = months.Max();
        var context = db.TimeSheets.AsNoTracking()
            .Where(s => s.ProviderId == providerId && assistantIds.Contains(s.AssistantId) && s.Month >= earliest && s.Month <= latest && !sheetIds.Contains(s.Id));
        var others = await context.Where(s => months.Contains(s.Month)).Include(s => s.Entries).ToListAsync(ct);
        for (var month = earliest; month < latest; month = month.PlusMonths(1))
        {
            if (months.Contains(month)) continue;
            var lastWeek = month.PlusMonths(1).PlusDays(-7);
            var edge = month;
            others.AddRange(await context.Where(s => s.Month == edge).Include(s => s.Entries.Where(e => e.Date >= lastWeek)).ToListAsync(ct));
        }
        var allArrangements = arrangementIds.Concat(others.Select(o => o.ArrangementId)).Distinct().ToList();
        var arrangements = await db.Arrangements.AsNoTracking().Where(a => allArrangements.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, ct);
        var assistants = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => assistantIds.Contains(a.Id)).ToListAsync(ct);

        var entries = new List<(PayEntry Entry, string Employer, bool Paid)>();
        var sheetOf = new Dictionary<Guid, Guid>();
        void Take(TimeSheet sheet, bool paid, LocalDate? from = null)
        {
            var arrangement = arrangements[sheet.ArrangementId];
            var employer = PlanRules.Employer(arrangement).Id;
            foreach (var e in sheet.Effective.Where(e => e.Status == EntryStatus.Worked))
            {
                if (from is { } f && e.Date < f) continue;
                entries.Add((new PayEntry(e.Id, sheet.AssistantId, sheet.ArrangementId, e.Date, e.Times, e.Kind == PlanShiftKind.OnCall), employer, paid));
                if (paid) sheetOf[e.Id] = sheet.Id;
            }
        }
        foreach (var s in sheets) Take(s, paid: true);
        foreach (var o in others)
        {
            // Other sheets of the same months count in full; the month before only for its last week.
            var sameMonth = months.Contains(o.Month);
            Take(o, paid: false, sameMonth ? null : o.Month.PlusMonths(1).PlusDays(-7));
        }

        var lines = new List<PayLine>();
        var findings = new List<Finding>();
        var profiles = assistants.Select(a => Profile(a, months.Min())).ToList();
        foreach (var group in entries.GroupBy(e => e.Employer))
        {
            var anyArrangement = arrangements[group.First().Entry.ArrangementId];
            var regime = PlanRules.Employer(anyArrangement).Regime;
            var set = await agreements.ForAsync(anyArrangement, ct);
            var request = new PayRequest(group.Key, regime, regime == Regime.Aml ? tariff : null, null, profiles,
                [.. group.Where(e => e.Paid).Select(e => e.Entry)])
            {
                Context = [.. group.Where(e => !e.Paid).Select(e => e.Entry)],
                LegalBases = set.Bases,
                NightWindow = set.SettingsOn(months.Min()).NightWindow,
            };
            var result = PayCalculator.Calculate(request, Zone);
            lines.AddRange(result.Lines);
            findings.AddRange(result.Findings);
        }
        lines.AddRange(await AbsenceLinesAsync(sheets, assistants, profiles, arrangements, tariff, sheetOf, ct));
        return new SheetPayResult(new PayResult(lines, findings), tariff, sheetOf);
    }

    /// <summary>
    /// Paid absence (issue 17, part 7): the shifts the assistants were planned to work on the days of their absences the
    /// employer pays (<see cref="LeavePayDays"/>), each paid to the sheet of its arrangement and month, in the leave's category.
    /// </summary>
    private async Task<List<PayLine>> AbsenceLinesAsync(IReadOnlyList<TimeSheet> sheets, List<Assistant> assistants, List<PayProfile> profiles,
        Dictionary<Guid, Arrangement> arrangements, Tariff? tariff, Dictionary<Guid, Guid> sheetOf, CancellationToken ct)
    {
        var assistantIds = assistants.Select(a => a.Id).ToList();
        var first = sheets.Min(s => s.Month);
        var last = sheets.Max(s => s.LastDay);
        var absences = await db.Absences.AsNoTracking().Where(a => assistantIds.Contains(a.AssistantId) && a.CancelledAt == null).ToListAsync(ct);
        if (absences.Count == 0) return [];
        var absenceIds = absences.Select(a => a.Id).ToList();
        var shifts = await db.AbsenceShifts.AsNoTracking().Where(x => absenceIds.Contains(x.AbsenceId) && x.Date >= first && x.Date <= last).ToListAsync(ct);
        if (shifts.Count == 0) return [];
        var absence = absences.ToDictionary(a => a.Id);
        var employerPays = assistants.ToDictionary(a => a.Id,
            a => LeavePayDays.EmployerPays(a.EmployedSince(), absences.Where(x => x.AssistantId == a.Id), a.CareChildren, a.SoleCarer));
        var sheetFor = sheets.ToDictionary(s => (s.AssistantId, s.ArrangementId, s.Month));
        var paid = new List<(PaidAbsenceShift Shift, Arrangement Arrangement)>();
        var holiday = new List<(PayEntry Shift, Arrangement Arrangement)>();
        foreach (var x in shifts)
        {
            var away = absence[x.AbsenceId];
            if (!sheetFor.TryGetValue((away.AssistantId, x.ArrangementId, new LocalDate(x.Date.Year, x.Date.Month, 1)), out var sheet)) continue;
            var times = new EntryTimes(x.Start, x.End, 0, x.PassiveOffsetMinutes, x.PassiveMinutes, 0, null);
            var entry = new PayEntry(x.Id, away.AssistantId, x.ArrangementId, x.Date, times, x.OnCall);
            if (away.Kind == AbsenceKind.Holiday)
            {
                holiday.Add((entry, arrangements[x.ArrangementId]));
                sheetOf[x.Id] = sheet.Id;
                continue;
            }
            if (LeaveKinds.Of(away.Kind)?.PayCategory is not { } category) continue;
            if (!employerPays[away.AssistantId].TryGetValue(away.Id, out var days) || !days.Contains(x.Date)) continue;
            paid.Add((new PaidAbsenceShift(entry, category, away.Degree), arrangements[x.ArrangementId]));
            sheetOf[x.Id] = sheet.Id;
        }
        // Per employer, with the agreement only under AML (the household regulation has none).
        IEnumerable<PayLine> PerEmployer<T>(IEnumerable<(T Shift, Arrangement Arrangement)> shifts, Func<string, Regime, Tariff?, List<T>, IReadOnlyList<PayLine>> pay)
            => shifts.GroupBy(p => PlanRules.Employer(p.Arrangement)).SelectMany(g => pay(g.Key.Id, g.Key.Regime, g.Key.Regime == Regime.Aml ? tariff : null, [.. g.Select(p => p.Shift)]));
        return
        [
            .. PerEmployer(paid, (employer, regime, agreement, group) => AbsencePay.Calculate(employer, regime, agreement, profiles, group, Zone)),
            .. PerEmployer(holiday, (employer, regime, agreement, group) => AbsencePay.Holiday(employer, regime, agreement, profiles, group, Zone)),
        ];
    }

    private static PayProfile Profile(Assistant a, LocalDate month)
    {
        var employment = a.EmploymentOn(month.PlusMonths(1).PlusDays(-1)) ?? a.EmploymentOn(month) ?? a.Employments.OrderByDescending(e => e.Start).FirstOrDefault();
        return new PayProfile(a.Id, employment?.HourlyWage, employment?.SeniorityYearsOn(month) ?? 0, PlanHours.FullTimeRota);
    }
}
