using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Periods;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Settlement;
using Payouts.Storage.Tables;
using Payouts.Application.Statements;

namespace Payouts.Load.Workloads;

/// <summary>
/// The period a close benchmark closes: October 2026 with <c>gifts</c> gifts over <c>creators</c> creators, plus
/// their contracts, the rates and an agency with a webhook (so each statement also writes an outbox entry).
/// The gift rows are written directly, in the exact shape ingest writes (<see cref="GiftMapping.ToEntity"/>, numbered by
/// the partition's <see cref="RecordSequence"/>), with their Activity marks, settlement entries (docs/storage.md) and
/// the period row: that keeps the seeding fast and out of the figure.
/// The id-claim rows are not written: a statement only reads them for a refund whose original is not in hand, and
/// every refund here refunds a gift of the same creator and month.
/// </summary>
internal static class CloseDataset
{
    public const string Partner = "tiklive";
    public const string AgencyId = "nova";
    public static readonly PeriodKey Period = PeriodKey.Month(2026, 10);
    private static readonly Instant MonthStart = Instant.FromUtc(2026, 9, 30, 22, 0);

    public static string CreatorId(int n) => IngestBatches.CreatorId("cc", n);

    /// <summary>The partition of one creator's October gifts (what the raw scan baseline reads).</summary>
    public static string PartitionOf(int creator) => TableKeys.Compose(CreatorId(creator), Period.ToString());

    public static async Task SeedReferenceDataAsync(RateStore rates, ContractStore contracts, AgencyStore agencies, int creators, CancellationToken ct)
    {
        RateEntry[] entries =
        [
            new(RateKind.DiamondsPerCoin, "FR", new LocalDate(2024, 1, 1), 0.5m, "dpc-FR-2024"),
            new(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 10, 15), 0.52m, "dpc-FR-2026-10"),
            new(RateKind.UsdPerDiamond, "FR", new LocalDate(2024, 1, 1), 0.005m, "upd-FR-2024"),
            new(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2024, 1, 1), 0.0105m, "upc-2024"),
            new(RateKind.Fx, "USD/EUR", new LocalDate(2026, 10, 31), 0.90m, "fx-USD-EUR-2026-10-31"),
        ];
        foreach (var entry in entries)
        {
            await rates.AddAsync(entry, ct);
        }

        await agencies.PutAsync(new Agency(AgencyId, "Nova Agency", new Uri("http://127.0.0.1:9/statements")), ct);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForAsync(0, creators, options, async (c, token) =>
        {
            var contract = new CreatorContract(
                CreatorId(c),
                "FR",
                Currency.EUR,
                AgencyId,
                new CommissionRates(new Share(0.20m), new Share(0.15m), new Share(0.10m)),
                Money.Round(50m, Currency.EUR),
                Share.None);
            await contracts.AddAsync(new Versioned<CreatorContract>($"{CreatorId(c)}-2026", new LocalDate(2026, 1, 1), contract), token);
        });
    }

    /// <summary>Writes every gift row (one refund per 200 gifts) and the Activity marks; returns the rows written.</summary>
    public static async Task<long> SeedGiftsAsync(TableServiceClient tables, PeriodStore periods, SettlementLedger settlements, int gifts, int creators, Instant ingestedAt, CancellationToken ct)
    {
        await settlements.EnsureAsync(RecordKind.Gift, Enumerable.Range(0, creators).Select(c => (CreatorId(c), Period)), ct);
        var giftTable = tables.GetTableClient(TableNames.Gifts);
        var activity = tables.GetTableClient(TableNames.Activity);
        var mapping = new GiftMapping();
        await periods.EnsureExistsAsync([Period], ct);
        long written = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForAsync(0, creators, options, async (c, token) =>
        {
            var count = (gifts / creators) + (c < gifts % creators ? 1 : 0);
            var rows = new List<TableEntity>(count);
            for (var i = 0; i < count; i++)
            {
                var row = ToRow(mapping, Gift(c, i, count), ingestedAt);
                row[RecordSequence.SeqColumn] = (long)i + 1;
                rows.Add(row);
            }

            foreach (var chunk in rows.Chunk(100))
            {
                await giftTable.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), token);
            }

            await giftTable.AddEntityAsync(new TableEntity(PartitionOf(c), RecordSequence.RowKey) { [RecordSequence.LastColumn] = (long)count }, token);

            Interlocked.Add(ref written, rows.Count);
        });

        // The marks ingest would have written: PartitionKey = period to close, RowKey = "{creator}|{record period}".
        var marks = Enumerable.Range(0, creators).Select(c => new TableEntity(Period.ToString(), TableKeys.Compose(CreatorId(c), Period.ToString()))
        {
            ["CreatorId"] = CreatorId(c),
            ["RecordPeriod"] = Period.ToString(),
            ["LastIngestAt"] = ingestedAt.ToDateTimeOffset(),
        });
        foreach (var chunk in marks.Chunk(100))
        {
            await activity.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertMerge, m)), ct);
        }

        return written;
    }

    /// <summary>Gift i of a creator's month; every 200th record refunds the one before it.</summary>
    private static GiftRecord Gift(int creator, int i, int count)
    {
        var creatorId = CreatorId(creator);
        var occurredAt = MonthStart + Duration.FromSeconds(30L * 24 * 3600 * i / Math.Max(1, count));
        var recordId = $"{creatorId}.g{i.ToString("D7", CultureInfo.InvariantCulture)}";
        var refund = i % 200 == 199;
        return new GiftRecord(
            Partner,
            recordId,
            creatorId,
            $"{creatorId}.live-{(i / 100).ToString(CultureInfo.InvariantCulture)}",
            null,
            GiftIds[i % GiftIds.Length],
            (i % 10) == 0 ? 29_999 : 1 + (i % 100),
            1 + (i % 10),
            occurredAt,
            refund ? GiftKind.Refund : GiftKind.Gift,
            refund ? $"{creatorId}.g{(i - 1).ToString("D7", CultureInfo.InvariantCulture)}" : null);
    }

    private static TableEntity ToRow(GiftMapping mapping, GiftRecord gift, Instant ingestedAt)
    {
        var info = new StoredRecordInfo(
            TableKeys.Compose(gift.CreatorId, Period.ToString()),
            TableKeys.Compose(gift.PartnerId, gift.RecordId),
            Period,
            mapping.Fingerprint(gift),
            ingestedAt,
            IngestSource.Http);
        return mapping.ToEntity(gift, info);
    }

    private static readonly string[] GiftIds = ["rose", "heart", "galaxy", "lion", "finger-heart", "rocket"];
}
