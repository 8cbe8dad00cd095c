using System.Text.Json;
using Payouts.Domain.Statements;

namespace Payouts.Functions.Http;

/// <summary>Blocked-statement reasons as the API shows them: <c>{ code, message, recordIds, moreRecords? }</c> (at most 100 ids, the rest counted).</summary>
internal static class BlockReasonJson
{
    public static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<BlockReason> reasons)
    {
        w.WriteStartArray(name);
        foreach (var reason in reasons)
        {
            w.WriteStartObject();
            w.WriteString("code", reason.Code);
            w.WriteString("message", reason.Message);
            w.WriteStartArray("recordIds");
            foreach (var id in reason.RecordIds)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            if (reason.MoreRecords > 0)
            {
                w.WriteNumber("moreRecords", reason.MoreRecords);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
