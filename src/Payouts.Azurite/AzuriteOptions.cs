namespace Payouts.Azurite;

/// <summary>How to start Azurite: in memory (default) or persisted to a folder.</summary>
public sealed record AzuriteOptions
{
    /// <summary>Null keeps everything in memory; a folder persists data across runs (the DevHost's --data).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder holding tools/package.json; found by walking up from the app when not given.</summary>
    public string? ToolsDirectory { get; init; }

    /// <summary>Fixed (blob, queue, table) ports, e.g. to restart on the same endpoints; null picks free ports.</summary>
    public (int Blob, int Queue, int Table)? Ports { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
