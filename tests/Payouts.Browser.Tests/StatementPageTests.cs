namespace Payouts.Browser.Tests;

/// <summary>The creator statement, the agency statement and the yearly summary, looked at in a real browser at phone and desktop widths.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class StatementPageTests(Chromium chromium)
{
    public static TheoryData<string, int> PagesAtBothWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in Pages)
        {
            data.Add(page, RenderedPage.Phone);
            data.Add(page, RenderedPage.Desktop);
        }

        return data;
    }

    public static TheoryData<string> AllPages() => [.. Pages];

    /// <summary>The creator statements draw earnings by day; the agency statement and the yearly summary are tables.</summary>
    public static TheoryData<string> ChartPages() => [.. CreatorStatements];

    private static readonly string[] CreatorStatements = ["worked-example.html", "rich.html", "reissue.html", "voids.html"];

    private static readonly string[] Pages = [.. CreatorStatements, "agency.html", "agency-v2.html", "yearly-2026.html"];

    [SkippableTheory]
    [MemberData(nameof(PagesAtBothWidths))]
    public async Task Page_HasNoHorizontalOverflow(string file, int width)
    {
        var page = await RenderedPage.OpenAsync(chromium, PageFiles.Golden(file), width);

        Assert.Equal(0, await page.HorizontalOverflowAsync());
        await page.ScreenshotAsync(Path.Combine(PageFiles.ScreenshotFolder(), $"{Path.GetFileNameWithoutExtension(file)}-{width}.png"));
    }

    [SkippableTheory]
    [MemberData(nameof(AllPages))]
    public async Task Payable_IsVisibleWithoutScrollingOnADesktop(string file)
    {
        var page = await RenderedPage.OpenAsync(chromium, PageFiles.Golden(file), RenderedPage.Desktop);

        Assert.True(await page.PayableInFirstScreenAsync(), $"the payable of {file} is below the first screen or missing");
        Assert.Matches(@"\d", await page.PayableTextAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(ChartPages))]
    public async Task Chart_IsDrawnAtBothWidths(string file)
    {
        foreach (var width in new[] { RenderedPage.Phone, RenderedPage.Desktop })
        {
            var page = await RenderedPage.OpenAsync(chromium, PageFiles.Golden(file), width);

            Assert.True(await page.DrawnChartBarsAsync() > 0, $"no chart bar drawn in {file} at {width} px");
        }
    }
}
