namespace Payouts.Browser.Tests;

/// <summary>
/// The pages a person reads, as the renderers produce them: the golden fixtures the Domain tests keep equal to the
/// renderers' output, so what is checked here is exactly what creators and agencies receive.
/// </summary>
public static class PageFiles
{
    public static string Root { get; } = FindRoot();

    public static string Golden(string name) => Path.Combine(Root, "tests", "Payouts.Domain.Tests", "Statements", "Golden", "Files", name);

    /// <summary>Where screenshots go: docs/img with UPDATE_SCREENSHOTS=1, else the test output folder.</summary>
    public static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Root, "docs", "img")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Payouts.sln not found above the test's folder.");
    }
}
