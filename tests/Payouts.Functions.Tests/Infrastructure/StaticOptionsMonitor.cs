using Microsoft.Extensions.Options;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Fixed options for a class under test built by hand (no container, no configuration).</summary>
public sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
