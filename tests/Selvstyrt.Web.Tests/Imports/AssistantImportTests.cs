using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Selvstyrt.Data;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.Web.Tests.Imports;

/// <summary>
/// Issue 16's bulk import on both engines, through the API: a file with one bad row saves nothing and names the row, the
/// column and why in Norwegian; the fixed file saves every assistant with employment and arrangement; the same file again
/// changes nothing; a coordinator cannot import into another office; a broken file is a named 400, never a 500.
/// </summary>
public sealed class AssistantImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An Excel file as a payroll system exports it: Norwegian headers, dates as date cells, 80 % as a percentage cell.</summary>
    public static byte[] Workbook(IEnumerable<(string Number, string Name, string Email, DateTime Start, double Position, string Arrangement)> rows, string? badPosition = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Ansatte");
        string[] headers = ["Ansattnr", "Navn", "E-post", "Ansatt fra", "Stilling %", "Ordning"];
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        var r = 2;
        foreach (var (number, name, email, start, position, arrangement) in rows)
        {
            sheet.Cell(r, 1).Value = number;
            sheet.Cell(r, 2).Value = name;
            sheet.Cell(r, 3).Value = email;
            sheet.Cell(r, 4).Value = start;
            if (r == 4 && badPosition is not null) sheet.Cell(r, 5).Value = badPosition;
            else
            {
                sheet.Cell(r, 5).Value = position / 100;
                sheet.Cell(r, 5).Style.NumberFormat.NumberFormatId = 9;
            }
            sheet.Cell(r, 6).Value = arrangement;
            r++;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static List<(string, string, string, DateTime, double, string)> Rows(int count, string arrangement)
        => Enumerable.Range(1, count).Select(i => ($"90{i:00}", $"Importert Assistent {i}", $"importert{i}@eksempel.no", new DateTime(2026, 12, 1), 50.0 + i, arrangement)).ToList();

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] file, bool commit, string name = "ansatte.xlsx")
        => ApiCalls.UploadAsync(client, "/api/v1/assistant-imports", file, name, new Dictionary<string, string> { ["commit"] = commit ? "true" : "false" }, ct: Ct);

    private static async Task<int> CountAsync(SelvstyrtFactory factory, Func<SelvstyrtDb, Task<int>> count)
    {
        using var scope = factory.Services.CreateScope();
        return await count(scope.ServiceProvider.GetRequiredService<SelvstyrtDb>());
    }

    [Theory, DatabaseData]
    public async Task Excel_OneBadRow_SavesNothing_TheFixedFileSavesAll_AndAReimportChangesNothing(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var coordinator = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        // Arrangement 1 of the demo is in office Øst.
        string arrangement;
        using (var scope = factory.Services.CreateScope())
            arrangement = await scope.ServiceProvider.GetRequiredService<SelvstyrtDb>().Arrangements.Where(a => a.Id == DemoIds.For("arrangement:1")).Select(a => a.Name).SingleAsync(Ct);
        var before = await CountAsync(factory, d => d.Assistants.CountAsync(Ct));

        using var bad = await ImportAsync(coordinator, Workbook(Rows(20, arrangement), badPosition: "åtti"), commit: true);

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.GetProperty("rad 4 – Stilling %")[0].GetString().ShouldBe("«åtti» er ikke et tall.");
        (await CountAsync(factory, d => d.Assistants.CountAsync(Ct))).ShouldBe(before);

        using var preview = await ImportAsync(coordinator, Workbook(Rows(20, arrangement)), commit: false);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>(Ct);
        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        previewed.GetProperty("applied").GetBoolean().ShouldBeFalse();
        previewed.GetProperty("new").GetInt32().ShouldBe(20);
        (await CountAsync(factory, d => d.Assistants.CountAsync(Ct))).ShouldBe(before);

        using var fixedFile = await ImportAsync(coordinator, Workbook(Rows(20, arrangement)), commit: true);
        var done = await fixedFile.Content.ReadFromJsonAsync<JsonElement>(Ct);
        fixedFile.StatusCode.ShouldBe(HttpStatusCode.OK);
        done.GetProperty("applied").GetBoolean().ShouldBeTrue();
        done.GetProperty("new").GetInt32().ShouldBe(20);
        (await CountAsync(factory, d => d.Assistants.CountAsync(Ct))).ShouldBe(before + 20);
        (await CountAsync(factory, d => d.Assignments.CountAsync(a => a.ArrangementId == DemoIds.For("arrangement:1") && d.Assistants.Any(x => x.Id == a.AssistantId && x.EmployeeNumber!.StartsWith("90")), Ct))).ShouldBe(20);
        (await CountAsync(factory, d => d.Employments.CountAsync(e => e.PositionPercent == 55m && e.Start == new NodaTime.LocalDate(2026, 12, 1), Ct))).ShouldBe(1);

        var audit = await CountAsync(factory, d => d.AuditEntries.CountAsync(Ct));
        using var again = await ImportAsync(coordinator, Workbook(Rows(20, arrangement)), commit: true);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        second.GetProperty("new").GetInt32().ShouldBe(0);
        second.GetProperty("changed").GetInt32().ShouldBe(0);
        second.GetProperty("unchanged").GetInt32().ShouldBe(20);
        (await CountAsync(factory, d => d.Assistants.CountAsync(Ct))).ShouldBe(before + 20);
        (await CountAsync(factory, d => d.AuditEntries.CountAsync(Ct))).ShouldBe(audit);
    }

    [Theory, DatabaseData]
    public async Task Csv_IntoAnotherOffice_OrBroken_IsRefusedWithANamedMessage_AndNothingIsSaved(DatabaseKind db)
    {
        await using var factory = Hosts.Fresh(db);
        var west = await factory.SignedInClientAsync(DemoLogins.CoordinatorWest);
        var assistant = await factory.SignedInClientAsync(DemoLogins.Assistant);
        var before = await CountAsync(factory, d => d.Assistants.CountAsync(Ct));
        // Latin-1 with semicolons, as older Norwegian Excel saves CSV; the office is Øst, which the West coordinator does not manage.
        var csv = Encoding.Latin1.GetBytes("Ansattnummer;Fornavn;Etternavn;Kontor;Startdato;Stillingsprosent\r\n7001;Åse;Ødegård;Kontor Øst (Oslo og Akershus);01.12.2026;80\r\n");

        using var otherOffice = await ImportAsync(west, csv, commit: true, "ansatte.csv");
        using var notAManager = await ImportAsync(assistant, csv, commit: false, "ansatte.csv");
        using var broken = await ImportAsync(west, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], commit: true, "ansatte.xlsx");
        using var empty = await ImportAsync(west, [], commit: true, "tom.csv");

        otherOffice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await otherOffice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        errors.GetProperty("rad 2 – Kontor")[0].GetString()!.ShouldStartWith("Fant ikke kontoret «Kontor Øst (Oslo og Akershus)» blant kontorene du administrerer");
        notAManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("Excel-filen kunne ikke leses");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync(factory, d => d.Assistants.CountAsync(Ct))).ShouldBe(before);

        // The same file by the Øst coordinator: Latin-1 read right, first and last name joined.
        var east = await factory.SignedInClientAsync(DemoLogins.CoordinatorEast);
        using var ok = await ImportAsync(east, csv, commit: true, "ansatte.csv");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync(Ct));
        (await CountAsync(factory, d => d.Assistants.CountAsync(a => a.FullName == "Åse Ødegård" && a.EmployeeNumber == "7001", Ct))).ShouldBe(1);
    }
}
