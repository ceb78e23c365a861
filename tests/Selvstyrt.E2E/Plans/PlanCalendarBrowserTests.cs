using Microsoft.Playwright;
using Selvstyrt.Data.Demo;
using Shouldly;
using Xunit;

namespace Selvstyrt.E2E.Plans;

/// <summary>
/// Issue 23 in a real browser: the work leader reads a week of the 24/7 2:1 demo plan as a calendar at 1280 px (all
/// seven days visible, nothing cut off), reads a mark's rule on focus, changes a shift in place by keyboard and sees
/// the finding come and go, moves a shift by drag and drop, opens the month view, and reads the week as a day list on a
/// phone. One host of its own (the journey changes the demo plan) and one sign-in.
/// </summary>
public sealed class PlanCalendarBrowserTests(Browser browser)
{
    private static readonly Guid Arrangement10 = DemoIds.For("arrangement:10");
    private static readonly Guid Plan10 = DemoIds.For("plan:10");

    [Fact]
    public async Task WorkLeader_ReadsTheWeekAsACalendar_ChangesAShiftInPlaceByKeyboard_DragsOne_AndOpensTheMonth()
    {
        await using var host = OwnHost.Start();
        var page = await browser.NewPageAsync(1280, 900, OwnHost.BaseUrl(host));
        await Browser.SignInAsync(page, DemoLogins.WorkLeader);

        // From the start page, one click to this week of the plan (the demo's Monday 23 November is in rotation week 4).
        var thisWeek = page.Locator("#uke-tittel ~ ul a", new() { HasText = "Ordningen til Even" });
        (await page.Locator("#uke-tittel ~ ul li").First.InnerTextAsync()).ShouldContain("dekket hele uken");
        await Browser.AssertAccessibleAsync(page, "startside arbeidsleder");
        await thisWeek.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/arbeidsplan/{Plan10}?uke=4", StringComparison.Ordinal));
        var calendar = page.Locator("table.app-calendar");
        await calendar.WaitForAsync();
        await Browser.AssertAccessibleAsync(page, "kalender denne uken");
        await Browser.ScreenshotAsync(page, "kalender-uke");

        // All seven days fit: the calendar does not scroll sideways, and Sunday's column ends inside the window.
        (await page.Locator("div.app-calendar-wide").EvaluateAsync<int>("r => r.scrollWidth - r.clientWidth")).ShouldBeLessThanOrEqualTo(0, "the calendar scrolls sideways at 1280 px");
        var days = await calendar.Locator("thead th").AllInnerTextsAsync();
        days.Skip(1).Take(7).ShouldBe(["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]);
        var sunday = await calendar.Locator("thead th").Nth(7).BoundingBoxAsync();
        (sunday!.X + sunday.Width).ShouldBeLessThanOrEqualTo(1280);
        // The cover rows: the 24/7 2:1 arrangement needs two at every moment, and the demo plan has them.
        (await calendar.Locator(".app-cover-rows .app-cover").AllInnerTextsAsync()).ShouldAllBe(t => t.Trim() == "2 av 2");
        (await calendar.Locator(".app-cover-rows .app-cover").CountAsync()).ShouldBe(7 * 4);

        // A marked shift says its rule and paragraph when it has the focus.
        var marked = calendar.Locator(".app-shift:has(.app-mark)").First;
        var tip = marked.Locator(".app-mark__tip");
        (await tip.IsVisibleAsync()).ShouldBeFalse();
        await marked.Locator("a").FocusAsync();
        (await tip.IsVisibleAsync()).ShouldBeTrue();
        (await tip.InnerTextAsync()).ShouldContain("arbeidsmiljøloven §");

        // An unmarked Monday day shift: open it by keyboard, make it run to 23:00 (16 hours) and save.
        var shift = calendar.Locator("td[data-day='1'] .app-shift.app-kind--day:not(:has(.app-mark))").First;
        var shiftId = await shift.GetAttributeAsync("data-shift");
        var row = await shift.EvaluateAsync<string>("s => s.closest('td').dataset.assistant");
        await Keys.TabToAsync(page, $"vakt-{shiftId}", limit: 300);
        await page.Keyboard.PressAsync("Enter");
        // The keyboard lands in the quick edit: its heading has the focus, the next Tab is its first field.
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'endre-tittel'");
        // The quick edit sits right under the calendar, before the list of findings.
        (await page.Locator("#endre").EvaluateAsync<bool>("e => !!(e.compareDocumentPosition(document.getElementById('funn-tittel')) & Node.DOCUMENT_POSITION_FOLLOWING)")).ShouldBeTrue();
        await Browser.AssertAccessibleAsync(page, "endre vakt i kalenderen");
        await Keys.TypeTimeAsync(page, "endre-til", new TimeOnly(23, 0), limit: 20);
        await Keys.PressAsync(page, "Lagre endring", limit: 20);
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("Vakten er endret.");
        (await page.Locator("#planstatus").InnerTextAsync()).ShouldNotContain(" 0 nye funn");
        var changed = page.Locator($"#vakt-{shiftId}");
        await Assertions.Expect(changed).ToHaveTextAsync("07:00–23:00");
        (await changed.GetAttributeAsync("aria-label"))!.ShouldContain("funn");
        (await page.Locator($".app-shift[data-shift='{shiftId}'] .app-mark").CountAsync()).ShouldBe(1);
        await Browser.AssertAccessibleAsync(page, "vakt med nytt funn");
        await Browser.ScreenshotAsync(page, "kalender-nytt-funn");

        // Back to 15:00 the same way: the mark goes.
        await Keys.TabToAsync(page, $"vakt-{shiftId}", limit: 300);
        await page.Keyboard.PressAsync("Enter");
        // The keyboard lands in the quick edit: its heading has the focus, the next Tab is its first field.
        await page.WaitForFunctionAsync("() => document.activeElement?.id === 'endre-tittel'");
        await Keys.TypeTimeAsync(page, "endre-til", new TimeOnly(15, 0), limit: 20);
        await Keys.PressAsync(page, "Lagre endring", limit: 20);
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("funn borte");
        await Assertions.Expect(page.Locator($"#vakt-{shiftId}")).ToHaveTextAsync("07:00–15:00");
        (await page.Locator($".app-shift[data-shift='{shiftId}'] .app-mark").CountAsync()).ShouldBe(0);

        // Drag the same shift to an empty day of the same assistant's row: it moves there, checked like any change.
        var target = page.Locator($"table.app-calendar td[data-assistant='{row}']:not(:has(.app-shift))").First;
        var targetDay = await target.GetAttributeAsync("data-day");
        await page.Locator($"#vakt-{shiftId}").DragToAsync(target);
        await Assertions.Expect(page.Locator("#planstatus")).ToContainTextAsync("Vakten er endret.");
        (await page.Locator($"table.app-calendar td[data-day='{targetDay}'][data-assistant='{row}'] #vakt-{shiftId}").CountAsync()).ShouldBe(1);
        await Browser.AssertAccessibleAsync(page, "vakt flyttet med mus");
        // Monday now has one where two are needed: the cover row says so, and so does the start page, one click away.
        (await calendar.Locator(".app-cover-rows tr").Nth(1).Locator("td").First.InnerTextAsync()).ShouldContain("1 av 2, mangler 1");
        await page.GotoAsync("/");
        var gap = page.Locator("#gjore-tittel ~ ul li[data-tone='danger'] a", new() { HasText = "hull i dekningen denne uken" });
        (await gap.InnerTextAsync()).ShouldContain("Ordningen til Even: 1 hull i dekningen denne uken (8 timer), først mandag 07:00–15:00: 1 av 2");
        await Browser.AssertAccessibleAsync(page, "startside med hull");
        await Browser.ScreenshotAsync(page, "startside-hull");
        await gap.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("?uke=4", StringComparison.Ordinal));

        // The month: seven days across, fitting the window, each date leading to its week of the rotation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Se planen måned for måned" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Måned: november 2026", Level = 1 }).WaitForAsync();
        var month = page.Locator("table.app-month");
        (await month.Locator("thead th").CountAsync()).ShouldBe(8);
        (await page.Locator("div.app-month-region").EvaluateAsync<int>("r => r.scrollWidth - r.clientWidth")).ShouldBeLessThanOrEqualTo(0);
        (await month.Locator(".app-month__date").CountAsync()).ShouldBe(30);
        (await month.Locator(".app-month__shifts li").CountAsync()).ShouldBeGreaterThan(30 * 5, "six shifts a day in a 2:1 arrangement");
        (await month.Locator(".app-month__date").First.GetAttributeAsync("href"))!.ShouldContain("?uke=");
        await Browser.AssertAccessibleAsync(page, "måned");
        await Browser.ScreenshotAsync(page, "kalender-maaned");

        // On a phone the week is a list of days.
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/ordninger/{Arrangement10}/arbeidsplan/{Plan10}?uke=4");
        (await page.Locator("div.app-calendar-wide").IsVisibleAsync()).ShouldBeFalse();
        await page.GetByRole(AriaRole.Heading, new() { Name = "søndag", Level = 3 }).WaitForAsync();
        await Browser.AssertFitsAsync(page, "uke som dagliste 360 px");
        await Browser.ScreenshotAsync(page, "kalender-360");
        // And the month reads as a list of days, names in full.
        await page.GotoAsync($"/ordninger/{Arrangement10}/arbeidsplan/{Plan10}/maaned");
        (await page.Locator(".app-month__date").First.InnerTextAsync()).Trim().ShouldBe("søndag 1. november 2026");
        (await page.Locator(".app-month__shifts .app-month__full").First.IsVisibleAsync()).ShouldBeTrue();
        await Browser.AssertFitsAsync(page, "måned 360 px");
        await Browser.ScreenshotAsync(page, "maaned-360");
    }
}
