using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.People;
using NodaTime;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>
/// The records an arrangement import works on: the offices the user manages, the municipalities the provider has a
/// contract with, the provider's recipients (the key is the name with the date of birth) and their arrangements (tracked,
/// so an end date is saved), and what the import adds.
/// </summary>
public sealed class ArrangementWorld(Guid providerId, LocalDate today, IReadOnlyList<(Guid Id, string Name)> offices,
    IReadOnlyList<(Guid Id, string Number, string Name)> municipalities, IEnumerable<Recipient> recipients, IEnumerable<Arrangement> arrangements)
{
    public Guid ProviderId { get; } = providerId;
    public LocalDate Today { get; } = today;
    public IReadOnlyList<(Guid Id, string Name)> Offices { get; } = offices;
    public IReadOnlyList<(Guid Id, string Number, string Name)> Municipalities { get; } = municipalities;
    public Dictionary<string, Recipient> Recipients { get; } = recipients.GroupBy(r => ArrangementImport.RecipientKey(r.FullName, r.BirthDate))
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    public List<Arrangement> Arrangements { get; } = arrangements.ToList();
    public List<Recipient> AddedRecipients { get; } = [];
    public List<Arrangement> AddedArrangements { get; } = [];
}

/// <summary>
/// Imports arrangements with their recipients from a spreadsheet (issue 16: bulk import). The recipient, by full name and
/// date of birth, is the key: a recipient not yet registered is added with a new arrangement; a row for a recipient whose
/// arrangement from the same start date is registered changes only its end date, and names any other difference (an
/// arrangement moves office or municipality in Selvstyrt, not by a file); a row that says what is recorded changes
/// nothing, so importing the same file twice is a no-op. The work leader is invited afterwards («Brukere og tilganger»).
/// </summary>
public static class ArrangementImport
{
    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("recipientName", "Tjenestemottaker", true, "tjenestemottaker", "mottaker", "bruker", "brukers navn", "vedtakseier", "kunde", "navn", "recipient", "client", "name"),
        new("recipientBirthDate", "Fødselsdato", true, "fødselsdato", "født", "fødselsdag", "birth date", "date of birth", "birthdate"),
        new("name", "Navn på ordningen", false, "ordning", "ordningsnavn", "navn på ordningen", "arrangement", "arrangement name"),
        new("municipality", "Kommune", true, "kommune", "kommunenummer", "kommunenr", "kommune nr", "municipality", "municipality number"),
        new("office", "Kontor", false, "kontor", "avdeling", "office", "department", "region"),
        new("employer", "Arbeidsgiver", false, "arbeidsgiver", "arbeidsgivermodell", "arbeidsgiveransvar", "employer", "employer model"),
        new("startDate", "Startdato", true, "startdato", "oppstart", "oppstartsdato", "fra dato", "start", "start date"),
        new("endDate", "Sluttdato", false, "sluttdato", "avsluttet", "til dato", "end", "end date"),
    ];

    /// <summary>The key of a recipient: the name as people write it (case and spacing do not matter) with the date of birth.</summary>
    public static string RecipientKey(string name, LocalDate birthDate)
        => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant() + "|" + birthDate.ToString("yyyy-MM-dd", null);

    public static Dictionary<string, string> Guess(IReadOnlyList<string> headers) => ImportRows.Guess(Fields, headers);

    public static List<ImportIssue> CheckMapping(ImportTable table, IReadOnlyDictionary<string, string> mapping) => ImportRows.CheckMapping(Fields, table, mapping);

    /// <summary>Reads every row and applies the clean ones to <paramref name="world"/>; the caller saves only a clean report.</summary>
    public static ImportReport Apply(ImportTable table, IReadOnlyDictionary<string, string> mapping, ArrangementWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return ImportRows.Apply(Fields, table, mapping, CheckMapping(table, mapping), row => ApplyRow(row, world, seen));
    }

    private static RowOutcome ApplyRow(RowReader row, ArrangementWorld world, Dictionary<string, int> seen)
    {
        var name = row.Text("recipientName");
        var birthDate = row.Date("recipientBirthDate");
        var municipality = Municipality(row, world);
        var office = ImportRows.Office(row, world.Offices);
        var employer = Employer(row);
        var start = row.Date("startDate");
        if (start is null && !row.Failed("startDate")) row.Fail("startDate", "Startdato må fylles ut.");
        else if (start is { } s && (s < world.Today.PlusYears(-30) || s > world.Today.PlusYears(2))) row.Fail("startDate", "Startdatoen må være en realistisk dato.");
        var end = row.Date("endDate");
        if (end is { } e && start is { } first && e < first) row.Fail("endDate", "Ordningen kan ikke slutte før den begynte.");
        var arrangementName = row.Text("name");
        if (arrangementName is { Length: > 200 }) row.Fail("name", "Navnet på ordningen kan ikke være lengre enn 200 tegn.");

        var recipient = Recipient.New(Guid.CreateVersion7(), world.ProviderId, name, birthDate, municipality ?? Guid.Empty, world.Today);
        if (recipient.Error is Domain.Common.Invalid invalid)
            foreach (var (field, message) in invalid.Fields) if (!row.Failed(field)) row.Fail(field, message);
        if (row.HasIssues) return RowOutcome.Unchanged;

        var key = RecipientKey(name!, birthDate!.Value);
        if (seen.TryGetValue(key, out var earlier))
        {
            row.Fail("recipientName", $"Samme tjenestemottaker står også på rad {earlier}.");
            return RowOutcome.Unchanged;
        }
        seen[key] = row.Number;

        var outcome = RowOutcome.Unchanged;
        if (!world.Recipients.TryGetValue(key, out var known))
        {
            known = recipient.Value!;
            world.Recipients[key] = known;
            world.AddedRecipients.Add(known);
            outcome = RowOutcome.New;
        }
        var theirs = world.Arrangements.Where(a => a.RecipientId == known.Id).ToList();
        var same = theirs.FirstOrDefault(a => a.StartDate == start);
        if (same is null)
        {
            var overlapping = theirs.FirstOrDefault(a => a.StartDate <= (end ?? LocalDate.MaxIsoValue) && start <= (a.EndDate ?? LocalDate.MaxIsoValue));
            if (overlapping is not null)
            {
                row.Fail("startDate", $"Tjenestemottakeren har allerede «{overlapping.Name}» fra {Dates(overlapping.StartDate)}. Skriv den startdatoen for å endre den, eller avslutt den først.");
                return outcome;
            }
            var created = Arrangement.Create(Guid.CreateVersion7(), world.ProviderId, office, municipality!.Value, known.Id,
                arrangementName ?? $"Ordningen til {known.FullName.Split(' ')[0]}", employer, start!.Value);
            if (!created.IsSuccess) { row.FailAll(created.Error!, "name"); return outcome; }
            if (end is { } last) created.Value!.End(last);
            world.Arrangements.Add(created.Value!);
            world.AddedArrangements.Add(created.Value!);
            return RowOutcome.New;
        }

        if (!world.Offices.Any(o => o.Id == same.OfficeId))
        {
            row.Fail("recipientName", "Tjenestemottakerens ordning hører til et kontor du ikke administrerer.");
            return outcome;
        }
        if (same.MunicipalityId != municipality) row.Fail("municipality", $"Ordningen er registrert i {world.Municipalities.First(m => m.Id == same.MunicipalityId).Name}. En ordning flyttes i Selvstyrt, ikke med en fil.");
        if (row.Has("office") && same.OfficeId != office) row.Fail("office", $"Ordningen hører til {world.Offices.First(o => o.Id == same.OfficeId).Name}. En ordning flyttes i Selvstyrt, ikke med en fil.");
        if (row.Has("employer") && same.EmployerModel != employer) row.Fail("employer", "Ordningen er registrert med en annen arbeidsgiver. Det endres ikke med en fil.");
        if (arrangementName is not null && !string.Equals(arrangementName, same.Name, StringComparison.Ordinal)) row.Fail("name", $"Ordningen heter «{same.Name}» i Selvstyrt.");
        if (row.HasIssues) return outcome;
        if (row.Has("endDate") && end != same.EndDate)
        {
            if (end is null)
            {
                row.Fail("endDate", $"Ordningen er avsluttet {Dates(same.EndDate!.Value)}. En avsluttet ordning åpnes ikke igjen med en fil.");
                return outcome;
            }
            var ended = same.End(end.Value);
            if (!ended.IsSuccess) { row.FailAll(ended.Error!, "endDate"); return outcome; }
            return RowOutcome.Changed;
        }
        return outcome;
    }

    private static string Dates(LocalDate date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static Guid? Municipality(RowReader row, ArrangementWorld world)
    {
        var text = row.Text("municipality");
        if (text is null)
        {
            row.Fail("municipality", "Kommune må fylles ut (nummer eller navn).");
            return null;
        }
        var number = text.Split(' ', 2)[0];
        var matches = world.Municipalities.Where(m => m.Number == number || m.Number == text.PadLeft(4, '0') || string.Equals(m.Name, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Name + " kommune", text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return matches[0].Id;
        row.Fail("municipality", $"Fant ikke kommunen «{text}» blant kommunene dere har avtale med ({string.Join(", ", world.Municipalities.Select(m => $"{m.Number} {m.Name}"))}). Nye kommuner legges til under «Organisasjon».");
        return null;
    }

    private static EmployerModel Employer(RowReader row)
    {
        var text = row.Text("employer")?.ToLowerInvariant();
        if (text is null) return EmployerModel.Provider;
        if (text.Contains("kommune", StringComparison.Ordinal) || text.StartsWith("municipal", StringComparison.Ordinal)) return EmployerModel.Municipality;
        if (text.Contains("mottaker", StringComparison.Ordinal) || text.Contains("bruker", StringComparison.Ordinal) || text.Contains("egen", StringComparison.Ordinal)
            || text.StartsWith("recipient", StringComparison.Ordinal) || text.Contains("vedtakseier", StringComparison.Ordinal))
            return EmployerModel.Recipient;
        if (text.Contains("leverandør", StringComparison.Ordinal) || text.StartsWith("provider", StringComparison.Ordinal) || text.Contains("firma", StringComparison.Ordinal)
            || text.Contains("selskap", StringComparison.Ordinal))
            return EmployerModel.Provider;
        row.Fail("employer", $"Ukjent arbeidsgiver «{row.Text("employer")}». Skriv leverandøren, kommunen eller tjenestemottakeren.");
        return EmployerModel.Provider;
    }
}
