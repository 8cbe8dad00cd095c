using System.Globalization;
using System.Text;
using CsCheck;
using NodaTime;
using NodaTime.Text;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Tests.Records;

namespace Payouts.Domain.Tests.Properties;

public sealed class FingerprintProperties
{
    private static readonly Gen<string> Identifier =
        Gen.Char["ABCXYZabcxyz0189-_.:@"].Array[1, 20].Select(chars => new string(chars));

    private static readonly Gen<string> Space = Gen.OneOf("", " ", "  ", "\n", "\t", "\r\n ");

    /// <summary>An instant of 2020–2026 written with a random offset (whole quarter hours from −12:00 to +14:00).</summary>
    private static readonly Gen<(Instant Instant, string Text)> WrittenInstant =
        Gen.Select(Gen.Long[1_577_836_800L, 1_790_000_000L], Gen.Int[-48, 56], (seconds, quarters) =>
        {
            var instant = Instant.FromUnixTimeSeconds(seconds);
            var text = OffsetDateTimePattern.ExtendedIso.Format(instant.WithOffset(Offset.FromSeconds(quarters * 900)));
            return (instant, text);
        });

    private static readonly Gen<List<(string Name, string Value)>> GiftFields =
        Gen.Select(Identifier, Identifier, Identifier, Gen.Int[1, GiftRecordReader.MaxCoinsPerGift], Gen.Int[1, GiftRecordReader.MaxQuantity], WrittenInstant, Gen.Bool, (recordId, creatorId, giftId, coins, quantity, at, withLive) =>
        {
            var fields = new List<(string, string)>
            {
                ("recordId", Json(recordId)), ("creatorId", Json(creatorId)), ("giftId", Json(giftId)),
                ("coinsPerGift", coins.ToString(CultureInfo.InvariantCulture)), ("quantity", quantity.ToString(CultureInfo.InvariantCulture)),
                ("occurredAt", Json(at.Text)), ("kind", Json("gift")),
            };
            if (withLive)
            {
                fields.Add(("liveId", Json("live-" + recordId)));
            }

            return fields;
        });

    [Fact]
    public void Of_GiftWithPropertiesShuffledAndSpaced_IsUnchanged() =>
        GiftFields.SelectMany(fields => Gen.Select(Gen.Shuffle(fields.ToArray()), Space.Array[fields.Count * 4 + 2], (shuffled, spaces) => (fields, shuffled, spaces)))
            .Sample(
                sample =>
                {
                    var canonical = Read(Write(sample.fields, null));
                    var messy = Read(Write(sample.shuffled, sample.spaces));
                    Assert.Equal(RecordFingerprint.Of(canonical), RecordFingerprint.Of(messy));
                },
                iter: 300);

    [Fact]
    public void Of_SameInstantAtAnyOffset_IsUnchanged() =>
        Gen.Select(WrittenInstant, Gen.Int[-48, 56]).Sample(
            (at, quarters) =>
            {
                var other = OffsetDateTimePattern.ExtendedIso.Format(at.Instant.WithOffset(Offset.FromSeconds(quarters * 900)));
                var a = RecordJson.ReadGift(RecordJson.With(RecordJson.Gift, "occurredAt", Json(at.Text))).Record!;
                var b = RecordJson.ReadGift(RecordJson.With(RecordJson.Gift, "occurredAt", Json(other))).Record!;
                Assert.Equal(RecordFingerprint.Of(a), RecordFingerprint.Of(b));
            },
            iter: 200);

    [Fact]
    public void Of_GiftWithQuantityChanged_Differs() =>
        GiftFields.Sample(
            fields =>
            {
                var changed = fields.Select(f => f.Name == "quantity" ? (f.Name, (int.Parse(f.Value, CultureInfo.InvariantCulture) % GiftRecordReader.MaxQuantity + 1).ToString(CultureInfo.InvariantCulture)) : f).ToList();
                Assert.NotEqual(RecordFingerprint.Of(Read(Write(fields, null))), RecordFingerprint.Of(Read(Write(changed, null))));
            },
            iter: 200);

    [Fact]
    public void Of_DealAmountWithTrailingZeros_IsUnchanged() =>
        Gen.Select(Gen.Long[-1_000_000_000L, 1_000_000_000L].Where(c => c != 0), Gen.Int[0, 5]).Sample(
            (cents, zeros) =>
            {
                var plain = (cents / 100m).ToString(CultureInfo.InvariantCulture);
                var padded = (cents / 100m).ToString("F2", CultureInfo.InvariantCulture) + new string('0', zeros);
                var a = RecordJson.ReadDeal(RecordJson.With(RecordJson.Deal, "amount", Json(plain))).Record!;
                var b = RecordJson.ReadDeal(RecordJson.With(RecordJson.Deal, "amount", Json(padded))).Record!;
                Assert.Equal(RecordFingerprint.Of(a), RecordFingerprint.Of(b));
            },
            iter: 200);

    private static GiftRecord Read(string json)
    {
        var result = RecordJson.ReadGift(json);
        Assert.True(result.IsValid, result.Errors.ToString());
        return result.Record!;
    }

    private static string Write(IEnumerable<(string Name, string Value)> fields, string[]? spaces)
    {
        var i = 0;
        string S() => spaces is null ? string.Empty : spaces[i++ % spaces.Length];
        var json = new StringBuilder().Append(S()).Append('{');
        var first = true;
        foreach (var (name, value) in fields)
        {
            json.Append(first ? string.Empty : ",").Append(S()).Append(Json(name)).Append(S()).Append(':').Append(S()).Append(value).Append(S());
            first = false;
        }

        return json.Append('}').Append(S()).ToString();
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
