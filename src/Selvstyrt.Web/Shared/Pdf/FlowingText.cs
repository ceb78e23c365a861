using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Selvstyrt.Web.Shared.Pdf;

/// <summary>
/// A letter-like A4 document written top to bottom: headings, paragraphs wrapped at word boundaries, and signature lines,
/// with a new page when the text reaches the bottom margin. For contracts and reference letters (PDFsharp draws; this only
/// wraps and breaks pages).
/// </summary>
public sealed class FlowingText : IDisposable
{
    private const double Margin = 56;
    private readonly PdfDocument _document;
    private readonly XFont _title;
    private readonly XFont _heading;
    private readonly XFont _text;
    private readonly XFont _small;
    private PdfPage _page = null!;
    private XGraphics _g = null!;
    private double _y;

    public FlowingText(string title)
    {
        // The licence and the fonts first: PDFsharp refuses a document made before them.
        EmbeddedFonts.Register();
        _document = new PdfDocument();
        _title = new XFont(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
        _heading = new XFont(EmbeddedFonts.Family, 11, XFontStyleEx.Bold);
        _text = new XFont(EmbeddedFonts.Family, 10, XFontStyleEx.Regular);
        _small = new XFont(EmbeddedFonts.Family, 8, XFontStyleEx.Regular);
        _document.Info.Title = title;
        _document.Info.Creator = "Selvstyrt";
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    private void NewPage()
    {
        _g?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void Room(double height)
    {
        if (_y + height > _page.Height.Point - Margin) NewPage();
    }

    public void Title(string text)
    {
        Room(30);
        _g.DrawString(text, _title, XBrushes.Black, Margin, _y + 16);
        _y += 34;
    }

    public void Heading(string text)
    {
        Room(34);
        _y += 6;
        _g.DrawString(text, _heading, XBrushes.Black, Margin, _y + 11);
        _y += 18;
    }

    /// <summary>Each line of <paramref name="text"/> as its own wrapped paragraph line.</summary>
    public void Paragraph(string text, bool small = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var font = small ? _small : _text;
        var height = small ? 11 : 14;
        foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var wrapped in Wrap(line, font))
            {
                Room(height);
                _g.DrawString(wrapped, font, XBrushes.Black, Margin, _y + height - 3);
                _y += height;
            }
        }
        _y += 4;
    }

    /// <summary>Signature lines side by side: what is signed above the line (name and time), who signs below it.</summary>
    public void Signatures(IReadOnlyList<(string Role, string? Signed)> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        Room(60);
        _y += 36;
        var pen = new XPen(XColors.Black, 0.5);
        var each = (Width - (20 * (signatures.Count - 1))) / signatures.Count;
        for (var i = 0; i < signatures.Count; i++)
        {
            var left = Margin + (i * (each + 20));
            if (signatures[i].Signed is { } signed) _g.DrawString(signed, _small, XBrushes.Black, left, _y - 4);
            _g.DrawLine(pen, left, _y, left + each, _y);
            _g.DrawString(signatures[i].Role, _small, XBrushes.Black, left, _y + 12);
        }
        _y += 24;
    }

    private IEnumerable<string> Wrap(string line, XFont font)
    {
        if (line.Length == 0)
        {
            yield return "";
            yield break;
        }
        var current = "";
        foreach (var word in line.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && _g.MeasureString(candidate, font).Width > Width)
            {
                yield return current;
                current = word;
            }
            else current = candidate;
        }
        yield return current;
    }

    public byte[] ToBytes()
    {
        _g.Dispose();
        _g = null!;
        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _g?.Dispose();
        _document.Dispose();
    }
}
