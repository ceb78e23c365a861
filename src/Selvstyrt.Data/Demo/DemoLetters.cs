using System.Globalization;
using System.Text;

namespace Selvstyrt.Data.Demo;

/// <summary>
/// A one-page PDF decision letter for the demo decisions, so that «download the decision letter» works from the
/// first start. Plain PDF 1.4 with the standard Helvetica font (no embedded fonts, WinAnsi text), written here
/// because the file is tiny and fixed; uploaded letters are stored as they come.
/// </summary>
internal static class DemoLetters
{
    public static byte[] Letter(string municipality, string caseNumber, string recipient, string hours, string period)
    {
        string[] lines =
        [
            $"{municipality} kommune",
            $"Vedtak om brukerstyrt personlig assistanse (BPA) - sak {caseNumber}",
            "",
            $"Tjenestemottaker: {recipient}",
            $"Innvilget: {hours} timer per uke",
            $"Periode: {period}",
            "",
            "Dette er et fiktivt demovedtak fra Selvstyrt. Ingen ekte personer.",
        ];
        var text = new StringBuilder("BT /F1 12 Tf 72 770 Td 16 TL\n");
        foreach (var line in lines) text.Append('(').Append(Escape(line)).Append(") Tj T*\n");
        text.Append("ET");
        var content = Latin1(text.ToString());
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Latin1($"<< /Length {content.Length} >>\nstream\n").Concat(content).Concat(Latin1("\nendstream")).ToArray(),
        };
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }
        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write(pdf, offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static byte[] Latin1(string s) => Encoding.Latin1.GetBytes(s);

    private static void Write(Stream stream, string s) => stream.Write(Latin1(s));
}
