using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Auth;
using Selvstyrt.Web.Shared.Pdf;

namespace Selvstyrt.Web.Features.Hiring;

/// <summary>The employment contract as an A4 PDF: the employment's facts, each part of HR-14-6, and both signatures with their times.</summary>
public static class ContractPdf
{
    public static byte[] Write(HiringRecords.ContractView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Contract;
        using var pdf = new FlowingText($"Arbeidsavtale – {view.AssistantName}");
        pdf.Title("Arbeidsavtale");
        pdf.Paragraph(c.Status switch
        {
            ContractStatus.SignedByBoth => "Signert av begge parter.",
            ContractStatus.Offered => "Signert av arbeidsgiveren; venter på arbeidstakerens signatur.",
            _ => "Utkast – ikke signert.",
        }, small: true);
        pdf.Heading("Parter og arbeidsforhold");
        pdf.Paragraph(view.Terms);
        foreach (var part in ContractParts.All)
        {
            if (view.Parts[part] is not { } text) continue;
            pdf.Heading(ContractParts.Label(part));
            pdf.Paragraph(text);
        }
        pdf.Signatures([
            ("Arbeidsgiver", c.EmployerSignedAt is { } e ? $"{c.EmployerSignedBy}, {Moment(e)}" : null),
            ("Arbeidstaker", c.AssistantSignedAt is { } a ? $"{view.AssistantName}, {Moment(a)}" : null),
        ]);
        pdf.Paragraph("Signert elektronisk i Selvstyrt; tidspunktet er registrert for hver signatur (arbeidsmiljøloven §§ 14-5 og 14-6).", small: true);
        return pdf.ToBytes();
    }

    private static string Moment(Instant at) => at.InZone(CurrentUser.Zone).ToString("d.M.yyyy 'kl.' HH:mm", CultureInfo.InvariantCulture);
}
