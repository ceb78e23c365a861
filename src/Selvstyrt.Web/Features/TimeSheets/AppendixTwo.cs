using System.Globalization;
using NodaTime;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Selvstyrt.Domain.TimeSheets;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Shared.Pdf;
using Selvstyrt.Web.Features.Plans;

namespace Selvstyrt.Web.Features.TimeSheets;

/// <summary>One row of appendix 2: a date, from and to, overtime and the sum worked.</summary>
public sealed record AppendixTwoRow(LocalDate Date, string From, string To, long OvertimeMinutes, long WorkedMinutes, string? Note);

/// <summary>A signature line filled from a recorded transition: who, in which role, and when; empty when the step is not done.</summary>
public sealed record SignatureLine(string Role, string? Name, LocalDate? Date);

/// <summary>The handbook's appendix 2 (the monthly time sheet) for one sheet.</summary>
public sealed record AppendixTwoSheet(string Assistant, string Arrangement, LocalDate Month, IReadOnlyList<AppendixTwoRow> Rows, long Worked, long Overtime, IReadOnlyList<SignatureLine> Signatures);

/// <summary>
/// Appendix 2 from a sheet: every worked entry that counts, with the overtime the pay run found, and the three signature
/// lines (assistant, work leader, employer) filled from the sheet's recorded submit, approval and attestation. As a
/// print page and an A4 PDF with the same fonts as appendix 1.
/// </summary>
public static class AppendixTwo
{
    public static AppendixTwoSheet From(SheetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var zone = CurrentUser.Zone;
        var s = view.Sheet;
        var rows = s.Effective.Where(e => e.Status == EntryStatus.Worked).OrderBy(e => e.Start).Select(e =>
        {
            var line = view.LineOf(e.Id);
            var overtime = line?.Items.Where(i => i.Category is PayCategory.Overtime or PayCategory.OvertimeHigh).Sum(i => i.Minutes) ?? e.OvertimeMinutes;
            var note = e.Source == EntrySource.Unplanned ? "Ikke planlagt: " + e.Reason : e.Deviates ? "Endret: " + e.Reason : null;
            if (e.FreePauseMinutes > 0) note = (note is null ? "" : note + ". ") + $"Pause {e.FreePauseMinutes} min";
            return new AppendixTwoRow(e.Date, Clock(e.Start, zone), Clock(e.End, zone), overtime, line?.WorkedMinutes ?? e.WorkedMinutes, note);
        }).ToList();
        SignatureLine Sign(string role, SheetState state)
        {
            var t = s.LastInto(state);
            return new SignatureLine(role, t?.Name, t?.At.InZone(zone).Date);
        }
        return new AppendixTwoSheet(view.AssistantName, view.ArrangementName, s.Month, rows, rows.Sum(r => r.WorkedMinutes), rows.Sum(r => r.OvertimeMinutes),
            [Sign("Assistent", SheetState.Submitted), Sign("Arbeidsleder", SheetState.Approved), Sign("Arbeidsgiver", SheetState.Attested)]);
    }

    private static string Clock(Instant at, DateTimeZone zone) => at.InZone(zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Hours and minutes as the form writes them: «7:30».</summary>
    public static string Hm(long minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    /// <summary>The sheet as an A4 PDF; more rows than fit go on a second page.</summary>
    public static byte[] Pdf(AppendixTwoSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        EmbeddedFonts.Register();
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        using var document = new PdfDocument();
        document.Info.Title = $"Vedlegg 2 – Timeliste – {sheet.Assistant} – {sheet.Month.ToString("MMMM yyyy", nb)}";
        document.Info.Creator = "Selvstyrt";
        var title = new XFont(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
        var text = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(EmbeddedFonts.Family, 8, XFontStyleEx.Regular);
        var bold = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Bold);
        var pen = new XPen(XColors.Black, 0.5);
        const double x = 50, row = 18;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 100;
        double[] columns = [x, x + 70, x + 120, x + 170, x + 225, x + 280];
        double y = 50;
        g.DrawString("Vedlegg 2 – Timeliste", title, XBrushes.Black, x, y);
        y += 28;
        g.DrawString($"Assistent: {sheet.Assistant}", text, XBrushes.Black, x, y);
        y += 16;
        g.DrawString($"Ordning: {sheet.Arrangement}    Måned: {sheet.Month.ToString("MMMM yyyy", nb)}", text, XBrushes.Black, x, y);
        y += 20;
        void Header()
        {
            string[] heads = ["Dato", "Fra", "Til", "Overtid", "Sum", "Merknad"];
            for (var i = 0; i < heads.Length; i++) g.DrawString(heads[i], bold, XBrushes.Black, columns[i] + 4, y + 12);
            g.DrawLine(pen, x, y, x + width, y);
            y += row;
        }
        Header();
        foreach (var r in sheet.Rows)
        {
            if (y > page.Height.Point - 190)
            {
                g.Dispose();
                page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                g = XGraphics.FromPdfPage(page);
                y = 50;
                Header();
            }
            g.DrawLine(pen, x, y, x + width, y);
            g.DrawString(r.Date.ToString("dd.MM.yyyy", nb), text, XBrushes.Black, columns[0] + 4, y + 12);
            g.DrawString(r.From, text, XBrushes.Black, columns[1] + 4, y + 12);
            g.DrawString(r.To, text, XBrushes.Black, columns[2] + 4, y + 12);
            g.DrawString(r.OvertimeMinutes > 0 ? Hm(r.OvertimeMinutes) : "", text, XBrushes.Black, columns[3] + 4, y + 12);
            g.DrawString(Hm(r.WorkedMinutes), text, XBrushes.Black, columns[4] + 4, y + 12);
            if (r.Note is not null) g.DrawString(r.Note.Length > 45 ? r.Note[..44] + "…" : r.Note, small, XBrushes.Black, columns[5] + 4, y + 12);
            y += row;
        }
        g.DrawLine(pen, x, y, x + width, y);
        y += 18;
        g.DrawString($"Sum: {Hm(sheet.Worked)} timer, herav overtid {Hm(sheet.Overtime)}", bold, XBrushes.Black, x, y);
        y += 50;
        var third = (width - 40) / 3;
        for (var i = 0; i < sheet.Signatures.Count; i++)
        {
            var left = x + (i * (third + 20));
            var sig = sheet.Signatures[i];
            if (sig.Name is not null) g.DrawString($"{sig.Name}, {sig.Date?.ToString("dd.MM.yyyy", nb)}", small, XBrushes.Black, left, y - 4);
            g.DrawLine(pen, left, y, left + third, y);
            g.DrawString($"Dato. Signatur {sig.Role.ToLower(nb)}", small, XBrushes.Black, left, y + 12);
        }
        g.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
