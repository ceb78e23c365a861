using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PdfSharp.Drawing;
using Selvstyrt.Web.Shared.Pdf;
using PdfSharp.Pdf;
using Selvstyrt.Data;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.Plans;
using Selvstyrt.Web.Auth;

namespace Selvstyrt.Web.Features.Plans;

/// <summary>One day of the appendix: up to two periods (the form's two «Fra–Til» pairs), and any more as a note.</summary>
public sealed record AppendixDay(int Day, LocalDate Date, IReadOnlyList<(string From, string To)> Periods, string? Note);

/// <summary>The handbook's appendix 1 (Arbeidsplan) for one assistant and month, filled from the published plan.</summary>
public sealed record AppendixOneSheet(Guid ArrangementId, Guid PlanId, string PlanName, string Assistant, string WorkLeader, int Year, int Month, IReadOnlyList<AppendixDay> Days, decimal Hours);

/// <summary>
/// Fills the handbook's appendix 1 from a plan: one assistant, one month, each date with its shift times in Norway's
/// local time, and the signature lines for the assistant and the work leader. As a print-styled page and a PDF
/// (PDFsharp, with DejaVu Sans embedded so that a server without fonts makes the same file).
/// </summary>
public sealed class AppendixOne(SelvstyrtDb db, ArrangementAccess access)
{
    public async Task<Result<AppendixOneSheet>> SheetAsync(Guid arrangementId, Guid planId, Guid assistantId, int year, int month, CancellationToken ct)
    {
        var relation = await access.RelationTo(arrangementId, ct);
        if (!relation.CanSeePlan()) return new NotFound();
        if (month is < 1 or > 12 || year is < 2000 or > 2100) return Invalid.Field("month", "Velg en gyldig måned.");
        var plan = await db.WorkPlans.AsNoTracking().Include(p => p.Shifts).Include(p => p.Deviations).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId && p.ArrangementId == arrangementId, ct);
        if (plan is null) return new NotFound();
        var assistant = await db.Assistants.AsNoTracking().Where(a => a.Id == assistantId).Select(a => a.FullName).FirstOrDefaultAsync(ct);
        if (assistant is null) return new NotFound();
        var leaderIds = await db.Arrangements.AsNoTracking().Where(a => a.Id == arrangementId)
            .SelectMany(a => a.Roles.Where(r => r.Kind == ArrangementRoleKind.WorkLeader || r.Kind == ArrangementRoleKind.CoWorkLeader).Select(r => r.UserId)).ToListAsync(ct);
        var leader = await db.Users.AsNoTracking().Where(u => leaderIds.Contains(u.Id)).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var first = new LocalDate(year, month, 1);
        var last = first.PlusMonths(1).PlusDays(-1);
        var zone = CurrentUser.Zone;
        var shifts = plan.RollOut(first, last, zone).Where(s => s.AssistantId == assistantId && s.Date >= first).OrderBy(s => s.Start).ToList();
        var days = new List<AppendixDay>();
        for (var d = first; d <= last; d = d.PlusDays(1))
        {
            var today = shifts.Where(s => s.Date == d).Select(s => (Time(s.Start, zone), Time(s.End, zone))).ToList();
            var note = today.Count > 2 ? "Også " + string.Join(", ", today.Skip(2).Select(p => $"{p.Item1}–{p.Item2}")) : null;
            days.Add(new AppendixDay(d.Day, d, today.Take(2).ToList(), note));
        }
        var hours = shifts.Sum(s => (decimal)(s.End - s.Start).TotalMinutes) / 60m;
        await access.LogReadAsync(arrangementId, relation, "arbeidsplan, vedlegg 1", ct);
        return new AppendixOneSheet(arrangementId, planId, plan.Name, assistant, leader, year, month, days, hours);
    }

    private static string Time(Instant i, DateTimeZone zone) => i.InZone(zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The sheet as an A4 PDF with the form's layout.</summary>
    public static byte[] Pdf(AppendixOneSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        EmbeddedFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Vedlegg 1 – Arbeidsplan – {sheet.Assistant} – {MonthName(sheet.Month)} {sheet.Year}";
        document.Info.Creator = "Selvstyrt";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var g = XGraphics.FromPdfPage(page);
        var title = new XFont(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
        var text = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Regular);
        var bold = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Bold);
        var pen = new XPen(XColors.Black, 0.5);
        double x = 50, y = 50, width = page.Width.Point - 100;
        g.DrawString("Vedlegg 1 – Arbeidsplan", title, XBrushes.Black, x, y);
        y += 28;
        g.DrawString($"Assistent: {sheet.Assistant}", text, XBrushes.Black, x, y);
        y += 16;
        g.DrawString($"Arbeidsleder: {sheet.WorkLeader}", text, XBrushes.Black, x, y);
        y += 16;
        g.DrawString($"Måned: {MonthName(sheet.Month)}    År: {sheet.Year}    Plan: {sheet.PlanName}", text, XBrushes.Black, x, y);
        y += 20;
        double[] columns = [x, x + 60, x + 130, x + 200, x + 270, x + 340];
        const double row = 18;
        g.DrawString("Dato", bold, XBrushes.Black, columns[0] + 4, y + 12);
        g.DrawString("Fra", bold, XBrushes.Black, columns[1] + 4, y + 12);
        g.DrawString("Til", bold, XBrushes.Black, columns[2] + 4, y + 12);
        g.DrawString("Fra", bold, XBrushes.Black, columns[3] + 4, y + 12);
        g.DrawString("Til", bold, XBrushes.Black, columns[4] + 4, y + 12);
        g.DrawString("Merknad", bold, XBrushes.Black, columns[5] + 4, y + 12);
        var top = y;
        y += row;
        foreach (var day in sheet.Days)
        {
            g.DrawLine(pen, x, y, x + width, y);
            g.DrawString(day.Day.ToString(CultureInfo.InvariantCulture), text, XBrushes.Black, columns[0] + 4, y + 12);
            for (var i = 0; i < day.Periods.Count; i++)
            {
                g.DrawString(day.Periods[i].From, text, XBrushes.Black, columns[1 + (i * 2)] + 4, y + 12);
                g.DrawString(day.Periods[i].To, text, XBrushes.Black, columns[2 + (i * 2)] + 4, y + 12);
            }
            if (day.Note is not null) g.DrawString(day.Note, new XFont(EmbeddedFonts.Family, 8, XFontStyleEx.Regular), XBrushes.Black, columns[5] + 4, y + 12);
            y += row;
        }
        g.DrawLine(pen, x, y, x + width, y);
        g.DrawLine(pen, x, top, x + width, top);
        foreach (var c in columns) g.DrawLine(pen, c, top, c, y);
        g.DrawLine(pen, x + width, top, x + width, y);
        y += 18;
        g.DrawString($"Sum planlagte timer: {sheet.Hours.ToString("0.##", CultureInfo.GetCultureInfo("nb-NO"))}", text, XBrushes.Black, x, y);
        y += 50;
        g.DrawLine(pen, x, y, x + (width / 2) - 20, y);
        g.DrawLine(pen, x + (width / 2) + 20, y, x + width, y);
        g.DrawString("Sted. Dato. Signatur assistent", text, XBrushes.Black, x, y + 14);
        g.DrawString("Sted. Dato. Signatur arbeidsleder", text, XBrushes.Black, x + (width / 2) + 20, y + 14);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public static string MonthName(int month) => CultureInfo.GetCultureInfo("nb-NO").DateTimeFormat.GetMonthName(month);
}
