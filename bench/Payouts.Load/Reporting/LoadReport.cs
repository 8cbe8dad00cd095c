namespace Payouts.Load.Reporting;

/// <summary>Everything one run measured, with what it ran on: the Markdown and JSON results are both made from this.</summary>
internal sealed record LoadReport(
    string Command,
    string StartedUtc,
    string Commit,
    string Machine,
    string Runtime,
    string Azurite,
    IReadOnlyDictionary<string, int> Sizes,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Profiles);
