using System.Text.Json;

namespace Payouts.Application.Statements;

/// <summary>
/// Which exceptions mean "this creator's data is wrong" (blocks one statement with the reason) rather than "storage
/// failed" (thrown, so the job is retried): malformed stored rows, overflow, arguments the domain refuses.
/// </summary>
internal static class DataProblem
{
    public static bool Is(Exception ex) => ex is not ObjectDisposedException
        && ex is OverflowException or ArgumentException or InvalidOperationException or InvalidDataException or FormatException or JsonException;
}
