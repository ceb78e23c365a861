using System.Globalization;
using CsCheck;
using NodaTime;
using Selvstyrt.Web.Features.Imports;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Imports;

/// <summary>
/// Issue 16's property for the arrangement import: any valid file imported once and then again changes nothing the second
/// time, whatever the mix of municipalities by number or name, employers, date formats, names given or left out and ended
/// arrangements; and the second run adds no recipient or arrangement.
/// </summary>
public sealed class ArrangementImportPropertyTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly (Guid Id, string Name) Office = (Guid.NewGuid(), "Kontor Øst");
    private static readonly (Guid Id, string Number, string Name)[] Municipalities = [(Guid.NewGuid(), "0301", "Oslo"), (Guid.NewGuid(), "3201", "Bærum")];
    private static readonly string[] Employers = ["", "leverandøren", "kommunen", "tjenestemottakeren"];

    private sealed record Row(string Name, int BirthDays, int Municipality, bool ByNumber, int Employer, int StartDays, int? Length, bool IsoDate, bool Named);

    private static readonly Gen<Row> RowGen =
        Gen.Select(Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzæøå"], 2, 12], Gen.Int[365 * 2, 365 * 90], Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[-3000, 600], Gen.Int[-1, 800], Gen.Bool)
            .Select(t => new Row("Mottaker " + t.Item1, t.Item2, t.Item3 & 1, (t.Item3 & 2) != 0, t.Item4, t.Item5, t.Item6 < 0 ? null : t.Item6, (t.Item3 & 4) != 0, t.Item7));

    private static string Date(LocalDate date, bool iso) => date.ToString(iso ? "uuuu-MM-dd" : "dd.MM.uuuu", CultureInfo.InvariantCulture);

    private static ImportTable Table(IReadOnlyList<Row> rows)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = new List<IReadOnlyList<string>>();
        foreach (var r in rows.Where(r => seen.Add(r.Name + r.BirthDays)))
        {
            var start = Today.PlusDays(r.StartDays);
            var municipality = Municipalities[r.Municipality];
            lines.Add([r.Name, Date(Today.PlusDays(-r.BirthDays), r.IsoDate), r.Named ? $"Ordning for {r.Name}" : "", r.ByNumber ? municipality.Number : municipality.Name,
                Employers[r.Employer], Date(start, r.IsoDate), r.Length is { } days ? Date(start.PlusDays(days), r.IsoDate) : ""]);
        }
        return new ImportTable(["Tjenestemottaker", "Fødselsdato", "Ordning", "Kommune", "Arbeidsgiver", "Startdato", "Sluttdato"], lines);
    }

    [Fact]
    public void ValidFile_ImportedTwice_TheSecondChangesNothing()
    {
        RowGen.List[1, 40].Sample(rows =>
        {
            var table = Table(rows);
            var mapping = ArrangementImport.Guess(table.Headers);
            mapping.Count.ShouldBe(7, "every column is recognised by its Norwegian name");
            var first = new ArrangementWorld(Provider, Today, [Office], Municipalities, [], []);

            var once = ArrangementImport.Apply(table, mapping, first);
            once.Issues.ShouldBeEmpty();
            once.New.ShouldBe(table.Rows.Count);
            first.AddedRecipients.Count.ShouldBe(table.Rows.Count);
            var recorded = first.AddedArrangements.Select(a => (a.Name, a.MunicipalityId, a.EmployerModel, a.StartDate, a.EndDate)).ToList();

            var second = new ArrangementWorld(Provider, Today, [Office], Municipalities, first.AddedRecipients, first.AddedArrangements);
            var twice = ArrangementImport.Apply(table, mapping, second);

            twice.Issues.ShouldBeEmpty();
            (twice.New, twice.Changed, twice.Unchanged).ShouldBe((0, 0, table.Rows.Count));
            second.AddedRecipients.ShouldBeEmpty();
            second.AddedArrangements.ShouldBeEmpty();
            first.AddedArrangements.Select(a => (a.Name, a.MunicipalityId, a.EmployerModel, a.StartDate, a.EndDate)).ToList().ShouldBe(recorded);
        }, iter: 200);
    }
}
