namespace Payouts.DevHost.Demo;

/// <summary>The demo's knobs: same seed, same data, same statements.</summary>
public sealed record DemoOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Creators including lea (the worked example); at least 1.</summary>
    public int Creators { get; init; } = 6;

    /// <summary>Gift records for the creators other than lea.</summary>
    public int Gifts { get; init; } = 400;

    /// <summary>The period to simulate; null: 2026-11 (or its middle week when periods are weekly).</summary>
    public string? Period { get; init; }

    public string OutDirectory { get; init; } = Path.Combine("out", "demo");

    /// <summary>Keep serving after the demo, until Ctrl+C.</summary>
    public bool KeepServing { get; init; }

    public bool Verbose { get; init; }
}
