using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>The host environment the tests run the app in: Development, as a local run is.</summary>
public sealed class TestEnvironment(string name = "Development") : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "Payouts.Functions";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
