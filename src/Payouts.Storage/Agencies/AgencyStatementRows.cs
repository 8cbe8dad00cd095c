using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Agencies;
using Payouts.Domain.Agencies;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Agencies;

/// <summary>
/// The one file that knows agency statement columns. Statements table, PartitionKey "agency|{agencyId}" ('|' is in no
/// creator id, so it never meets a creator's partition); RowKeys: "{period}|v{nnn}" header · "{period}|v{nnn}|superseded"
/// · "{period}|v{nnn}|emitted" · "{period}|blocked" why the latest attempt could not issue. Money in minor units.
/// </summary>
internal static class AgencyStatementRows
{
    private const char ListSeparator = '\n';
    private const string SupersededSuffix = "|superseded";
    private const string BlockedSuffix = "|blocked";

    public static string PartitionOf(string agencyId) => TableKeys.Compose("agency", agencyId);

    public static string HeaderKey(AgencyStatementId id) => string.Create(CultureInfo.InvariantCulture, $"{id.Period}|v{id.Version:D3}");

    /// <summary>The RowKey range of one period's headers and markers: from "{period}|v" up to, not including, "{period}|w".</summary>
    public static (string From, string Until) VersionsOf(PeriodKey period) => ($"{period}|v", $"{period}|w");

    public static string BlockedKey(PeriodKey period) => $"{period}{BlockedSuffix}";

    public static TableEntity Header(AgencyStatement s, string buildId, string blobPrefix) => new(PartitionOf(s.AgencyId), HeaderKey(s.Id))
    {
        ["AgencyStatementId"] = s.Id.ToString(),
        ["Period"] = s.Period.ToString(),
        ["Version"] = s.Version,
        ["Zone"] = s.Zone,
        ["ContentHash"] = s.ContentHash,
        ["IssuedAt"] = s.IssuedAt?.ToDateTimeOffset(),
        ["Totals"] = WriteTotals(s.Totals),
        ["Creators"] = s.Creators.Count,
        ["Unpaid"] = s.Unpaid.Count(),
        ["Sources"] = string.Join(ListSeparator, s.Sources.Select(source => source.ToString())),
        ["BuildId"] = buildId,
        ["BlobPrefix"] = blobPrefix,
        ["Supersedes"] = s.Supersedes,
    };

    public static bool IsHeader(TableEntity row) => row.ContainsKey("AgencyStatementId") && row.ContainsKey("BuildId");

    public static AgencyStatementHeader ToHeader(TableEntity row, bool superseded)
    {
        var id = AgencyStatementId.TryParse(row.GetString("AgencyStatementId"), out var parsed) ? parsed : throw new InvalidDataException($"Bad agency statement id in {row.PartitionKey}/{row.RowKey}.");
        var sources = (row.GetString("Sources") ?? string.Empty).Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(text => AgencyStatementSource.TryParse(text, out var source) ? source : throw new InvalidDataException($"Bad source '{text}' in {row.PartitionKey}/{row.RowKey}."))
            .ToList();
        return new AgencyStatementHeader(
            id,
            row.GetString("Zone"),
            row.GetString("ContentHash"),
            row.GetDateTimeOffset("IssuedAt") is { } issued ? Instant.FromDateTimeOffset(issued) : null,
            ReadTotals(row.GetString("Totals")),
            row.GetInt32("Creators") ?? 0,
            row.GetInt32("Unpaid") ?? 0,
            sources,
            row.GetString("BuildId"),
            row.GetString("BlobPrefix"))
        {
            Supersedes = row.GetInt32("Supersedes"),
            IsSuperseded = superseded,
        };
    }

    public static string SupersededKey(AgencyStatementId id) => HeaderKey(id) + SupersededSuffix;

    public static string EmittedKey(AgencyStatementId id) => HeaderKey(id) + "|emitted";

    public static TableEntity Superseded(AgencyStatementId id, AgencyStatementId by, Instant at) =>
        new(PartitionOf(id.AgencyId), SupersededKey(id)) { ["SupersededBy"] = by.ToString(), ["SupersededAt"] = at.ToDateTimeOffset() };

    /// <summary>The header key a superseded marker stands beside, or null for any other row.</summary>
    public static string? SupersededHeaderKey(TableEntity row) => row.RowKey.EndsWith(SupersededSuffix, StringComparison.Ordinal) ? row.RowKey[..^SupersededSuffix.Length] : null;

    public static TableEntity Emitted(AgencyStatementId id, Instant at) => new(PartitionOf(id.AgencyId), EmittedKey(id)) { ["EmittedAt"] = at.ToDateTimeOffset() };

    public static TableEntity Blocked(string agencyId, PeriodKey period, IReadOnlyList<Payouts.Domain.Statements.BlockReason> reasons) => new(PartitionOf(agencyId), BlockedKey(period))
    {
        ["Period"] = period.ToString(),
        [Statements.BlockColumns.Column] = Statements.BlockColumns.Write(reasons),
    };

    public static BlockedAgencyStatement? ToBlocked(TableEntity row) =>
        row.RowKey.EndsWith(BlockedSuffix, StringComparison.Ordinal) && PeriodKey.TryParse(row.GetString("Period"), out var period)
            ? new BlockedAgencyStatement(period, Statements.BlockColumns.Read(row.GetString(Statements.BlockColumns.Column), null))
            : null;

    private static string WriteTotals(IReadOnlyList<AgencyCurrencyTotal> totals)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var total in totals)
            {
                var c = total.Commission;
                writer.WriteStartObject();
                writer.WriteString("currency", total.Currency.Code);
                writer.WriteNumber("creators", total.Creators);
                writer.WriteNumber("giftsMinor", c.Gifts.MinorUnits);
                writer.WriteNumber("dealsMinor", c.Deals.MinorUnits);
                writer.WriteNumber("bonusesMinor", c.Bonuses.MinorUnits);
                writer.WriteNumber("priorPeriodAdjustmentsMinor", c.PriorPeriodAdjustments.MinorUnits);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<AgencyCurrencyTotal> ReadTotals(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(t =>
        {
            var currency = Currency.FromCode(t.GetProperty("currency").GetString()!);
            Money M(string name) => new(t.GetProperty(name).GetInt64(), currency);
            return new AgencyCurrencyTotal(currency, t.GetProperty("creators").GetInt32(), new AgencyCommission(M("giftsMinor"), M("dealsMinor"), M("bonusesMinor"), M("priorPeriodAdjustmentsMinor")));
        })];
    }
}
