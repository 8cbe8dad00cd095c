using System.Runtime.CompilerServices;
using System.Text;

namespace Payouts.Domain.Tests.Statements.Golden;

/// <summary>
/// Compares output byte for byte with a file kept beside this source file. A format change therefore shows in review as
/// a diff of the fixture. To accept a change on purpose, run the tests once with <c>UPDATE_GOLDEN=1</c>:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/Payouts.Domain.Tests -c Release --filter "FullyQualifiedName~Golden"</c>,
/// then review and commit the rewritten files.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="outputFolder">Where the fixtures are copied beside the test assembly (the csproj copies each Golden/Files folder).</param>
    public static void AssertMatches(string name, byte[] actual, string outputFolder = "Statements/Golden/Files", [CallerFilePath] string sourceFile = "")
    {
        var sourceDirectory = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Files");
        var path = Directory.Exists(sourceDirectory) || Updating ? Path.Combine(sourceDirectory, name) : Path.Combine(AppContext.BaseDirectory, outputFolder, name);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run the tests once with {UpdateVariable}=1 to create it, then review and commit it.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            // Text first, for a readable diff; then bytes, for what text comparison hides (BOM, line ends).
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
        }
    }
}
