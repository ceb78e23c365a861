using System.Globalization;
using Selvstyrt.Domain.Quality;
using Selvstyrt.Web.Shared.Pdf;

namespace Selvstyrt.Web.Features.Transparency;

/// <summary>The yearly Transparency Act statement as an A4 PDF: the provider's parts, the due diligence of the year, and the board's signature.</summary>
public static class StatementPdf
{
    public static byte[] Write(TransparencyRecords.StatementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Statement;
        using var pdf = new FlowingText($"Redegjørelse etter åpenhetsloven {view.Year} – {view.Provider}");
        pdf.Title($"Redegjørelse etter åpenhetsloven for {view.Year}");
        pdf.Paragraph($"{view.Provider}. Redegjørelsen for aktsomhetsvurderinger etter åpenhetsloven § 5 skal offentliggjøres innen {Dates(view.DueOn)}.", small: true);
        pdf.Heading("Virksomheten");
        pdf.Paragraph(s is { Organisation.Length: > 0 } ? s.Organisation : "Ikke skrevet ennå.");
        pdf.Heading("Retningslinjer og rutiner");
        pdf.Paragraph(s is { Routines.Length: > 0 } ? s.Routines : "Ikke skrevet ennå.");
        pdf.Heading("Aktsomhetsvurderinger i året");
        pdf.Paragraph(Summary(view));
        foreach (var (supplier, assessment) in view.Assessed.Where(p => p.Assessment.Risk != SupplierRisk.Low))
        {
            pdf.Heading($"{supplier.Name} ({supplier.Supplies}, {supplier.Country}): {RiskName(assessment.Risk)} risiko");
            pdf.Paragraph($"Funn: {assessment.Findings}");
            if (assessment.Measures.Length > 0) pdf.Paragraph($"Tiltak: {assessment.Measures}");
        }
        pdf.Heading("Krav om informasjon");
        pdf.Paragraph(view.Requests == 0 ? "Ingen krav om informasjon kom inn i året."
            : $"{view.Requests} krav om informasjon kom inn i året; {view.AnsweredOnTime} ble besvart innen tre uker, og {view.Refused} ble avslått med begrunnelse.");
        pdf.Signatures([("Styret", s?.BoardApprovedOn is { } on ? $"{s.BoardSignatories}, godkjent {Dates(on)}" : null)]);
        return pdf.ToBytes();
    }

    /// <summary>The year's assessments in one sentence: how many suppliers, and how many at each risk.</summary>
    public static string Summary(TransparencyRecords.StatementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var high = view.Assessed.Count(a => a.Assessment.Risk == SupplierRisk.High);
        var medium = view.Assessed.Count(a => a.Assessment.Risk == SupplierRisk.Medium);
        var low = view.Assessed.Count(a => a.Assessment.Risk == SupplierRisk.Low);
        return $"Av {view.Suppliers} leverandører og forretningspartnere i registeret ble {view.Assessed.Count} vurdert: {high} med høy, {medium} med middels og {low} med lav risiko for brudd på grunnleggende menneskerettigheter og anstendige arbeidsforhold.";
    }

    public static string RiskName(SupplierRisk risk) => risk switch
    {
        SupplierRisk.High => "høy",
        SupplierRisk.Medium => "middels",
        _ => "lav",
    };

    /// <summary>The colour of a risk's tag on the pages (the text says the risk too).</summary>
    public static string RiskColor(SupplierRisk risk) => risk switch
    {
        SupplierRisk.High => "danger",
        SupplierRisk.Medium => "warning",
        _ => "success",
    };

    private static string Dates(NodaTime.LocalDate d) => d.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO"));
}
