using System.Globalization;
using CsCheck;
using NodaTime;
using Selvstyrt.Domain.Arrangements;
using Selvstyrt.Web.Features.Imports;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Imports;

/// <summary>
/// Issue 16's property: any valid file imported once and then again changes nothing the second time (re-import is a no-op),
/// whatever the mix of permanent and on-call rows, date formats, e-mails left out and arrangements named.
/// </summary>
public sealed class AssistantImportPropertyTests
{
    private static readonly LocalDate Today = new(2026, 11, 23);
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly (Guid Id, string Name) Office = (Guid.NewGuid(), "Kontor Øst");

    private sealed record Row(int Number, string Name, string? Email, int Position, int StartDays, bool IsoDate, int Arrangements);

    private static readonly Gen<Row> RowGen =
        Gen.Select(Gen.Int[1, 999_999], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzæøå "], 1, 30], Gen.Bool, Gen.Int[0, 100], Gen.Int[-2000, 300], Gen.Bool, Gen.Int[0, 3])
            .Select(t => new Row(t.Item1, "N " + t.Item2.Trim(), t.Item3 ? $"a{t.Item1}@eksempel.no" : null, t.Item4, t.Item5, t.Item6, t.Item7));

    private static ImportTable Table(IReadOnlyList<Row> rows)
    {
        var seen = new HashSet<int>();
        var lines = new List<IReadOnlyList<string>>();
        foreach (var r in rows.Where(r => seen.Add(r.Number)))
        {
            var start = Today.PlusDays(r.StartDays);
            var date = r.IsoDate ? start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : start.ToString("dd.MM.uuuu", CultureInfo.InvariantCulture);
            var arrangements = string.Join(';', new[] { "Ordningen til Ola", "Ordningen til Kari" }.Where((_, i) => (r.Arrangements & (1 << i)) != 0));
            lines.Add([r.Number.ToString(CultureInfo.InvariantCulture), r.Name, r.Email ?? "", date, r.Position == 0 ? "" : r.Position.ToString(CultureInfo.InvariantCulture), arrangements]);
        }
        return new ImportTable(["Ansattnr", "Navn", "E-post", "Startdato", "Stillingsprosent", "Ordning"], lines);
    }

    private static List<Arrangement> Arrangements()
        => new[] { "Ordningen til Ola", "Ordningen til Kari" }.Select(name => Arrangement.Create(Guid.NewGuid(), Provider, Office.Id, Guid.NewGuid(), Guid.NewGuid(), name,
            EmployerModel.Provider, new LocalDate(2020, 1, 1)).Value!).ToList();

    [Fact]
    public void ValidFile_ImportedTwice_TheSecondChangesNothing()
    {
        RowGen.List[1, 40].Sample(rows =>
        {
            var table = Table(rows);
            var mapping = AssistantImport.Guess(table.Headers);
            var arrangements = Arrangements();
            var first = new ImportWorld(Provider, Today, [Office], [], arrangements, new HashSet<Guid> { Office.Id });

            var once = AssistantImport.Apply(table, mapping, first);
            once.Issues.ShouldBeEmpty();
            once.New.ShouldBe(table.Rows.Count);
            var employments = first.Added.Sum(a => a.Employments.Count);
            var assignments = arrangements.Sum(a => a.Assignments.Count);
            var names = first.Added.Select(a => (a.FullName, a.Email, a.Employments[0].PositionPercent)).ToList();

            var second = new ImportWorld(Provider, Today, [Office], first.Added, arrangements, new HashSet<Guid> { Office.Id });
            var twice = AssistantImport.Apply(table, mapping, second);

            twice.Issues.ShouldBeEmpty();
            (twice.New, twice.Changed, twice.Unchanged).ShouldBe((0, 0, table.Rows.Count));
            second.Added.ShouldBeEmpty();
            first.Added.Sum(a => a.Employments.Count).ShouldBe(employments);
            arrangements.Sum(a => a.Assignments.Count).ShouldBe(assignments);
            first.Added.Select(a => (a.FullName, a.Email, a.Employments[0].PositionPercent)).ToList().ShouldBe(names);
        }, iter: 200);
    }
}
