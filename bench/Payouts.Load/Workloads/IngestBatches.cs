using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Payouts.Load.Workloads;

/// <summary>
/// Partner gift batches, built before the clock starts (so client-side JSON work is not measured): records of
/// September 2026 spread over the month and over <c>creators</c> creators at random (fixed seed), the sender id in
/// clear (the app hashes it), one record in ten a bigger gift. Record ids carry a prefix so the HTTP and queue
/// volumes never collide.
/// </summary>
internal sealed class IngestBatches
{
    public static readonly Instant MonthStart = Instant.FromUtc(2026, 8, 31, 22, 0);

    private IngestBatches(IReadOnlyList<Batch> batches) => Batches = batches;

    public sealed record Batch(byte[] Body, int Records, int DistinctCreators);

    public IReadOnlyList<Batch> Batches { get; }

    public int Records => Batches.Sum(b => b.Records);

    /// <summary>Activity marks the app writes: one per distinct (creator, period) per batch.</summary>
    public int ActivityMarks => Batches.Sum(b => b.DistinctCreators);

    public int LargestBody => Batches.Max(b => b.Body.Length);

    public static IngestBatches Create(string prefix, string partnerId, int records, int batchSize, int creators, int seed)
    {
        var random = new Random(seed);
        var batches = new List<Batch>((records + batchSize - 1) / batchSize);
        var monthSeconds = 29L * 24 * 3600;
        for (var start = 0; start < records; start += batchSize)
        {
            var count = Math.Min(batchSize, records - start);
            var seen = new HashSet<int>();
            using var buffer = new MemoryStream(count * 280);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("partnerId", partnerId);
                json.WriteStartArray("records");
                for (var i = start; i < start + count; i++)
                {
                    var creator = random.Next(creators);
                    seen.Add(creator);
                    var creatorId = CreatorId("ic", creator);
                    json.WriteStartObject();
                    json.WriteString("recordId", $"{prefix}{i.ToString("D8", CultureInfo.InvariantCulture)}");
                    json.WriteString("creatorId", creatorId);
                    json.WriteString("liveId", $"{creatorId}.live-{random.Next(20).ToString(CultureInfo.InvariantCulture)}");
                    json.WriteString("senderId", $"viewer-{random.Next(50_000).ToString(CultureInfo.InvariantCulture)}");
                    json.WriteString("giftId", GiftIds[random.Next(GiftIds.Length)]);
                    json.WriteNumber("coinsPerGift", random.Next(10) == 0 ? 29_999 : 1 + random.Next(100));
                    json.WriteNumber("quantity", 1 + random.Next(10));
                    var occurredAt = MonthStart + Duration.FromSeconds((long)(random.NextDouble() * monthSeconds));
                    json.WriteString("occurredAt", InstantPattern.ExtendedIso.Format(occurredAt));
                    json.WriteString("kind", "gift");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            batches.Add(new Batch(buffer.ToArray(), count, seen.Count));
        }

        return new IngestBatches(batches);
    }

    public static string CreatorId(string prefix, int n) => $"{prefix}-{n.ToString("D5", CultureInfo.InvariantCulture)}";

    private static readonly string[] GiftIds = ["rose", "heart", "galaxy", "lion", "finger-heart", "rocket", "tiktok-universe"];
}
