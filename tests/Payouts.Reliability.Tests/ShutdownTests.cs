using Xunit.Abstractions;

namespace Payouts.Reliability.Tests;

/// <summary>A DevHost that started its own Azurite leaves no Azurite behind when it is stopped.</summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DevHostStopped_StopsTheAzuriteItStarted()
    {
        await using var host = await DevHostProcess.StartAsync(storageConnection: null);
        var children = host.ChildProcessIds();
        Assert.NotEmpty(children);

        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"DevHost exited with {exitCode}; its Azurite process(es) {string.Join(", ", children)} checked gone");
        Assert.Equal(0, exitCode);
        await Task.Delay(500);
        Assert.All(children, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived the DevHost"));
    }
}
