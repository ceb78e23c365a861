using System.Text;
using NodaTime;
using Selvstyrt.Web.Features.Plans;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Plans;

/// <summary>The handbook's appendix 1 as a PDF: a real document with the embedded font, whatever fonts the server has.</summary>
public sealed class AppendixPdfTests
{
    [Fact]
    public void Pdf_IsAnA4DocumentWithTheFormsTitleAndAllDays()
    {
        var days = Enumerable.Range(1, 30).Select(d => new AppendixDay(d, new LocalDate(2026, 11, d),
            d % 2 == 0 ? [("07:00", "15:00")] : [], null)).ToList();
        var sheet = new AppendixOneSheet(Guid.NewGuid(), Guid.NewGuid(), "Turnus 2026", "Åse Ødegård", "Even Tangen", 2026, 11, days, 120m);

        var pdf = AppendixOne.Pdf(sheet);

        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        read.PageCount.ShouldBe(1);
        Math.Round(read.Pages[0].Width.Millimeter).ShouldBe(210, "A4");
        read.Info.Title.ShouldBe("Vedlegg 1 – Arbeidsplan – Åse Ødegård – november 2026");
        pdf.Length.ShouldBeGreaterThan(5_000, "the font is embedded, not looked up on the server");
    }
}
