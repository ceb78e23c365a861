using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Domain.Common;
using Selvstyrt.Domain.People;
using Selvstyrt.Web.Shared.Forms;

namespace Selvstyrt.Web.Features.Imports;

/// <summary>One field an import can fill, with the column names other systems use for it (for the first guess at a mapping). The page's label and help come from the resources (<c>Import.Field.*</c>); <see cref="Label"/> names a column the file lacks in a message.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Names);

/// <summary>A bad value: the row as the spreadsheet numbers it (the header is row 1), the file's column name, and why.</summary>
public sealed record ImportIssue(int Row, string Column, string Message);

/// <summary>What an import did (or would do): rows read, assistants new, changed and unchanged, and every bad value.</summary>
public sealed record ImportReport(int Rows, int New, int Changed, int Unchanged, IReadOnlyList<ImportIssue> Issues)
{
    public bool Clean => Issues.Count == 0;
}

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
    public static Dictionary<string, string> Guess(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var mapping = new Dictionary<string, string>();
        foreach (var field in Fields)
        {
            var match = headers.FirstOrDefault(h => field.Names.Any(n => Normal(h) == Normal(n)) || Normal(h) == Normal(field.Label));
            if (match is not null && !mapping.ContainsValue(match)) mapping[field.Key] = match;
        }
        return mapping;
    }

    private static string Normal(string text) => new string(text.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == '%').ToArray());

    /// <summary>Checks the mapping itself: known fields, columns that exist, the key and a name and a start date mapped.</summary>
    public static List<ImportIssue> CheckMapping(ImportTable table, IReadOnlyDictionary<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var issues = new List<ImportIssue>();
        foreach (var (key, column) in mapping)
        {
            var field = Fields.FirstOrDefault(f => f.Key == key);
            if (field is null) issues.Add(new(1, column, $"Ukjent felt «{key}»."));
            else if (!table.Headers.Contains(column, StringComparer.OrdinalIgnoreCase)) issues.Add(new(1, column, $"Filen har ingen kolonne «{column}» for {field.Label.ToLowerInvariant()}."));
        }
        foreach (var field in Fields.Where(f => f.Required && !mapping.ContainsKey(f.Key)))
            issues.Add(new(1, field.Label, $"Velg kolonnen for {field.Label.ToLowerInvariant()}."));
        if (!mapping.ContainsKey("fullName") && !(mapping.ContainsKey("firstName") && mapping.ContainsKey("lastName")))
            issues.Add(new(1, "Fullt navn", "Velg kolonnen for fullt navn, eller både fornavn og etternavn."));
        foreach (var twice in mapping.GroupBy(m => m.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            issues.Add(new(1, twice.Key, $"Kolonnen «{twice.Key}» er valgt for flere felt."));
        return issues;
    }

    /// <summary>
    /// Reads every row and applies the clean ones to <paramref name="world"/>. The report names every bad value; when it is
    /// not clean the caller must throw the changes away (the page and the API save nothing then).
    /// </summary>
    public static ImportReport Apply(ImportTable table, IReadOnlyDictionary<string, string> mapping, ImportWorld world)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(world);
        var issues = CheckMapping(table, mapping);
        if (issues.Count > 0) return new ImportReport(table.Rows.Count, 0, 0, 0, issues);
        var columns = mapping.ToDictionary(m => m.Key, m => (Index: IndexOf(table.Headers, m.Value), Name: table.Headers[IndexOf(table.Headers, m.Value)]));
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int added = 0, changed = 0, unchanged = 0;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = new RowReader(table.Rows[i], i + 2, columns, issues);
            var before = issues.Count;
            var outcome = ApplyRow(row, world, seen);
            if (issues.Count > before) continue;
            switch (outcome)
            {
                case RowOutcome.New: added++; break;
                case RowOutcome.Changed: changed++; break;
                default: unchanged++; break;
            }
        }
        return new ImportReport(table.Rows.Count, added, changed, unchanged, issues);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++) if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private enum RowOutcome { Unchanged, New, Changed }

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

        var officeId = Office(row, world);
        var position = row.Decimal("positionPercent");
        var kind = Kind(row, position);
        var basis = Basis(row, kind);
        var start = row.Date("start");
        if (start is null && !row.Failed("start")) row.Fail("start", "Startdato må fylles ut.");
        var end = row.Date("end");
        var probationEnd = row.Date("probationEnd");
        var seniorityFrom = row.Date("seniorityFrom");
        var wage = row.Decimal("hourlyWage");
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

    private static Guid Office(RowReader row, ImportWorld world)
    {
        var name = row.Text("office");
        if (name is null)
        {
            if (world.Offices.Count == 1) return world.Offices[0].Id;
            row.Fail("office", "Kontor må fylles ut fordi du administrerer flere kontorer.");
            return Guid.Empty;
        }
        var matches = world.Offices.Where(o => string.Equals(o.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1) return matches[0].Id;
        row.Fail("office", $"Fant ikke kontoret «{name}» blant kontorene du administrerer ({string.Join(", ", world.Offices.Select(o => o.Name))}).");
        return Guid.Empty;
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

    /// <summary>Reads one row's values by field and records its issues under the file's column names.</summary>
    private sealed class RowReader(IReadOnlyList<string> cells, int number, Dictionary<string, (int Index, string Name)> columns, List<ImportIssue> issues)
    {
        private readonly HashSet<string> _failed = [];

        public int Number { get; } = number;
        public bool HasIssues => _failed.Count > 0;

        public bool Has(string field) => columns.ContainsKey(field);

        public bool Failed(string field) => _failed.Contains(field);

        public string? Text(string field)
        {
            if (!columns.TryGetValue(field, out var column)) return null;
            var value = ImportTable.Cell(cells, column.Index);
            return value.Length == 0 ? null : value;
        }

        public void Fail(string field, string message)
        {
            _failed.Add(field);
            var column = columns.TryGetValue(field, out var c) ? c.Name : Fields.First(f => f.Key == field).Label;
            issues.Add(new ImportIssue(Number, column, message));
        }

        public void FailAll(Error error, string fallbackField, string prefix = "")
        {
            if (error is Invalid invalid)
                foreach (var (field, message) in invalid.Fields) Fail(Fields.Any(f => f.Key == field) && columns.ContainsKey(field) ? field : fallbackField, prefix + message);
            else Fail(fallbackField, prefix + error.Message);
        }

        private static readonly LocalDatePattern[] DatePatterns =
        [
            LocalDatePattern.Iso,
            LocalDatePattern.CreateWithInvariantCulture("dd.MM.uuuu"),
            LocalDatePattern.CreateWithInvariantCulture("d.M.uuuu"),
            LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu"),
            LocalDatePattern.CreateWithInvariantCulture("d/M/uuuu"),
        ];

        public LocalDate? Date(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            // Excel keeps a time of day on some date cells («2026-01-05 00:00:00»): the date is what counts.
            var datePart = text.Split(' ', 2)[0];
            foreach (var pattern in DatePatterns)
            {
                var parsed = pattern.Parse(datePart);
                if (parsed.Success && parsed.Value.Year is >= 1900 and <= 2200) return parsed.Value;
            }
            Fail(field, $"«{text}» er ikke en dato. Skriv den som dd.mm.åååå, for eksempel 01.02.2026.");
            return null;
        }

        public decimal? Decimal(string field)
        {
            var text = Text(field);
            if (text is null) return null;
            var clean = text.Replace("%", "", StringComparison.Ordinal).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
            // Two decimals, as the records keep them: more would read as a change on every re-import.
            if (FormInput.TryParseNumber(clean, out var value)) return Math.Round(value, 2, MidpointRounding.AwayFromZero);
            Fail(field, $"«{text}» er ikke et tall.");
            return null;
        }
    }
}
