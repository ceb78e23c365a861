using ClosedXML.Excel;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.HourAccounts;

/// <summary>Issue 4 in a real browser: the work leader's hour account and chart, a case worker's download, decisions; axe on every state.</summary>
public sealed class HourAccountBrowserTests(Browser browser)
{
    [Fact]
    public async Task WorkLeader_ReadsTheHourAccountAndItsChart_AndRegistersUnusedHours()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.WorkLeader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ordningen til Even", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Timekonto", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Timekonto – Ordningen til Even");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Akkumulerte timer uke for uke i 2026" });
        (await chart.CountAsync()).ShouldBe(1);
        (await page.Locator("svg desc").TextContentAsync() ?? "").ShouldContain("Innvilget i år: 17\u00a0520,00 timer");
        var weeks = page.GetByRole(AriaRole.Table, new() { Name = "Timekonto per uke i 2026" });
        (await weeks.Locator("tbody tr").CountAsync()).ShouldBe(53);
        (await weeks.Locator("tr[aria-current='date'] th").InnerTextAsync()).ShouldStartWith("Uke 48");
        var now = page.GetByRole(AriaRole.Row, new() { Name = "I år" });
        // Granted to date (326 days × 48 h); used hours move with approved time sheets, which other browser tests approve,
        // and are checked to the hour in HourAccountTests.
        (await now.InnerTextAsync()).ShouldContain("15\u00a0648,00");
        await Browser.AssertAccessibleAsync(page, "timekonto");
        await Browser.ScreenshotAsync(page, "timekonto-arbeidsleder");

        await page.GetByLabel("Dato").First.FillAsync("2026-11-19");
        await page.GetByLabel("Timer", new() { Exact = true }).FillAsync("7,5");
        await page.GetByLabel("Årsak (valgfritt, ingen helseopplysninger)").FillAsync("Ingen vikar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre ubrukte timer" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).GetByText("De ubrukte timene er lagret.").WaitForAsync();
        (await page.GetByText("19. november 2026: 7,50 timer – Ingen vikar").CountAsync()).ShouldBe(1);
        await Browser.AssertAccessibleAsync(page, "timekonto etter lagring");
    }

    [Fact]
    public async Task HourAccount_At360Px_FitsAndStaysAxeClean()
    {
        var page = await browser.NewPageAsync(360, 800);
        await Browser.SignInAsync(page, DemoLogins.WorkLeader);
        await page.GotoAsync($"/ordninger/{DemoIds.For("arrangement:10")}/timekonto");

        await Browser.AssertFitsAsync(page, "timekonto 360 px");
        await Browser.ScreenshotAsync(page, "timekonto-360");
    }

    [Fact]
    public async Task CaseWorker_DownloadsLastMonthsReport()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.CaseWorkerOslo);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommuner" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Oslo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Månedsrapport, fakturagrunnlag og ressurskrevende tjenester" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Timerapport for Oslo, oktober 2026");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Fakturagrunnlag (Excel)" }).CountAsync()).ShouldBe(0, "the invoice basis is the provider's");
        await Browser.AssertAccessibleAsync(page, "månedsrapport");
        await Browser.ScreenshotAsync(page, "kommunerapport");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Last ned som Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("timerapport-0301-2026-10.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)));
        var rows = workbook.Worksheets.Single().RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()).ToList();
        rows.ShouldBe(["Ordningen til Bjørn", "Ordningen til Even", "Ordningen til Liv", "Ordningen til Randi", "Ordningen til Tor"]);
    }

    [Fact]
    public async Task Coordinator_SeesDecisionHistory_AndTheNewDecisionFormNamesEveryMissingField()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.CoordinatorEast);
        (await page.GetByText("Vedtak som snart går ut").CountAsync()).ShouldBe(1);
        await Browser.AssertAccessibleAsync(page, "startside med påminnelse");
        await page.GotoAsync($"/ordninger/{DemoIds.For("arrangement:10")}/vedtak");

        (await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync()).Count.ShouldBe(2, "two versions");
        (await page.GetByText("BPA-2-1D: 336 timer per uke: over 32 timer gir rett til BPA").CountAsync()).ShouldBe(2);
        await Browser.AssertAccessibleAsync(page, "vedtak");
        await Browser.ScreenshotAsync(page, "vedtak-historikk");

        await page.GotoAsync($"/ordninger/{DemoIds.For("arrangement:3")}/vedtak/ny");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre vedtak" }).ClickAsync();
        var summary = page.Locator("#feiloppsummering");
        await summary.GetByText("Timetallet må fylles ut.").WaitForAsync();
        (await summary.GetByText("Fra-dato må fylles ut.").CountAsync()).ShouldBe(1);
        (await summary.GetByText("Velg minst ett behov vedtaket dekker.").CountAsync()).ShouldBe(1);
        await Browser.AssertAccessibleAsync(page, "nytt vedtak med feil");
        await Browser.ScreenshotAsync(page, "nytt-vedtak-feil");

        await page.GotoAsync("/timekontoer");
        (await page.GetByRole(AriaRole.Table).Locator("tbody tr").First.InnerTextAsync()).ShouldContain("Ordningen til Bjørn");
        await Browser.AssertAccessibleAsync(page, "timekontoer");
        await Browser.ScreenshotAsync(page, "timekontoer");
    }
}
