using System.Text.Json;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Plans;

/// <summary>
/// Issue 23: the app on a phone. The assistant finds the manifest and its icons, reads «Min plan» offline after one
/// visit (the service worker), and uses the folded menu with 44 px targets. The worker never shows one user's page to
/// another: not after a sign-out, and not when a session simply ends and someone else signs in on the same phone.
/// </summary>
public sealed class OfflineMyPlanBrowserTests(Browser browser)
{
    [Fact]
    public async Task Assistant_ReadsMyPlanOffline_AndNextUserOnThePhoneSeesNothingOfIt()
    {
        var page = await browser.NewPageTrustingTestCertificateAsync(360, 740);
        var context = page.Context;
        await Browser.SignInAsync(page, DemoLogins.Assistant);
        var name = await page.Locator(".app-user__name").InnerTextAsync();

        // The manifest: installable, Norwegian, with the icons a phone asks for.
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var manifest = JsonDocument.Parse(await (await page.APIRequest.GetAsync(href!)).TextAsync()).RootElement;
        manifest.GetProperty("lang").GetString().ShouldBe("nb");
        manifest.GetProperty("display").GetString().ShouldBe("standalone");
        var sizes = manifest.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ToList();
        sizes.ShouldContain("192x192");
        sizes.ShouldContain("512x512");
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            var response = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            response.Status.ShouldBe(200);
            response.Headers["content-type"].ShouldStartWith(icon.GetProperty("type").GetString()!);
        }

        // The folded menu: one button on the phone's first screen; open, every target at least 44 px high.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Meny" });
        (await page.Locator(".app-nav").IsVisibleAsync()).ShouldBeFalse();
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await menu.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        var heights = await page.Locator(".app-nav__list .ds-link, #hovedmeny .ds-button").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().height)");
        heights.Length.ShouldBeGreaterThan(3);
        heights.ShouldAllBe(h => h >= 44);
        await Browser.AssertFitsAsync(page, "meny åpen 360 px");
        await Browser.ScreenshotAsync(page, "meny-360");
        await page.Keyboard.PressAsync("Escape");
        (await menu.GetAttributeAsync("aria-expanded")).ShouldBe("false");

        // One visit to «Min plan» with the worker in charge, then offline: the plan is there, with a note saying so.
        await page.GotoAsync("/min-plan");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.ReloadAsync();
        var online = await page.Locator("main").InnerTextAsync();
        online.ShouldContain("Ordningen til Even");
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/min-plan");
        await page.Locator("[data-offline-note]").WaitForAsync();
        (await page.Locator("[data-offline-note]").InnerTextAsync()).ShouldContain("Du er uten nett");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Ordningen til Even");
        await Browser.AssertFitsAsync(page, "min plan uten nett");
        await Browser.ScreenshotAsync(page, "min-plan-uten-nett");
        await context.SetOfflineAsync(false);

        // Sign out and let another person sign in on the same phone; offline, «Min plan» shows nothing of the first.
        await page.GotoAsync("/");
        await menu.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/logg-inn", StringComparison.Ordinal));
        await Browser.SignInAsync(page, DemoLogins.Substitute);
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.GotoAsync("/");
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/min-plan");
        var shown = await page.Locator("body").InnerTextAsync();
        shown.ShouldContain("Du er uten nett");
        shown.ShouldNotContain(name);
        shown.ShouldNotContain("Ordningen til Even");
        await Browser.AssertAccessibleAsync(page, "uten nett, ny bruker");
        await context.SetOfflineAsync(false);

        // Without a sign-out: the substitute keeps «Min plan» offline, the session ends (cookies gone), the first
        // assistant signs in again; the worker drops the substitute's copy as soon as it sees another user's page.
        await page.GotoAsync("/min-plan");
        await page.ReloadAsync();
        var substitute = await page.Locator(".app-user__name").InnerTextAsync();
        await context.ClearCookiesAsync();
        await Browser.SignInAsync(page, DemoLogins.Assistant);
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/min-plan");
        shown = await page.Locator("body").InnerTextAsync();
        shown.ShouldContain("Du er uten nett");
        shown.ShouldNotContain(substitute);
        await context.SetOfflineAsync(false);
    }
}
