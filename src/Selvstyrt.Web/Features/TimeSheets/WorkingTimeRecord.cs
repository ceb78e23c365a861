using Microsoft.EntityFrameworkCore;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Reports;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>One line of the working-time record: actual start and stop, free pauses, and the worked time split into normal, extra and overtime.</summary>
public sealed record WorkingTimeLine(LocalDate Date, string Arrangement, Instant Start, Instant End, int PauseMinutes, long NormalMinutes, long ExtraMinutes, long OvertimeMinutes,
    string? OvertimeReason, SheetState State);

/// <summary>An assistant's working-time record for a period.</summary>
public sealed record WorkingTimeSheet(Guid AssistantId, string AssistantName, LocalDate From, LocalDate To, IReadOnlyList<WorkingTimeLine> Lines)
{
    public long Normal => Lines.Sum(l => l.NormalMinutes);
    public long Extra => Lines.Sum(l => l.ExtraMinutes);
    public long Overtime => Lines.Sum(l => l.OvertimeMinutes);
}

/// <summary>
/// The working-time record of AML-10-7-1: per assistant and period, the actual hours worked (kept apart from the plan),
/// with normal hours, extra hours (merarbeid: unplanned work that is not overtime) and overtime (legal or marked, with
/// its reason), from every time sheet of the employer whatever its state. For the union representative and the Labour
/// Inspection, the employer's roles produce it (administrator, coordinator, auditor with a stated purpose), and the
/// assistant sees their own. Every read is written to the access log of each arrangement it covers.
/// </summary>
public sealed class WorkingTimeRecord(SelvstyrtDb db, ArrangementAccess access, CurrentUser user, SheetPay pay)
{
    public async Task<Result<WorkingTimeSheet>> ForAsync(Guid assistantId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        if (to < from) return Invalid.Field("til", "Til-datoen kan ikke være før fra-datoen.");
        if (Period.Between(from, to, PeriodUnits.Days).Days > 366) return Invalid.Field("til", "Velg en periode på høyst ett år.");
        var assistant = await access.ReadableAssistants().AsNoTracking().Where(a => a.Id == assistantId).Select(a => new { a.Id, a.FullName, a.UserId }).FirstOrDefaultAsync(ct);
        if (assistant is null) return new NotFound();
        var own = assistant.UserId == user.Id && user.Id != Guid.Empty;
        var firstMonth = new LocalDate(from.Year, from.Month, 1);
        var sheets = await db.TimeSheets.Include(s => s.Entries).AsNoTracking()
            .Where(s => s.AssistantId == assistantId && s.Month >= firstMonth && s.Month <= to).ToListAsync(ct);
        // Beyond the assistant themself, only the employer's side and the union representative (AML-10-7-1: the record is
        // available to the union representatives): a work leader sees sheets, not the record across arrangements.
        var relations = new Dictionary<Guid, Relation>();
        foreach (var arrangement in sheets.Select(s => s.ArrangementId).Distinct()) relations[arrangement] = await access.RelationTo(arrangement, ct);
        const Relation EmployerSide = Relation.ProviderAdmin | Relation.OfficeCoordinator | Relation.Auditor | Relation.UnionRepresentative;
        if (!own && !relations.Values.Any(r => (r & EmployerSide) != 0))
        {
            var employerSide = await db.ProviderGrants.AnyAsync(g => g.UserId == user.Id && g.Role != Domain.Access.ProviderRole.CaseWorker
                && (g.Role != Domain.Access.ProviderRole.Auditor || user.Purpose != null), ct);
            if (!employerSide) return new NotFound();
        }
        if (!own) sheets = sheets.Where(s => (relations[s.ArrangementId] & EmployerSide) != 0).ToList();
        var names = await db.Arrangements.AsNoTracking().Where(a => sheets.Select(s => s.ArrangementId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var lines = new List<WorkingTimeLine>();
        foreach (var group in sheets.GroupBy(s => s.ProviderId))
        {
            var run = await pay.RunAsync([.. group], ct);
            var byEntry = run.Pay.Lines.ToDictionary(l => l.EntryId);
            foreach (var sheet in group)
            {
                foreach (var e in sheet.Effective.Where(e => e.Status == EntryStatus.Worked && e.Date >= from && e.Date <= to))
                {
                    var line = byEntry.GetValueOrDefault(e.Id);
                    var worked = line?.WorkedMinutes ?? e.WorkedMinutes;
                    var overtime = line is null ? e.OvertimeMinutes : line.Items.Where(i => i.Category is PayCategory.Overtime or PayCategory.OvertimeHigh).Sum(i => i.Minutes);
                    var rest = Math.Max(0, worked - overtime);
                    var extra = e.Source == EntrySource.Unplanned ? rest : 0;
                    lines.Add(new WorkingTimeLine(e.Date, names[sheet.ArrangementId], e.Start, e.End, e.FreePauseMinutes, rest - extra, extra, overtime, e.OvertimeReason, sheet.State));
                }
            }
        }
        foreach (var (arrangement, relation) in relations.Where(r => sheets.Any(s => s.ArrangementId == r.Key)))
            await access.LogReadAsync(arrangement, relation == Relation.None ? Relation.Assistant : relation, "arbeidstidsregistrering (aml. § 10-7)", ct);
        return new WorkingTimeSheet(assistant.Id, assistant.FullName, from, to, [.. lines.OrderBy(l => l.Start)]);
    }

    /// <summary>The record as a table for CSV and Excel.</summary>
    public static ReportTable Table(WorkingTimeSheet record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var zone = CurrentUser.Zone;
        static decimal H(long minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
        return new ReportTable($"Arbeidstid {record.AssistantName}",
            ["Dato", "Ordning", "Start", "Slutt", "Pause (min)", "Normal tid (t)", "Merarbeid (t)", "Overtid (t)", "Årsak til overtid", "Status"],
            [.. record.Lines.Select(l => new object?[]
            {
                l.Date, l.Arrangement, l.Start.InZone(zone).ToString("yyyy-MM-dd HH:mm", null), l.End.InZone(zone).ToString("yyyy-MM-dd HH:mm", null), l.PauseMinutes,
                H(l.NormalMinutes), H(l.ExtraMinutes), H(l.OvertimeMinutes), l.OvertimeReason ?? "", SheetTexts.State(l.State),
            })]);
    }
}
