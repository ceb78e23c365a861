using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Rules.Pay;

namespace Selvstyrt.Domain.People;

/// <summary>
/// The first text of an employment contract, drafted from what Selvstyrt knows: the employment (kind, position, start, end and
/// basis, probation, wage), the provider and its tariff (each supplement with its rate, overtime, the holiday terms), and the
/// arrangements the assistant has a place in. The employer edits it before signing; nothing here is sent without that.
/// </summary>
public static class ContractDraft
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>The facts of the employment that head the contract (frozen into it when the employer signs).</summary>
    public static string Terms(Provider provider, Assistant assistant, Employment employment)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(assistant);
        ArgumentNullException.ThrowIfNull(employment);
        var lines = new List<string>
        {
            $"Arbeidsgiver: {provider.Name}, org.nr. {provider.OrganisationNumber}",
            $"Arbeidstaker: {assistant.FullName}" + (assistant.BirthDate is { } b ? $", født {Date(b)}" : ""),
            $"Tiltredelse: {Date(employment.Start)}",
            employment.Kind switch
            {
                EmploymentKind.Permanent => $"Ansettelsesform: fast ansatt i {Percent(employment.PositionPercent)} % stilling",
                EmploymentKind.OnCall => "Ansettelsesform: tilkallingsvikar uten fast stillingsstørrelse; hvert oppdrag avtales for seg",
                _ => $"Ansettelsesform: midlertidig ansatt i {Percent(employment.PositionPercent)} % stilling, grunnlag: {Basis(employment.TemporaryBasis)}"
                     + (employment.End is { } end ? $", til og med {Date(end)}" : ", til den fraværende er tilbake"),
            },
            employment.ProbationEnd is { } p ? $"Prøvetid: til og med {Date(p)} (arbeidsmiljøloven § 15-6)" : "Prøvetid: ingen",
        };
        return string.Join('\n', lines);
    }

    /// <summary>The parts' first text.</summary>
    public static Dictionary<ContractPart, string?> Parts(Provider provider, Employment employment, IReadOnlyList<string> arrangements, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(employment);
        ArgumentNullException.ThrowIfNull(arrangements);
        var tariff = provider.TariffId is { } id && Tariffs.All.TryGetValue(id, out var t) ? t : null;
        var parameters = tariff?.Parameters.RowAt(LocalDate.Max(employment.Start, today))?.Value;
        var holiday = parameters?.Holiday ?? HolidayTerms.Statutory;
        var where = arrangements.Count == 0 ? "brukerstyrt personlig assistanse (BPA)" : $"BPA-ordningen{(arrangements.Count > 1 ? "e" : "")} {string.Join(", ", arrangements.Select(a => $"«{a}»"))}";
        return new Dictionary<ContractPart, string?>
        {
            [ContractPart.Workplace] = $"Arbeidet utføres i {where}: i brukerens hjem og der brukeren ellers oppholder seg (arbeid, fritid, reiser), etter brukerens behov.",
            [ContractPart.Role] = "Personlig assistent. Assistenten gir praktisk bistand og opplæring i dagliglivet etter arbeidslederens anvisning, innenfor kommunens vedtak. Arbeidslederen leder det daglige arbeidet; arbeidsgiveren har arbeidsgiveransvaret.",
            [ContractPart.Holiday] = holiday.FifthWeek
                ? $"Ferie etter ferieloven og tariffavtalen: {holiday.Days} virkedager i året, feriepenger {Percent(holiday.PayShare * 100)} % av feriepengegrunnlaget. Ferien fastsettes etter drøfting, jf. ferieloven §§ 6 og 7."
                : $"Ferie etter ferieloven: {holiday.Days} virkedager i året, feriepenger {Percent(holiday.PayShare * 100)} % av feriepengegrunnlaget. Ferien fastsettes etter drøfting, jf. ferieloven §§ 6 og 7.",
            [ContractPart.Notice] = employment.ProbationEnd is null
                ? "Gjensidig oppsigelsesfrist er én måned, regnet fra den første dagen i måneden etter at oppsigelsen ble gitt, og lengre etter arbeidsmiljøloven § 15-3 når ansettelsestid og alder gir det."
                : "I prøvetiden er den gjensidige oppsigelsesfristen 14 dager. Etter prøvetiden er den én måned, regnet fra den første dagen i måneden etter at oppsigelsen ble gitt, og lengre etter arbeidsmiljøloven § 15-3 når ansettelsestid og alder gir det.",
            [ContractPart.Pay] = PayText(employment, tariff, parameters),
            [ContractPart.Hours] = employment.Kind == EmploymentKind.OnCall
                ? "Arbeidstiden avtales for hvert oppdrag. Vaktene går etter brukerens behov, også kveld, natt og helg."
                : $"Stillingen er {Percent(employment.PositionPercent)} % av full stilling ({Percent((parameters?.Norms.Rota ?? 35.5m) * employment.PositionPercent / 100)} timer i uken i snitt ved turnus). Vaktene følger arbeidsplanen, som drøftes med tillitsvalgte og gjøres kjent senest 14 dager før den gjelder (arbeidsmiljøloven § 10-3). Arbeid kan falle på kveld, natt, helg og helligdag.",
            [ContractPart.Pauses] = "Pause etter arbeidsmiljøloven § 10-9: minst 30 minutter når arbeidstiden er 8 timer eller mer. Kan assistenten ikke forlate brukeren i pausen, regnes den som arbeidstid og lønnes.",
            [ContractPart.RotaAndOvertime] = "Endringer i arbeidsplanen drøftes med assistenten og varsles så tidlig som mulig. Merarbeid og overtid skjer bare etter avtale med arbeidslederen og innenfor arbeidsmiljøloven §§ 10-6; overtid betales med tillegget i tariffavtalen og minst 40 %.",
            [ContractPart.Tariff] = tariff is null
                ? "Arbeidsgiveren er ikke bundet av tariffavtale for dette arbeidet."
                : $"{tariff.Name}. Tariffavtalens bestemmelser gjelder som del av avtalen; der denne kontrakten sier noe annet, gjelder tariffavtalen.",
            [ContractPart.PaidAbsence] = "Sykepenger i arbeidsgiverperioden etter folketrygdloven kapittel 8 og egenmelding etter arbeidsgiverens regler; omsorgsdager ved barns sykdom etter folketrygdloven kapittel 9; permisjoner etter arbeidsmiljøloven kapittel 12 og tariffavtalen.",
            [ContractPart.Termination] = "Oppsigelse skal være skriftlig. Arbeidsgiveren innkaller til drøftingsmøte før en eventuell oppsigelse (arbeidsmiljøloven § 15-1), og oppsigelsen følger reglene i arbeidsmiljøloven kapittel 15 om frister, form og saklig grunn. Arbeidstakeren kan be om attest.",
            [ContractPart.Training] = "Opplæring i brukerens behov og ordningens rutiner ved oppstart, med opplæringsplan og oppfølging i prøvetiden. Kompetanse som kreves for bestemte vakter (for eksempel respirator eller legemidler), gis før assistenten settes på slike vakter, og fornyes når den går ut. Opplæringen er arbeidstid og betales.",
            [ContractPart.SocialSecurity] = "Arbeidstakeren er medlem av folketrygden. Arbeidsgiveren betaler arbeidsgiveravgift, har obligatorisk tjenestepensjon og yrkesskadeforsikring etter lovene, og melder arbeidsforholdet til Aa-registeret.",
        };
    }

    private static string PayText(Employment employment, Tariff? tariff, TariffParameters? parameters)
    {
        var lines = new List<string>();
        var minimum = parameters?.MinimumPay?.For(employment.SeniorityYearsOn(employment.Start), parameters.Norms.Day);
        lines.Add(employment.HourlyWage is { } wage
            ? $"Timelønn: {Money(wage)} kr"
            : minimum is { } least ? $"Timelønn: {Money(least)} kr (tariffavtalens minstelønn for ansienniteten)" : "Timelønn: etter tariffavtalen");
        foreach (var s in parameters?.Supplements ?? [])
        {
            var rate = s.Rate.AmountPerHour is { } amount ? $"{Money(amount)} kr per time"
                : s.Rate.ShareOfWage is { } share ? $"{Percent(share * 100)} % av timelønnen per time" + (s.Rate.MinimumPerHour is { } min ? $", minst {Money(min)} kr" : "")
                : "etter tariffavtalen";
            lines.Add($"{s.Name}: {rate}");
        }
        if (parameters?.OvertimePremium is { } overtime)
            lines.Add($"Overtidstillegg: {Percent(overtime.Ordinary * 100)} % av timelønnen ({Percent(overtime.High * 100)} % natt, søndag og helligdag)");
        else lines.Add("Overtidstillegg: minst 40 % av timelønnen (arbeidsmiljøloven § 10-6 (11))");
        lines.Add("Lønnen utbetales månedlig etter godkjent timeliste, til konto oppgitt av arbeidstakeren.");
        if (tariff is not null && parameters is not null && tariff.Parameters.RowAt(employment.Start)?.Verify == true)
            lines.Add("Satsene følger tariffavtalen som gjelder til enhver tid.");
        return string.Join('\n', lines);
    }

    private static string Basis(TemporaryBasis? basis) => basis switch
    {
        TemporaryBasis.TemporaryNeed => "arbeid av midlertidig karakter (arbeidsmiljøloven § 14-9 (2) a)",
        TemporaryBasis.Substitute => "vikariat (arbeidsmiljøloven § 14-9 (2) b)",
        TemporaryBasis.Practice => "praksisarbeid (arbeidsmiljøloven § 14-9 (2) c)",
        TemporaryBasis.LabourMeasure => "arbeidsmarkedstiltak i samarbeid med NAV (arbeidsmiljøloven § 14-9 (2) d)",
        _ => "ikke oppgitt",
    };

    private static string Date(LocalDate date) => date.ToString("d. MMMM yyyy", Nb);

    private static string Percent(decimal value) => value.ToString("0.##", Nb);

    private static string Money(decimal value) => value.ToString("N2", Nb);
}
