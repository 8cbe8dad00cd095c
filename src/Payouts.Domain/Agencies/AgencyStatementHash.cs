using System.Security.Cryptography;
using Payouts.Domain.Agencies.Rendering;

namespace Payouts.Domain.Agencies;

/// <summary>The agency statement's fingerprint: SHA-256 of its canonical JSON without the hash and the issue time.</summary>
public static class AgencyStatementHash
{
    public static string Compute(AgencyStatement statement) =>
        Convert.ToHexStringLower(SHA256.HashData(AgencyStatementJson.ToUtf8(statement, Statements.Rendering.StatementJson.Content.HashedOnly)));

    public static bool Verify(AgencyStatement statement) => string.Equals(Compute(statement), statement.ContentHash, StringComparison.Ordinal);
}
