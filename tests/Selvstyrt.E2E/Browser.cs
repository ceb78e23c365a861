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
            await scope.ServiceProvider.GetRequiredService<Selvstyrt.Web.Features.HourAccounts.HourWarnings>().RecordAsync(now, CancellationToken.None);
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
        // axe-core from Deque's package, and HTML_CodeSniffer from npm (tools/a11y), loaded once per context instead of
        // re-injected on every check.
        await context.AddInitScriptAsync(AxeSource.Value);
        await context.AddInitScriptAsync(CodeSnifferSource.Value);
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

    /// <summary>HTML_CodeSniffer's browser build, installed by ./test.sh (npm ci in tools/a11y).</summary>
    private static readonly Lazy<string> CodeSnifferSource = new(() =>
    {
        var path = Path.Combine(Repository.Root, "tools", "a11y", "node_modules", "html_codesniffer", "build", "HTMLCS.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} mangler: kjør ./test.sh, som installerer HTML_CodeSniffer (npm ci i tools/a11y).");
    });

    /// <summary>
    /// HTML_CodeSniffer at WCAG 2.1 AA: its errors (not its warnings and notices, which ask a person to look). Two things
    /// are mended before it runs, and one false positive is left out, each for a reason:
    /// - 2.5.1 looks up its H98 (autocomplete) messages as «InvalidAutoComplete_…» while its language files spell them
    ///   «InvalidAutocomplete_…», so any H98 finding crashed the run; the missing spellings are copied in.
    /// - H98 counts autocomplete="username" as a text-only purpose, but the sign-in's e-mail field is the username, and
    ///   type="email" with autocomplete="username" is what the HTML autofill rules and password managers ask for.
    /// </summary>
    private const string RunCodeSnifferScript = """
        () => new Promise(resolve => {
          for (const lang of Object.keys(window.translation || {}))
            for (const key of Object.keys(window.translation[lang]))
              if (key.includes('InvalidAutocomplete_')) window.translation[lang][key.replace('InvalidAutocomplete_', 'InvalidAutoComplete_')] = window.translation[lang][key];
          const falsePositive = m => m.code.endsWith('.H98') && m.element.matches && m.element.matches('input[type="email"][autocomplete="username"]');
          HTMLCS.process('WCAG2AA', document, () => resolve(HTMLCS.getMessages()
            .filter(m => m.type === HTMLCS.ERROR && !falsePositive(m))
            .map(m => `${m.code}: ${m.msg} – ${(m.element && m.element.outerHTML ? m.element.outerHTML : String(m.element)).slice(0, 200)}`)));
        })
        """;

    /// <summary>
    /// Runs axe with the WCAG 2.1 A and AA rules, then HTML_CodeSniffer at WCAG 2.1 AA (issue 23: a second engine), and fails
    /// with a readable list of what either found.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string label)
    {
        var violations = await page.EvaluateAsync<string[]>(RunAxeScript);
        violations.ShouldBeEmpty($"axe på {label} ({page.Url})");
        var errors = await page.EvaluateAsync<string[]>(RunCodeSnifferScript);
        errors.ShouldBeEmpty($"HTML_CodeSniffer på {label} ({page.Url})");
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

    private IBrowser? _trusting;

    /// <summary>
    /// A second Chromium, started on first use, that also takes the test host's self-signed certificate for a service
    /// worker's script: Chromium refuses to register a worker whose script comes with a certificate error, and the
    /// context's IgnoreHTTPSErrors does not reach that fetch (issue 23's offline test). The same flags otherwise.
    /// </summary>
    public async Task<IPage> NewPageTrustingTestCertificateAsync(int width, int height)
    {
        _trusting ??= await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--ignore-certificate-errors"],
        });
        var context = await _trusting.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nb-NO",
            IgnoreHTTPSErrors = true,
            BaseURL = BaseUrl,
        });
        await context.AddInitScriptAsync(AxeSource.Value);
        await context.AddInitScriptAsync(CodeSnifferSource.Value);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_trusting is not null) await _trusting.CloseAsync();
        if (Chromium is not null) await Chromium.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}
