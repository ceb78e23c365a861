using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Selvstyrt.Testing;
using Shouldly;
using Xunit;

[assembly: AssemblyFixture(typeof(Selvstyrt.E2E.Browser))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Selvstyrt.E2E;

/// <summary>
/// The real app on Kestrel with a fresh SQLite database, and Debian's Chromium driven by Playwright.
/// No browser is downloaded: Playwright launches /usr/bin/chromium.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private SelvstyrtFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go when SELVSTYRT_SCREENSHOTS names a folder (for people to look at).</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("SELVSTYRT_SCREENSHOTS") is { Length: > 0 } f ? f : null;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} mangler: kjør ./test.sh, som installerer Debians chromium.");
        _factory = new SelvstyrtFactory(DatabaseKind.Sqlite, kestrel: true);
        _factory.StartServer();
        // As the daily job does at start in production: the reminders, so «Varsler» has something to show.
        using (var scope = _factory.Services.CreateScope())
        {
            var now = _factory.Clock.GetCurrentInstant();
            await scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.Decisions.DecisionReminders>().RecordAsync(now, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.TimeSheets.TimeSheetReminders>().RecordAsync(now, CancellationToken.None);
        }
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="width">The viewport's width in CSS pixels.</param>
    /// <param name="height">The viewport's height.</param>
    /// <param name="baseUrl">Another host than the shared one, for a journey on a host of its own.</param>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? baseUrl = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nb-NO",
            IgnoreHTTPSErrors = true,
            BaseURL = baseUrl ?? BaseUrl,
        });
        // axe-core from Deque's package, loaded once per context instead of re-injected on every check.
        await context.AddInitScriptAsync(AxeSource.Value);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password = "demo-passord")
    {
        await page.GotoAsync("/logg-inn");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/logg-inn", StringComparison.Ordinal));
    }

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunAxeScript = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.slice(0, 3).map(n => n.html).join(' | ')}`);
        }
        """;

    /// <summary>Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string label)
    {
        var violations = await page.EvaluateAsync<string[]>(RunAxeScript);
        violations.ShouldBeEmpty($"axe på {label} ({page.Url})");
    }

    /// <summary>axe clean, and nothing scrolls sideways (quality.md: usable at 360 px).</summary>
    public static async Task AssertFitsAsync(IPage page, string label)
    {
        await AssertAccessibleAsync(page, label);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{label} scrolls sideways at 360 px");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is not { } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null) await Chromium.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
