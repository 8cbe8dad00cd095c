using System.Security.Cryptography;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Statements;

/// <summary>
/// The statement's fingerprint: SHA-256 of its canonical JSON without the hash itself and the issue time. An auditor
/// can recompute it from the JSON document; a rebuild from the same records and rates gives the same hash.
/// </summary>
public static class StatementHash
{
    public static string Compute(Statement statement) =>
        Convert.ToHexStringLower(SHA256.HashData(StatementJson.ToUtf8(statement, StatementJson.Content.HashedOnly)));

    public static bool Verify(Statement statement) => string.Equals(Compute(statement), statement.ContentHash, StringComparison.Ordinal);
}
