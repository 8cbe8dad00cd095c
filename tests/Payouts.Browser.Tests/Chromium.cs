using Microsoft.Playwright;

namespace Payouts.Browser.Tests;

/// <summary>
/// Debian's headless Chromium driven by Playwright through its executable path (Playwright's own browser download is
/// never used). Missing Chromium fails the run in CI (`.ci/run` installs it) and skips the tests elsewhere, saying so.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>What this machine's network needs: no background connections, no sandbox as root, a fresh profile.</summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary><c>CHROMIUM_PATH</c>, else Debian's <c>/usr/bin/chromium</c>; null when neither exists.</summary>
    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public async Task InitializeAsync()
    {
        if (ExecutablePath is not { } path)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Flags });
    }

    /// <summary>A page of the given width; skips (or, in CI, fails) when there is no Chromium.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        if (Browser is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "Chromium is missing in CI: .ci/run installs Debian's chromium package.");
            Skip.If(true, "Chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH): browser checks skipped.");
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
