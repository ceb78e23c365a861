using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Plans;

/// <summary>
/// Issue 5 in a real browser: the demo work leader builds a four-week plan for the 24/7 2:1 arrangement by keyboard
/// only, sees a rest-time finding when a night is placed too close to a day shift, fixes it and publishes; the
/// assistant then reads the plan on a 360 px phone and subscribes to the calendar feed. axe on every state.
/// </summary>
public sealed class PlanEditorBrowserTests(Browser browser)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly string DemoAssistant = DemoIds.For("assistant:42").ToString();

    [Fact]
    public async Task WorkLeader_BuildsChecksAndPublishesAPlan_ByKeyboard_AndTheAssistantSeesIt()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.WorkLeader);
        await page.GotoAsync($"/ordninger/{Arrangement10}/arbeidsplan");
        await Browser.AssertAccessibleAsync(page, "arbeidsplaner");

        await Keys.TabToAsync(page, "plan-navn");
        await page.Keyboard.TypeAsync("Turnus 2027");
        await Keys.TypeDateAsync(page, "plan-start", new DateOnly(2027, 1, 4));
        await Keys.TabToButtonAsync(page, "Lag planen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Turnus 2027");
        await Browser.AssertAccessibleAsync(page, "tom plan");

        // Twelve assistants in pairs (2:1), the demo assistant among them: Monday-Thursday round the clock every week,
        // Friday-Sunday by other pairs in weeks 1 and 3 (weeks 2 and 4 stay open and show as gaps).
        var people = (await page.Locator("#ny-assistent option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Where(v => v.Length > 0).ToList();
        people.Remove(DemoAssistant);
        people.Insert(0, DemoAssistant);
        var templates = await page.Locator("#ny-type option").EvaluateAllAsync<string[][]>("os => os.map(o => [o.value, o.textContent])");
        string Template(string name) => templates.First(t => t[1].StartsWith(name, StringComparison.Ordinal))[0];
        var blocks = new (string Template, int Pair, int[] Weeks, int[] Days)[]
        {
            (Template("Dag"), 0, [1, 2, 3, 4], [1, 2, 3, 4]),
            (Template("Kveld"), 1, [1, 2, 3, 4], [1, 2, 3, 4]),
            (Template("Våken natt"), 2, [1, 2, 3, 4], [1, 2, 3, 4]),
            (Template("Dag"), 3, [1, 3], [5, 6, 7]),
            (Template("Kveld"), 4, [1, 3], [5, 6, 7]),
            (Template("Våken natt"), 5, [1, 3], [5, 6, 7]),
        };
        foreach (var (template, pair, weeks, days) in blocks)
        {
            await AddAsync(page, template, people[pair * 2], people[(pair * 2) + 1], weeks, days);
            await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("vakter lagt til");
        }
        await Browser.AssertAccessibleAsync(page, "plan med vakter");
        await Browser.ScreenshotAsync(page, "arbeidsplan-uke1");
        (await page.Locator(".app-plan-grid .app-shift").CountAsync()).ShouldBe(24 + 18);
        (await page.Locator(".app-findings").GetByText("AML-10-8-1").CountAsync()).ShouldBe(0, "no rest problem yet");

        // A night for the demo assistant on Monday 23:00, right after their Monday day shift and before Tuesday's.
        await AddAsync(page, "", DemoAssistant, "", [1], [1], ("23:00", "07:00"));
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("1 vakter lagt til");
        (await page.Locator("#planstatus").InnerTextAsync()).ShouldNotContain(" 0 nye funn");
        await page.Locator(".app-findings").GetByText("AML-10-8-1").First.WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "plan med hvilefunn");
        await Browser.ScreenshotAsync(page, "arbeidsplan-hvilefunn");

        // Fix it: open the night from the grid and delete it.
        var name = await page.Locator($"#ny-assistent option[value='{DemoAssistant}']").InnerTextAsync();
        var row = page.Locator(".app-plan-grid tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });
        var night = row.Locator("a", new() { HasText = "23:00–07:00" });
        (await night.CountAsync()).ShouldBe(1);
        var nightId = await night.GetAttributeAsync("id");
        await Keys.TabToAsync(page, nightId!, limit: 300);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#endre-tittel").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "endre vakt");
        await Keys.TabToButtonAsync(page, "Slett", limit: 300);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("Vakten er slettet.");
        (await page.Locator(".app-findings").GetByText("AML-10-8-1").CountAsync()).ShouldBe(0, "the rest finding is gone");

        // Publish from 4 January 2027, discussed with the assistants on 20 November (AML-10-3-1: at least 14 days before).
        await Keys.TypeDateAsync(page, "publiser-drøftet", new DateOnly(2026, 11, 20), limit: 400);
        await Keys.TabToButtonAsync(page, "Publiser", limit: 20);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("Planen er publisert", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".ds-tag").First).ToHaveTextAsync("Publisert");
        await Browser.AssertAccessibleAsync(page, "publisert plan");
        await Browser.ScreenshotAsync(page, "arbeidsplan-publisert");

        // The assistant, on a phone.
        var phone = await browser.NewPageAsync(360, 740);
        await Browser.SignInAsync(phone, DemoLogins.Assistant);
        await phone.GotoAsync("/min-plan?fra=2027-01-04");
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Min plan", Level = 1 }).WaitForAsync();
        (await phone.GetByText("07:00–15:00").CountAsync()).ShouldBe(16, "four weeks of Monday-Thursday day shifts");
        (await phone.GetByText("Ordningen til Even").CountAsync()).ShouldBeGreaterThan(0);
        await Browser.AssertFitsAsync(phone, "min plan 360 px");
        await Browser.ScreenshotAsync(phone, "min-plan-360");

        await Keys.TabToButtonAsync(phone, "Lag kalenderadresse", limit: 200);
        await phone.Keyboard.PressAsync("Enter");
        var address = await phone.Locator("#kalenderadresse").InnerTextAsync();
        await Browser.AssertAccessibleAsync(phone, "min plan med kalender");
        var feed = await phone.APIRequest.GetAsync(address);
        feed.Status.ShouldBe(200);
        var calendar = Ical.Net.Calendar.Load(await feed.TextAsync())!;
        calendar.Events.ShouldContain(e => e.DtStart!.Value == new DateTime(2027, 1, 4, 6, 0, 0, DateTimeKind.Utc) && e.Summary == "Vakt: dag");
    }

    [Fact]
    public async Task Coordinator_AcceptsABreachWithAReason_AndTheFindingShowsWhoAndWhy()
    {
        var page = await browser.NewPageAsync();
        await Browser.SignInAsync(page, DemoLogins.CoordinatorEast);
        await page.GotoAsync($"/ordninger/{Arrangement10}/arbeidsplan/{DemoIds.For("plan:10")}?uke=1");
        var accept = page.GetByRole(AriaRole.Link, new() { Name = "Godta med begrunnelse" }).First;
        var before = await page.GetByRole(AriaRole.Link, new() { Name = "Godta med begrunnelse" }).CountAsync();
        before.ShouldBeGreaterThan(0, "the demo plan has breaches to accept");
        await accept.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#begrunnelse").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "godta brudd");

        await Keys.TabToAsync(page, "begrunnelse", limit: 600);
        await Keys.TabToButtonAsync(page, "Godta bruddet", limit: 10);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#feiloppsummering").GetByText("Skriv en begrunnelse på minst 10 tegn.").WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "godta brudd uten begrunnelse");

        await Keys.TabToAsync(page, "begrunnelse", limit: 600);
        await page.Keyboard.TypeAsync("Drøftet med tillitsvalgt; ny turnus fra januar");
        await Keys.TabToButtonAsync(page, "Godta bruddet", limit: 10);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("Bruddet er godtatt med begrunnelse.");
        (await page.GetByText("Drøftet med tillitsvalgt; ny turnus fra januar").CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Godta med begrunnelse" }).CountAsync()).ShouldBe(before - 1);
        await Browser.AssertAccessibleAsync(page, "brudd godtatt");
        await Browser.ScreenshotAsync(page, "arbeidsplan-godtatt");
    }

    /// <summary>Fills the add form by keyboard: template (or own times), one or two assistants, weeks and days, then Enter.</summary>
    internal static async Task AddAsync(IPage page, string template, string first, string second, int[] weeks, int[] days, (string From, string To)? own = null)
    {
        await Keys.ChooseAsync(page, "ny-type", template, limit: 400);
        if (own is { } times)
        {
            await Keys.TypeTimeAsync(page, "ny-fra", TimeOnly.Parse(times.From, System.Globalization.CultureInfo.InvariantCulture));
            await Keys.TypeTimeAsync(page, "ny-til", TimeOnly.Parse(times.To, System.Globalization.CultureInfo.InvariantCulture));
        }
        await Keys.ChooseAsync(page, "ny-assistent", first);
        await Keys.ChooseAsync(page, "ny-assistent2", second);
        for (var w = 1; w <= 4; w++)
        {
            await Keys.TabToAsync(page, $"ny-uke-{w}");
            if (await page.Locator($"#ny-uke-{w}").IsCheckedAsync() != weeks.Contains(w)) await page.Keyboard.PressAsync("Space");
        }
        foreach (var d in days)
        {
            await Keys.TabToAsync(page, $"ny-dag-{d}");
            await page.Keyboard.PressAsync("Space");
        }
        await Keys.TabToButtonAsync(page, "Legg til vakt");
        await page.Keyboard.PressAsync("Enter");
    }
}
