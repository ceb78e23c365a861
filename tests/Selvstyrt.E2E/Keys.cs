using Microsoft.Playwright;
using Shouldly;

namespace Selvstyrt.E2E;

/// <summary>Keyboard-only moves for the browser tests (quality.md A2): Tab to an element, type, choose, press.</summary>
public static class Keys
{
    /// <summary>
    /// Types a date into a date field by keyboard. The field's segment order follows the browser's
    /// locale data (dd.mm.åååå with Norwegian data installed, mm/dd/yyyy without), so try both.
    /// </summary>
    public static Task TypeDateAsync(IPage page, string id, DateOnly date, int limit = 60)
        => TypeSegmentsAsync(page, id, limit, date.ToString("yyyy-MM-dd", Invariant), date.ToString("ddMMyyyy", Invariant), date.ToString("MMddyyyy", Invariant));

    /// <summary>
    /// Types a time into a time field by keyboard: 24-hour segments with Norwegian locale data, else hour, minute
    /// and AM/PM (the browser's fallback), so try both.
    /// </summary>
    public static Task TypeTimeAsync(IPage page, string id, TimeOnly time, int limit = 60)
        => TypeSegmentsAsync(page, id, limit, time.ToString("HH:mm", Invariant), time.ToString("HHmm", Invariant), time.ToString("hhmm", Invariant) + (time.Hour < 12 ? "A" : "P"));

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>Types the Norwegian segment order; if the field did not take it, comes back into its first segment and types the fallback order.</summary>
    private static async Task TypeSegmentsAsync(IPage page, string id, int limit, string expected, string norwegian, string fallback)
    {
        await TabToAsync(page, id, limit: limit);
        await page.Keyboard.TypeAsync(norwegian);
        if (await page.Locator($"#{id}").InputValueAsync() == expected) return;
        // Leave the field, come back into its last segment and step back to the first.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.TypeAsync(fallback);
        (await page.Locator($"#{id}").InputValueAsync()).ShouldBe(expected);
    }

    /// <summary>Presses Tab until the element with this id has focus (or, from a radio, moves with the arrow key).</summary>
    public static async Task TabToAsync(IPage page, string id, string? fromRadio = null, int limit = 60)
    {
        if (fromRadio is not null)
        {
            await TabToAsync(page, fromRadio, limit: limit);
            await page.Keyboard.PressAsync("ArrowDown");
            (await ActiveIdAsync(page)).ShouldBe(id);
            return;
        }
        for (var i = 0; i < limit; i++)
        {
            if (await ActiveIdAsync(page) == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new ShouldAssertException($"Kom ikke til #{id} med Tab");
    }

    public static async Task TabToLinkAsync(IPage page, string text, int limit = 80) => await TabToTextAsync(page, "A", text, limit);

    public static async Task TabToButtonAsync(IPage page, string text, int limit = 80) => await TabToTextAsync(page, "BUTTON", text, limit);

    /// <summary>Tabs to the button with this text and presses Enter on it.</summary>
    public static async Task PressAsync(IPage page, string button, int limit = 120)
    {
        await TabToButtonAsync(page, button, limit);
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task TabToTextAsync(IPage page, string tag, string text, int limit)
    {
        // The page navigated to must have rendered its target before the first Tab, or the Tabs walk the old page
        // (a full run once failed here right after a navigation, and passed again on its own).
        await page.Locator(tag.ToLowerInvariant()).Filter(new() { HasTextString = text }).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var active = await page.EvaluateAsync<string[]>("() => [document.activeElement?.tagName ?? '', (document.activeElement?.textContent ?? '').trim()]");
            if (active[0] == tag && active[1] == text) return;
        }
        throw new ShouldAssertException($"Kom ikke til «{text}» med Tab");
    }

    /// <summary>Chooses an option in a focused select with the arrow keys, from the top.</summary>
    public static async Task ChooseAsync(IPage page, string selectId, string value, int limit = 200)
    {
        await TabToAsync(page, selectId, limit: limit);
        var values = await page.Locator($"#{selectId} option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var index = Array.IndexOf(values, value);
        index.ShouldBeGreaterThanOrEqualTo(0, $"#{selectId} har ikke valget {value}");
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < index; i++) await page.Keyboard.PressAsync("ArrowDown");
        (await page.Locator($"#{selectId}").InputValueAsync()).ShouldBe(value);
    }

    public static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
