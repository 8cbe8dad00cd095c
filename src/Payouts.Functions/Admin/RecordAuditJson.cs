using System.Text.Json;
using Payouts.Functions.Http;
using Payouts.Storage.Corrections;

namespace Payouts.Functions.Admin;

/// <summary>The answer of <c>GET /api/records/{kind}/{partnerId}/{recordId}</c>: identity, state, the void's audit.</summary>
internal static class RecordAuditJson
{
    public static void Write(Utf8JsonWriter w, string kind, RecordAudit audit)
    {
        w.WriteStartObject();
        w.WriteString("kind", kind);
        w.WriteString("partnerId", audit.PartnerId);
        w.WriteString("recordId", audit.RecordId);
        w.WriteString("creatorId", audit.CreatorId);
        w.WriteString("recordPeriod", audit.RecordPeriod.ToString());
        w.WriteString("ingestedAt", ApiJson.Format(audit.IngestedAt));
        w.WriteString("source", audit.Source);
        w.WriteString("fingerprint", audit.Fingerprint);
        w.WriteString("state", audit.Void is null ? "stored" : "voided");
        if (audit.Void is { } voided)
        {
            w.WriteStartObject("void");
            w.WriteString("voidedBy", voided.VoidedBy);
            w.WriteString("voidedAt", ApiJson.Format(voided.VoidedAt));
            w.WriteString("reason", voided.Reason);
            if (voided.Quantity is { } quantity)
            {
                w.WriteNumber("quantity", quantity);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
