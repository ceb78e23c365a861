using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using Selvstyrt.Data;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Features.Incidents;
using Selvstyrt.Web.Features.TimeSheets;
using Selvstyrt.Web.Resources;
using Selvstyrt.Web.Shared.Pdf;

namespace Selvstyrt.Web.Features.Transfers;

/// <summary>
/// The bundle's copies for people (under <c>lesbar/</c>): an overview PDF of the arrangement (decisions, plans with their
/// change logs, the assistants who move along with their competences, time sheets, agreements, incidents and risk
/// analyses) and each time sheet as appendix 2. Made from the same records as the data; never read back.
/// </summary>
public static class BundleReadable
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static async Task<Dictionary<string, byte[]>> BuildAsync(SelvstyrtDb db, TimeSheetService sheets, IStringLocalizer<Texts> t, Guid arrangementId,
        Relation relation, LocalDate today, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var views = await sheets.ArchiveAsync(arrangementId, relation, ct);
        foreach (var view in views)
        {
            var name = $"timelister/{view.Sheet.Month:yyyy-MM}-{Slug(view.AssistantName)}-{view.Sheet.Id.ToString()[..8]}.pdf";
            files[name] = AppendixTwo.Pdf(AppendixTwo.From(view));
        }
        files["oversikt.pdf"] = await OverviewAsync(db, t, arrangementId, views, today, ct);
        return files;
    }

    private static async Task<byte[]> OverviewAsync(SelvstyrtDb db, IStringLocalizer<Texts> t, Guid arrangementId, List<SheetView> views, LocalDate today, CancellationToken ct)
    {
        var arrangement = await db.Arrangements.AsNoTracking().SingleAsync(a => a.Id == arrangementId, ct);
        var recipient = await db.Recipients.AsNoTracking().SingleAsync(r => r.Id == arrangement.RecipientId, ct);
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == arrangement.ProviderId, ct);
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == arrangement.MunicipalityId, ct);
        using var pdf = new FlowingText(t["Transfers.Overview.Title", arrangement.Name]);
        pdf.Title(t["Transfers.Overview.Title", arrangement.Name]);
        pdf.Paragraph(t["Transfers.Overview.Intro", provider.Name, provider.OrganisationNumber, Date(today)], small: true);

        pdf.Heading(t["Transfers.Overview.Arrangement"]);
        pdf.Paragraph(t["Transfers.Overview.ArrangementLine", arrangement.Name, recipient.FullName, Date(recipient.BirthDate), $"{municipality.Name} ({municipality.Number})",
            t[$"EmployerModel.{arrangement.EmployerModel}"], Date(arrangement.StartDate), arrangement.EndDate is { } end ? Date(end) : "–"]);

        pdf.Heading(t["Transfers.Overview.Decisions"]);
        foreach (var d in await db.Decisions.AsNoTracking().Where(d => d.ArrangementId == arrangementId).OrderBy(d => d.ValidFrom).ToListAsync(ct))
            pdf.Paragraph(t["Transfers.Overview.DecisionLine", d.VersionNo, Date(d.ValidFrom), d.ValidTo is { } to ? Date(to) : "–", Number(d.HoursPerWeek), d.CaseNumber]);

        pdf.Heading(t["Transfers.Overview.Plans"]);
        var plans = await db.WorkPlans.AsNoTracking().Include(p => p.Changes).Where(p => p.ArrangementId == arrangementId).OrderBy(p => p.StartsOn).ToListAsync(ct);
        foreach (var plan in plans)
        {
            pdf.Paragraph(t["Transfers.Overview.PlanLine", plan.Name, plan.RotationWeeks, Date(plan.StartsOn), plan.EndsOn is { } e ? Date(e) : "–",
                plan.PublishedAt is null ? t["Transfers.Overview.Draft"] : t["Transfers.Overview.Published"]]);
            foreach (var change in plan.Changes.OrderBy(c => c.At))
                pdf.Paragraph($"{Date(change.At.InZone(CurrentUser.Zone).Date)} {change.By}: {change.Description}", small: true);
        }

        pdf.Heading(t["Transfers.Overview.Assistants"]);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.ArrangementId == arrangementId && (a.To == null || a.To >= today)).ToListAsync(ct);
        var ids = assignments.Select(a => a.AssistantId).ToList();
        var assistants = await db.Assistants.AsNoTracking().Include(a => a.Employments).Where(a => ids.Contains(a.Id)).OrderBy(a => a.FullName).ToListAsync(ct);
        var competences = await db.AssistantCompetences.AsNoTracking().Where(c => ids.Contains(c.AssistantId))
            .Join(db.CompetenceKinds, c => c.KindId, k => k.Id, (c, k) => new { c.AssistantId, k.Name, c.GainedOn }).ToListAsync(ct);
        foreach (var a in assistants)
        {
            var employment = a.Employments.Where(e => e.EmployerId == arrangement.ProviderId).OrderByDescending(e => e.Start).FirstOrDefault();
            var held = string.Join(", ", competences.Where(c => c.AssistantId == a.Id).OrderBy(c => c.Name).Select(c => $"{c.Name} ({Date(c.GainedOn)})"));
            pdf.Paragraph(employment is null
                ? a.FullName
                : t["Transfers.Overview.AssistantLine", a.FullName, Date(employment.Start), Number(employment.PositionPercent), Date(employment.SeniorityFrom), held.Length == 0 ? "–" : held]);
        }

        pdf.Heading(t["Transfers.Overview.Sheets"]);
        foreach (var view in views)
            pdf.Paragraph($"{view.Sheet.Month:yyyy-MM} {view.AssistantName}: {t[$"SheetState.{view.Sheet.State}"]}", small: true);

        pdf.Heading(t["Transfers.Overview.Agreements"]);
        foreach (var agreement in await db.Agreements.AsNoTracking().Where(x => x.ArrangementId == arrangementId).OrderBy(x => x.ValidFrom).ToListAsync(ct))
            pdf.Paragraph($"{agreement.Name}: {Date(agreement.ValidFrom)} – {(agreement.ValidTo is { } to ? Date(to) : "")}");

        pdf.Heading(t["Transfers.Overview.Incidents"]);
        foreach (var incident in await db.Incidents.AsNoTracking().Where(x => x.ArrangementId == arrangementId).OrderBy(x => x.OccurredAt).ToListAsync(ct))
            pdf.Paragraph($"{Date(incident.OccurredAt.InZone(CurrentUser.Zone).Date)} {IncidentRecords.KindName(incident.Kind)}: {incident.WhatHappened}", small: true);

        pdf.Heading(t["Transfers.Overview.Risks"]);
        foreach (var risk in await db.RiskAnalyses.AsNoTracking().Where(x => x.ArrangementId == arrangementId).OrderBy(x => x.Year).ToListAsync(ct))
            pdf.Paragraph(t["Transfers.Overview.RiskLine", risk.Year, risk.Hazards.Count]);
        return pdf.ToBytes();
    }

    /// <summary>The text of <c>LES-MEG.txt</c>: what the bundle holds and how to take it in, in Norwegian.</summary>
    public static string Readme(IStringLocalizer<Texts> t, string arrangement, string provider, LocalDate today, int rows) =>
        t["Transfers.Readme", arrangement, provider, Date(today), rows].Value.Replace("\\n", "\n", StringComparison.Ordinal);

    private static string Date(LocalDate d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Number(decimal n) => n.ToString("0.##", Norwegian);

    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (c is 'æ') builder.Append("ae");
            else if (c is 'ø') builder.Append('o');
            else if ((c == ' ' || c == '-') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-') is { Length: > 0 } slug ? slug : "ordning";
    }
}
