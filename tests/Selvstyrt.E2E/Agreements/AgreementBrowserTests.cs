using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Agreements;

/// <summary>
/// Issue 18: the administrator, by keyboard, ends the døgnvakt arrangement's AML § 10-12 (4) agreement and sees its
/// 24-hour shifts turn into LONGSHIFT-1 breaches in the plan from the day after; records the new agreement with its
/// figures and parties, attaches the signed PDF, and the same shifts are covered again, each saying by which agreement.
/// axe on every page. A host of its own (it ends a demo agreement other journeys rely on).
/// </summary>
public sealed class AgreementBrowserTests(Browser browser)
{
    private static readonly Guid Dognvakt = DemoIds.For("arrangement:9");
    private static readonly Guid DognvaktPlan = DemoIds.For("plan:9");

    [Fact]
    public async Task Administrator_RecordsADognvaktAgreementWithItsPdf_AndThe24HourShiftsTurnFromBreachToCovered()
    {
        await using var factory = OwnHost.Start();
        var baseUrl = OwnHost.BaseUrl(factory);
        var page = await browser.NewPageAsync(1280, 900, baseUrl);
        await Browser.SignInAsync(page, DemoLogins.ProviderAdmin);
        var plan = $"{baseUrl}/ordninger/{Dognvakt}/arbeidsplan/{DognvaktPlan}";

        // The agreements: reached from the header by keyboard.
        await Keys.TabToLinkAsync(page, "Avtaler");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Arbeidstidsavtaler og dispensasjoner", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "avtaler");
        await Keys.TabToLinkAsync(page, "Særavtale om døgnvakt i BPA");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Særavtale om døgnvakt i BPA", Level = 1 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "avtalen");

        // Ended on 30 November: the plan's døgnvakter from 1 December are breaches of LONGSHIFT-1.
        await Keys.TypeDateAsync(page, "avslutt-dag", new DateOnly(2026, 11, 30), limit: 200);
        await Keys.TabToAsync(page, "avslutt-grunn");
        await page.Keyboard.TypeAsync("Sagt opp ved reforhandling");
        await Keys.TabToButtonAsync(page, "Avslutt");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Avtalen er avsluttet.", new() { Exact = false }).First.WaitForAsync();
        (await page.Locator("#versjoner-tittel + ol").InnerTextAsync()).ShouldContain("Sagt opp ved reforhandling");
        await Browser.AssertFitsAsync(page, "avtalen avsluttet");

        await page.GotoAsync(plan);
        await page.Locator(".app-findings").GetByText("LONGSHIFT-1", new() { Exact = false }).First.WaitForAsync();
        (await page.Locator(".app-finding-group").AllInnerTextsAsync()).ShouldContain(t => t.Contains("LONGSHIFT-1", StringComparison.Ordinal) && t.Contains("Brudd", StringComparison.Ordinal));
        await Browser.AssertFitsAsync(page, "plan med brudd");

        // The new agreement, by keyboard: figures, the arrangement, the union and its size.
        await page.GotoAsync($"{baseUrl}/organisasjon/avtaler");
        await Keys.TabToAsync(page, "ny-navn", limit: 120);
        await page.Keyboard.TypeAsync("Særavtale om døgnvakt 2026");
        await Keys.TypeDateAsync(page, "ny-fra", new DateOnly(2026, 12, 1));
        await Keys.ChooseAsync(page, "ny-omfang", "arrangement");
        await Keys.ChooseAsync(page, "ny-ordning", Dognvakt.ToString());
        foreach (var (id, text) in new[] { ("ny-vakt", "24"), ("ny-hvile", "8"), ("ny-kompenserende", "11"), ("ny-forening", "Fagforbundet"), ("ny-medlemmer", "400000") })
        {
            await Keys.TabToAsync(page, id);
            await page.Keyboard.TypeAsync(text);
        }
        await Keys.TabToButtonAsync(page, "Registrer avtalen");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Avtalen er registrert.", new() { Exact = false }).First.WaitForAsync();
        await Browser.AssertFitsAsync(page, "ny avtale");

        // The signed agreement as a PDF.
        await page.Locator("#avtale-dokument").SetInputFilesAsync(new FilePayload { Name = "saeravtale-2026.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signert\n"u8.ToArray() });
        await Keys.TabToButtonAsync(page, "Last opp");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Dokumentet er lagret.", new() { Exact = false }).First.WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Last ned saeravtale-2026.pdf" }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "avtale med dokument");
        await Browser.ScreenshotAsync(page, "avtale");

        // Covered again: no LONGSHIFT-1; the findings say which agreements they were judged by, and each døgnvakt in the
        // rotation's first week (2-8 November in the window the editor checks on 23 November) names the one then in force.
        await page.GotoAsync(plan);
        await page.GetByText("Funnene er vurdert etter disse avtalene:").WaitForAsync();
        (await page.GetByText("LONGSHIFT-1", new() { Exact = false }).CountAsync()).ShouldBe(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Særavtale om døgnvakt 2026" }).WaitForAsync();
        (await page.GetByText("Avtale: Særavtale om døgnvakt i BPA").CountAsync()).ShouldBe(7, "a døgnvakt every day of the week");
        await Browser.AssertFitsAsync(page, "plan dekket av avtalen");
        await Browser.ScreenshotAsync(page, "plan-dognvakt");
    }
}
