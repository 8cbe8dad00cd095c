using System.Text.Json;
using Payouts.Application.Statements;

namespace Payouts.Functions.Http;

/// <summary>
/// A reissue's audit as admin answers show it: <c>correctionReason</c>, <c>reissuedBy</c>, <c>reissuedAt</c>. Not in
/// the statement's documents: those are the creator's, and who at the platform asked is not.
/// </summary>
internal static class StatementAuditJson
{
    public static void Write(Utf8JsonWriter w, StatementHeader header)
    {
        if (header.CorrectionReason is { } reason)
        {
            w.WriteString("correctionReason", reason);
        }

        // Headers reissued before the caller was recorded have neither.
        if (header.ReissuedBy is { } by)
        {
            w.WriteString("reissuedBy", by);
        }

        if (header.ReissuedAt is { } at)
        {
            w.WriteInstant("reissuedAt", at);
        }
    }
}
