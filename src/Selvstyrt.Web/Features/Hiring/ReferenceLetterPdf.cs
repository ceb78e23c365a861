using System.Globalization;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Shared.Pdf;

namespace Selvstyrt.Web.Features.Hiring;

/// <summary>The reference letter (HR-15-15) as an A4 PDF: who, born when, employed as what and how long, the work; the employer signs.</summary>
public static class ReferenceLetterPdf
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public static byte[] Write(ReferenceLetter letter, EndReason? reason)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var pdf = new FlowingText($"Attest – {letter.Name}");
        pdf.Title("Attest");
        pdf.Paragraph($"{letter.Name}, født {Date(letter.BirthDate)}, var ansatt hos {letter.IssuerName} som personlig assistent fra {Date(letter.From)} "
                      + $"til og med {Date(letter.To)}{(letter.PositionPercent > 0 ? $", i {letter.PositionPercent.ToString("0.#", Nb)} % stilling" : ", som tilkallingsvikar")}.");
        pdf.Heading("Arbeidet");
        pdf.Paragraph(letter.Work);
        if (letter.StatesDismissal)
            pdf.Paragraph(reason == EndReason.SummaryDismissal ? "Arbeidsforholdet ble avsluttet ved avskjed." : "Arbeidsforholdet ble avsluttet ved oppsigelse fra arbeidsgiveren.");
        pdf.Paragraph($"Dato: {Date(letter.IssuedOn)}");
        pdf.Signatures([($"For {letter.IssuerName}", letter.IssuedBy)]);
        pdf.Paragraph("Attesten er skrevet etter arbeidsmiljøloven § 15-15.", small: true);
        return pdf.ToBytes();
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("d. MMMM yyyy", Nb);
}
