using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Arrangements;

namespace Selvstyrt.Domain.People;

/// <summary>
/// The first texts of a recruitment, drafted from the arrangement (issue 19, part 1): the decision's weekly hours and needs, the
/// municipality, and the competences its shift templates require. The work leader edits them; the recipient decides what is told
/// about their needs, so the draft names the kinds of help, never a diagnosis.
/// </summary>
public static class RecruitmentDraft
{
    private static readonly CultureInfo Nb = CultureInfo.GetCultureInfo("nb-NO");

    public sealed record Facts(string Arrangement, string? Municipality, decimal? DecisionHoursPerWeek, DecisionPurposes Needs, IReadOnlyList<string> Competences);

    public static string Title(decimal positionPercent, DecisionPurposes needs)
        => $"Personlig assistent, {positionPercent.ToString("0.#", Nb)} % {(needs.HasFlag(DecisionPurposes.AwakeNight) ? "turnus døgnet rundt" : "turnus")}";

    public static string Description(Facts f, decimal positionPercent)
    {
        ArgumentNullException.ThrowIfNull(f);
        var lines = new List<string>
        {
            $"Stilling: personlig assistent i {positionPercent.ToString("0.#", Nb)} % stilling i BPA-ordningen «{f.Arrangement}»{(f.Municipality is { } m ? $" i {m}" : "")}.",
            f.DecisionHoursPerWeek is { } h
                ? $"Arbeidstid: turnus etter arbeidsplan; ordningen har {h.ToString("0.#", Nb)} timer assistanse i uken{(f.Needs.HasFlag(DecisionPurposes.AwakeNight) ? " døgnet rundt, med våkne netter" : f.Needs.HasFlag(DecisionPurposes.SleepingNight) ? ", med sovende nattevakt" : "")}{(f.Needs.HasFlag(DecisionPurposes.TwoToOne) ? ", noen ganger to assistenter samtidig" : "")}."
                : "Arbeidstid: turnus etter arbeidsplan.",
            "Sted: i brukerens hjem og der brukeren ellers er: arbeid, fritid og reiser.",
            "Arbeidsoppgaver: " + string.Join(", ", Tasks(f.Needs)) + ", etter arbeidslederens anvisning.",
            "Vi ser etter en som er pålitelig, fleksibel og lyttende, som respekterer at brukeren bestemmer over sitt eget liv, og som kan holde taushet.",
        };
        if (f.Competences.Count > 0)
            lines.Add($"Noen vakter krever opplæring i {string.Join(", ", f.Competences)}; opplæringen gis før du settes på slike vakter.");
        lines.Add("Politiattest kreves før første vakt (helse- og omsorgstjenesteloven § 5-4).");
        return string.Join('\n', lines);
    }

    public static string Ad(string title, Facts f, LocalDate? applyBy, LocalDate? start)
    {
        ArgumentNullException.ThrowIfNull(f);
        return string.Join('\n', new[]
        {
            $"{title}{(f.Municipality is { } m ? $" – {m}" : "")}",
            "Vil du bidra til at en person med funksjonsnedsettelse kan leve et aktivt og selvstendig liv? Som personlig assistent i en BPA-ordning arbeider du etter brukerens ønsker og behov, og brukeren er din arbeidsleder.",
            start is { } s ? $"Oppstart: {s.ToString("d. MMMM yyyy", Nb)}." : "",
            "Vi tilbyr opplæring, lønn etter tariffavtale, og en arbeidshverdag som betyr mye for noen.",
            applyBy is { } by ? $"Søknadsfrist: {by.ToString("d. MMMM yyyy", Nb)}." : "",
        }.Where(l => l.Length > 0));
    }

    /// <summary>The interview guide's prepared questions: the recipient presents themself and their needs first.</summary>
    public static string InterviewGuide() => string.Join('\n',
    [
        "Brukeren presenterer seg selv, sine behov og hvordan ordningen fungerer.",
        "Fortell om deg selv, og hvorfor du søker denne jobben.",
        "Hva betyr det for deg at brukeren bestemmer (brukerstyring)? Gi et eksempel.",
        "Hvilken erfaring har du fra assistanse, omsorg eller annet arbeid med mennesker?",
        "Hvilke vakter kan du ta: dag, kveld, natt, helg? Har du andre arbeidsgivere eller studier?",
        "Hva gjør du hvis du er uenig i hvordan brukeren vil ha noe gjort?",
        "Hvordan tenker du om taushetsplikt, også overfor familie og venner?",
        "Er du i familie med brukeren? (Da kreves kommunens godkjenning.)",
        "Oppstart, politiattest og opplæringen før første vakt.",
        "Hva vil du spørre oss om?",
    ]);

    private static IEnumerable<string> Tasks(DecisionPurposes needs)
    {
        if (needs.HasFlag(DecisionPurposes.PersonalHelpAtHome)) yield return "praktisk og personlig bistand i hjemmet";
        if (needs.HasFlag(DecisionPurposes.HelpOutsideHome)) yield return "følge til arbeid, aktiviteter og fritid";
        if (needs.HasFlag(DecisionPurposes.AwakeNight) || needs.HasFlag(DecisionPurposes.SleepingNight)) yield return "nattevakter";
        if (!needs.HasFlag(DecisionPurposes.PersonalHelpAtHome) && !needs.HasFlag(DecisionPurposes.HelpOutsideHome)) yield return "bistand i dagliglivet";
    }
}
