using System.Globalization;
using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>
/// The records an import works on: the offices the user manages, the provider's assistants by employee number (tracked, so
/// changes are saved), the arrangements of the managed offices with their assignments, and the assistants the import adds.
/// </summary>
public sealed class ImportWorld(Guid providerId, LocalDate today, IReadOnlyList<(Guid Id, string Name)> offices,
    IEnumerable<Assistant> assistants, IReadOnlyList<Arrangement> arrangements, ISet<Guid> managedOffices)
{
    public Guid ProviderId { get; } = providerId;
    public LocalDate Today { get; } = today;
    public IReadOnlyList<(Guid Id, string Name)> Offices { get; } = offices;
    public Dictionary<string, Assistant> ByEmployeeNumber { get; } = assistants.Where(a => a.EmployeeNumber is not null)
        .ToDictionary(a => a.EmployeeNumber!, StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<Arrangement> Arrangements { get; } = arrangements;
    public ISet<Guid> ManagedOffices { get; } = managedOffices;
    public List<Assistant> Added { get; } = [];
}

/// <summary>
/// Imports assistants with their employment and arrangements from a spreadsheet (issue 16: bulk import). The employee number
/// is the key: a row whose number is known changes that assistant, a new number makes a new one, and a row that says what is
/// already recorded changes nothing, so importing the same file twice is a no-op. Every row is read before anything counts,
/// and the caller saves only a clean result: one bad value anywhere and nothing is saved.
/// </summary>
public static class AssistantImport
{
    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("employeeNumber", "Ansattnummer", true, "ansattnummer", "ansattnr", "ansatt nr", "ansatt-nr", "employee number", "employeenumber", "lønnsnummer", "lønnsnr", "ressursnummer", "personalnummer"),
        new("fullName", "Fullt navn", false, "navn", "fullt navn", "full name", "name", "ansatt", "assistent"),
        new("firstName", "Fornavn", false, "fornavn", "first name", "firstname", "given name"),
        new("lastName", "Etternavn", false, "etternavn", "last name", "lastname", "surname", "family name"),
        new("email", "E-post", false, "e-post", "epost", "e-postadresse", "email", "e-mail", "mail"),
        new("phone", "Telefon", false, "telefon", "mobil", "mobilnummer", "telefonnummer", "tlf", "phone", "mobile"),
        new("birthDate", "Fødselsdato", false, "fødselsdato", "født", "birth date", "date of birth", "birthdate"),
        new("office", "Kontor", false, "kontor", "avdeling", "office", "department", "region"),
        new("kind", "Ansettelsesform", false, "ansettelsesform", "ansettelse", "stillingstype", "arbeidsforhold", "type", "employment type"),
        new("temporaryBasis", "Grunnlag for midlertidig ansettelse", false, "grunnlag", "midlertidig grunnlag", "grunnlag midlertidig", "basis"),
        new("positionPercent", "Stillingsprosent", false, "stillingsprosent", "stilling %", "stilling", "stillingsandel", "position", "position percent", "fte"),
        new("start", "Startdato", true, "startdato", "ansatt fra", "ansettelsesdato", "tiltredelse", "fra dato", "start", "start date"),
        new("end", "Sluttdato", false, "sluttdato", "ansatt til", "til dato", "end", "end date"),
        new("probationEnd", "Prøvetid til", false, "prøvetid til", "prøvetid slutt", "prøvetid", "probation end"),
        new("seniorityFrom", "Ansiennitetsdato", false, "ansiennitetsdato", "ansiennitet fra", "ansiennitet", "seniority date"),
        new("hourlyWage", "Timelønn", false, "timelønn", "timesats", "lønn per time", "hourly wage", "wage"),
        new("arrangements", "Ordninger", false, "ordning", "ordninger", "arbeidssted", "brukerstyrt ordning", "arrangement", "arrangements"),
        new("assignedFrom", "I ordningen fra", false, "i ordningen fra", "tilknyttet fra", "ordning fra", "assigned from"),
    ];

    /// <summary>The first guess at a mapping: each field to the file column with one of its usual names.</summary>
    public static Dictionary<string, string> Guess(IReadOnlyList<string> headers) => ImportRows.Guess(Fields, headers);

    /// <summary>Checks the mapping itself: known fields, columns that exist, the key and a name and a start date mapped.</summary>
    public static List<ImportIssue> CheckMapping(ImportTable table, IReadOnlyDictionary<string, string> mapping)
    {
        var issues = ImportRows.CheckMapping(Fields, table, mapping);
        if (!mapping.ContainsKey("fullName") && !(mapping.ContainsKey("firstName") && mapping.ContainsKey("lastName")))
            issues.Add(new(1, "Fullt navn", "Velg kolonnen for fullt navn, eller både fornavn og etternavn."));
        return issues;
    }

    /// <summary>
    /// Reads every row and applies the clean ones to <paramref name="world"/>. The report names every bad value; when it is
    /// not clean the caller must throw the changes away (the page and the API save nothing then).
    /// </summary>
    public static ImportReport Apply(ImportTable table, IReadOnlyDictionary<string, string> mapping, ImportWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return ImportRows.Apply(Fields, table, mapping, CheckMapping(table, mapping), row => ApplyRow(row, world, seen));
    }

    private static RowOutcome ApplyRow(RowReader row, ImportWorld world, Dictionary<string, int> seen)
    {
        var number = row.Text("employeeNumber");
        if (number is null) row.Fail("employeeNumber", "Ansattnummer må fylles ut (det er nøkkelen som gjør at en ny import ikke lager dobbelt).");
        else if (number.Length > 20 || !number.All(char.IsAsciiLetterOrDigit)) row.Fail("employeeNumber", "Ansattnummeret kan ha høyst 20 bokstaver og sifre.");
        else if (seen.TryGetValue(number, out var first)) row.Fail("employeeNumber", $"Ansattnummeret står også på rad {first}.");
        else seen[number] = row.Number;

        var name = row.Text("fullName") ?? string.Join(' ', new[] { row.Text("firstName"), row.Text("lastName") }.OfType<string>());
        var email = row.Text("email");
        var phone = row.Text("phone");
        foreach (var (field, message) in Assistant.Validate(name, email, phone))
            row.Fail(field == "fullName" ? (row.Has("fullName") ? "fullName" : "firstName") : field, message);
        var birthDate = row.Date("birthDate");
        if (birthDate is { } b && (b > world.Today.PlusYears(-15) || b < world.Today.PlusYears(-100))) row.Fail("birthDate", "Fødselsdato må gi en alder mellom 15 og 100 år.");

        var officeId = ImportRows.Office(row, world.Offices);
        var position = row.Amount("positionPercent");
        var kind = Kind(row, position);
        var basis = Basis(row, kind);
        var start = row.Date("start");
        if (start is null && !row.Failed("start")) row.Fail("start", "Startdato må fylles ut.");
        var end = row.Date("end");
        var probationEnd = row.Date("probationEnd");
        var seniorityFrom = row.Date("seniorityFrom");
        var wage = row.Amount("hourlyWage");
        if (wage is { } w && (w <= 0 || w > 2000)) row.Fail("hourlyWage", "Timelønnen må være mellom 0 og 2000 kroner.");
        var assignedFrom = row.Date("assignedFrom");
        var arrangements = Arrangements(row, world);
        if (start is { } s && kind is { } k)
        {
            var percent = k == EmploymentKind.OnCall ? 0m : position ?? 0m;
            foreach (var (field, message) in Employment.Validate(k, percent, s, end, seniorityFrom ?? s, basis, probationEnd))
                row.Fail(field switch { "kind" => "kind", "temporaryBasis" => "temporaryBasis", "end" => "end", "seniorityFrom" => "seniorityFrom", "probationEnd" => "probationEnd", _ => "positionPercent" }, message);
        }
        if (row.HasIssues) return RowOutcome.Unchanged;

        var employmentKind = kind!.Value;
        var positionPercent = employmentKind == EmploymentKind.OnCall ? 0m : position!.Value;
        var outcome = RowOutcome.Unchanged;
        if (!world.ByEmployeeNumber.TryGetValue(number!, out var assistant))
        {
            var created = Assistant.Create(Guid.CreateVersion7(), world.ProviderId, officeId, name, email, phone, birthDate);
            assistant = created.Value!;
            assistant.SetEmployeeNumber(number);
            world.ByEmployeeNumber[number!] = assistant;
            world.Added.Add(assistant);
            outcome = RowOutcome.New;
        }
        else
        {
            if (assistant.OfficeId is not { } office || !world.ManagedOffices.Contains(office))
            {
                row.Fail("employeeNumber", "Ansattnummeret tilhører en assistent ved et kontor du ikke administrerer.");
                return RowOutcome.Unchanged;
            }
            if (assistant.FullName != name) { assistant.Rename(name); outcome = RowOutcome.Changed; }
            if ((email is not null && email != assistant.Email) || (phone is not null && phone != assistant.Phone))
            {
                assistant.ChangeContact(email ?? assistant.Email, phone ?? assistant.Phone);
                outcome = RowOutcome.Changed;
            }
            if (birthDate is not null && birthDate != assistant.BirthDate) { assistant.SetBirthDate(birthDate); outcome = RowOutcome.Changed; }
            if (officeId != assistant.OfficeId) { assistant.MoveToOffice(officeId); outcome = RowOutcome.Changed; }
        }

        var employment = assistant.Employments.FirstOrDefault(e => e.Start == start);
        if (employment is null)
        {
            var added = assistant.AddEmployment(Guid.CreateVersion7(), employmentKind, positionPercent, start!.Value, end, seniorityFrom ?? start.Value, basis, probationEnd);
            if (!added.IsSuccess) { row.FailAll(added.Error!, "start"); return outcome; }
            employment = added.Value!;
            if (outcome == RowOutcome.Unchanged) outcome = RowOutcome.Changed;
        }
        else if (employment.Kind != employmentKind)
        {
            row.Fail("kind", $"Arbeidsforholdet fra {start!.Value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} er registrert med en annen ansettelsesform. Avslutt det og legg inn et nytt fra datoen endringen gjelder.");
            return outcome;
        }
        else
        {
            // A column the mapping leaves out keeps what is recorded; a mapped one says what the employment is now.
            var newEnd = row.Has("end") ? end : employment.End;
            var newBasis = row.Has("temporaryBasis") || row.Has("kind") ? basis : employment.TemporaryBasis;
            var newProbation = row.Has("probationEnd") ? probationEnd : employment.ProbationEnd;
            if (employment.PositionPercent != positionPercent || employment.End != newEnd || employment.TemporaryBasis != newBasis || employment.ProbationEnd != newProbation)
            {
                var result = assistant.ChangeEmployment(employment.Id, positionPercent, newEnd, newBasis, newProbation);
                if (!result.IsSuccess) { row.FailAll(result.Error!, "end"); return outcome; }
                if (outcome == RowOutcome.Unchanged) outcome = RowOutcome.Changed;
            }
        }
        if (wage is not null && employment.HourlyWage != wage)
        {
            employment.SetHourlyWage(wage);
            if (outcome == RowOutcome.Unchanged) outcome = RowOutcome.Changed;
        }

        foreach (var arrangement in arrangements)
        {
            var from = assignedFrom ?? (start!.Value > arrangement.StartDate ? start.Value : arrangement.StartDate);
            var to = end;
            if (arrangement.Assignments.Any(a => a.AssistantId == assistant.Id && a.From <= (to ?? LocalDate.MaxIsoValue) && from <= (a.To ?? LocalDate.MaxIsoValue))) continue;
            var assigned = arrangement.Assign(Guid.CreateVersion7(), assistant.Id, from, to);
            if (!assigned.IsSuccess) { row.FailAll(assigned.Error!, "arrangements", $"{arrangement.Name}: "); continue; }
            if (outcome == RowOutcome.Unchanged) outcome = RowOutcome.Changed;
        }
        return outcome;
    }

    private static EmploymentKind? Kind(RowReader row, decimal? position)
    {
        var text = row.Text("kind")?.ToLowerInvariant();
        if (text is null) return position is > 0 ? EmploymentKind.Permanent : EmploymentKind.OnCall;
        if (text.Contains("tilkall", StringComparison.Ordinal) || text.Contains("ringevikar", StringComparison.Ordinal) || text.Contains("on call", StringComparison.Ordinal) || text == "oncall")
            return EmploymentKind.OnCall;
        if (text.StartsWith("midlertid", StringComparison.Ordinal) || text.StartsWith("temporar", StringComparison.Ordinal) || text == "vikariat") return EmploymentKind.Temporary;
        if (text.StartsWith("fast", StringComparison.Ordinal) || text.StartsWith("perman", StringComparison.Ordinal)) return EmploymentKind.Permanent;
        row.Fail("kind", $"Ukjent ansettelsesform «{row.Text("kind")}». Skriv fast, midlertidig eller tilkallingsvikar.");
        return null;
    }

    private static TemporaryBasis? Basis(RowReader row, EmploymentKind? kind)
    {
        var text = row.Text("temporaryBasis")?.ToLowerInvariant();
        if (text is null) return kind == EmploymentKind.Temporary && row.Text("kind")?.Equals("vikariat", StringComparison.OrdinalIgnoreCase) == true ? TemporaryBasis.Substitute : null;
        if (kind != EmploymentKind.Temporary) return null;
        if (text.Contains("vikar", StringComparison.Ordinal) || text.Contains("substitute", StringComparison.Ordinal)) return TemporaryBasis.Substitute;
        if (text.Contains("praksis", StringComparison.Ordinal) || text.Contains("practice", StringComparison.Ordinal)) return TemporaryBasis.Practice;
        if (text.Contains("tiltak", StringComparison.Ordinal) || text.Contains("nav", StringComparison.Ordinal)) return TemporaryBasis.LabourMeasure;
        if (text.Contains("behov", StringComparison.Ordinal) || text.Contains("karakter", StringComparison.Ordinal) || text.Contains("need", StringComparison.Ordinal)) return TemporaryBasis.TemporaryNeed;
        row.Fail("temporaryBasis", $"Ukjent grunnlag «{row.Text("temporaryBasis")}». Skriv midlertidig behov, vikariat, praksis eller arbeidsmarkedstiltak.");
        return null;
    }

    private static List<Arrangement> Arrangements(RowReader row, ImportWorld world)
    {
        var text = row.Text("arrangements");
        if (text is null) return [];
        var found = new List<Arrangement>();
        foreach (var name in text.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matches = world.Arrangements.Where(a => string.Equals(a.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 1) { if (!found.Contains(matches[0])) found.Add(matches[0]); }
            else if (matches.Count == 0) row.Fail("arrangements", $"Fant ikke ordningen «{name}» blant ordningene du administrerer.");
            else row.Fail("arrangements", $"Flere ordninger heter «{name}». Gi dem ulike navn før du importerer.");
        }
        return found;
    }
}
