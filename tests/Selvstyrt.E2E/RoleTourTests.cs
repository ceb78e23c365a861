using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E;

/// <summary>
/// Signs in as every demo role, visits every page that role can reach by following links from its
/// start page, and runs axe on each page (quality.md A1: 0 violations).
/// </summary>
public sealed partial class RoleTourTests(Browser browser)
{
    public static TheoryData<string> Logins() => [.. DemoLogins.All.Select(l => l.Email)];

    [Theory, MemberData(nameof(Logins))]
    public async Task EveryReachablePage_ForRole_IsAxeClean(string email)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/logg-inn");
        await Browser.AssertAccessibleAsync(page, "innlogging");
        await Browser.SignInAsync(page, email);
        if (email == DemoLogins.Auditor) await StatePurposeAsync(page);

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var shotsTaken = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && visited.Count < 40)
        {
            var path = queue.Dequeue();
            if (!visited.Add(path)) continue;
            var response = await page.GotoAsync(path);
            response.ShouldNotBeNull();
            response.Status.ShouldBeLessThan(400, $"{email} → {path}");
            (await page.Locator("h1").CountAsync()).ShouldBe(1, $"én h1 på {path}");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("nb");
            await Browser.AssertAccessibleAsync(page, $"{path} som {email}");
            var kind = PageKind(path);
            if (shotsTaken.Add(kind)) await Browser.ScreenshotAsync(page, $"{email.Split('@')[0]}-{kind.Trim('/').Replace('/', '-').Replace("{id}", "id", StringComparison.Ordinal)}");

            // Pages only: download links (reports, decision letters) are files, checked in their own tests.
            foreach (var href in await page.Locator("a[href^='/']:not([download])").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            {
                var target = href.Split('#')[0];
                if (target.Length == 0 || visited.Contains(target) || target.StartsWith("/logg-", StringComparison.Ordinal)) continue;
                // One page of each kind is enough for the tour (every arrangement page has the same template).
                if (visited.Any(v => PageKind(v) == PageKind(target)) || queue.Any(q => PageKind(q) == PageKind(target))) continue;
                queue.Enqueue(target);
            }
        }
        visited.Count.ShouldBeGreaterThan(1, "the start page links somewhere");
    }

    [Fact]
    public async Task Auditor_WithoutPurpose_SeesNoArrangementsUntilPurposeIsStated()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.Auditor);

        (await page.Locator("table").CountAsync()).ShouldBe(0);
        await page.GetByText("Som revisor må du oppgi formålet").WaitForAsync();
        await StatePurposeAsync(page);

        (await page.Locator("tbody tr").CountAsync()).ShouldBe(10);
    }

    private static async Task StatePurposeAsync(IPage page)
    {
        await page.GotoAsync("/formaal");
        await page.GetByLabel("Formål med innsynet").FillAsync("Internrevisjon av arbeidstid, sak 2026/14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre formål" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/formaal", StringComparison.Ordinal));
    }

    private static string PageKind(string path) => GuidPattern().Replace(path.Split('?')[0], "{id}");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
