using Microsoft.Playwright;

namespace Payouts.Browser.Tests;

/// <summary>What a reader would notice about a rendered page, measured in the browser.</summary>
public sealed class RenderedPage(IPage page)
{
    public const int Phone = 360;
    public const int Desktop = 1280;
    public const int DesktopHeight = 800;

    public IPage Page => page;

    public static async Task<RenderedPage> OpenAsync(Chromium chromium, string file, int width, int height = DesktopHeight)
    {
        var page = await chromium.NewPageAsync(width, height);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return new RenderedPage(page);
    }

    /// <summary>How many CSS pixels the document is wider than the window (0: nothing to scroll sideways).</summary>
    public Task<int> HorizontalOverflowAsync() =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");

    /// <summary>Bars of inline SVG charts that were laid out with a visible size.</summary>
    public Task<int> DrawnChartBarsAsync() =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('svg rect')].filter(r => { const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length");

    /// <summary>Whether the headline amount (the payable; an agency's commission) is fully inside the first screen, without scrolling.</summary>
    public Task<bool> PayableInFirstScreenAsync() =>
        page.EvaluateAsync<bool>("""
            () => {
              const e = document.querySelector('section.payable .amount');
              if (!e) return false;
              const b = e.getBoundingClientRect();
              return b.width > 0 && b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight;
            }
            """);

    /// <summary>The visible text of the payable element, e.g. "503.17 EUR".</summary>
    public Task<string> PayableTextAsync() => page.EvaluateAsync<string>("() => document.querySelector('section.payable .amount')?.innerText ?? ''");

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
}
