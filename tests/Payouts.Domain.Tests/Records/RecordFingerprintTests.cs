using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records;

public sealed class RecordFingerprintTests
{
    private static readonly string GiftPrint = RecordFingerprint.Of(ReadGift(Gift).Record!);
    private static readonly string DealPrint = RecordFingerprint.Of(ReadDeal(Deal).Record!);

    [Fact]
    public void Of_Gift_IsLowercaseSha256Hex() => Assert.Matches("^[0-9a-f]{64}$", GiftPrint);

    [Fact]
    public void Of_GiftWithPropertiesReorderedAndSpaced_IsUnchanged()
    {
        const string reordered = """
            {
              "kind" : "gift",   "occurredAt":"2026-11-05T20:15:00+01:00",
              "quantity": 5, "coinsPerGift":1,
              "giftId":"rose",  "senderId":"viewer-42", "liveId":"live-1",
              "creatorId":"lea", "recordId":"msg-1"
            }
            """;
        Assert.Equal(GiftPrint, RecordFingerprint.Of(ReadGift(reordered).Record!));
    }

    [Theory]
    [InlineData("2026-11-05T19:15:00Z")]
    [InlineData("2026-11-05T19:15:00.000Z")]
    [InlineData("2026-11-05T14:15:00-05:00")]
    public void Of_SameInstantWrittenDifferently_IsUnchanged(string occurredAt) =>
        Assert.Equal(GiftPrint, RecordFingerprint.Of(ReadGift(With(Gift, "occurredAt", Quoted(occurredAt))).Record!));

    [Theory]
    [InlineData("recordId", "\"msg-2\"")]
    [InlineData("creatorId", "\"max\"")]
    [InlineData("liveId", "\"live-2\"")]
    [InlineData("liveId", "null")]
    [InlineData("senderId", "\"viewer-43\"")]
    [InlineData("senderId", "null")]
    [InlineData("giftId", "\"tulip\"")]
    [InlineData("coinsPerGift", "2")]
    [InlineData("quantity", "6")]
    [InlineData("occurredAt", "\"2026-11-05T20:15:01+01:00\"")]
    public void Of_GiftWithOneValueChanged_Differs(string field, string raw) =>
        Assert.NotEqual(GiftPrint, RecordFingerprint.Of(ReadGift(With(Gift, field, raw)).Record!));

    [Fact]
    public void Of_GiftTurnedIntoRefund_Differs()
    {
        var refund = ReadGift(With(With(Gift, "kind", "\"refund\""), "originalRecordId", "\"msg-0\"")).Record!;
        Assert.NotEqual(GiftPrint, RecordFingerprint.Of(refund));
    }

    [Fact]
    public void Of_SameRecordFromAnotherPartner_Differs() =>
        Assert.NotEqual(GiftPrint, RecordFingerprint.Of(ReadGift(Gift).Record! with { PartnerId = "other" }));

    [Fact]
    public void Of_NullAndEmptyOptionalValue_Differ()
    {
        var gift = ReadGift(Gift).Record!;
        Assert.NotEqual(RecordFingerprint.Of(gift with { LiveId = null }), RecordFingerprint.Of(gift with { LiveId = string.Empty }));
    }

    [Fact]
    public void Of_ValueThatLooksLikeAFieldBoundary_CannotForgeAnotherRecord()
    {
        var gift = ReadGift(Gift).Record!;
        var a = gift with { LiveId = "x", SenderHash = "y" };
        var b = gift with { LiveId = "x;senderHash=1:y", SenderHash = null };
        Assert.NotEqual(RecordFingerprint.Of(a), RecordFingerprint.Of(b));
    }

    [Theory]
    [InlineData("\"1250.0\"")]
    [InlineData("\"1250\"")]
    [InlineData("\"1250.000\"")]
    [InlineData("\"+1250.00\"")]
    public void Of_DealAmountWrittenDifferently_IsUnchanged(string amount) =>
        Assert.Equal(DealPrint, RecordFingerprint.Of(ReadDeal(With(Deal, "amount", amount)).Record!));

    [Theory]
    [InlineData("\"0.150\"")]
    [InlineData("\".15\"")]
    public void Of_DealCommissionWrittenDifferently_IsUnchanged(string rate) =>
        Assert.Equal(DealPrint, RecordFingerprint.Of(ReadDeal(With(Deal, "agencyCommissionRate", rate)).Record!));

    [Theory]
    [InlineData("recordId", "\"d-2\"")]
    [InlineData("creatorId", "\"max\"")]
    [InlineData("type", "\"sponsoredLive\"")]
    [InlineData("brand", "\"Acme Inc\"")]
    [InlineData("amount", "\"1250.01\"")]
    [InlineData("amount", "\"-1250.00\"")]
    [InlineData("currency", "\"USD\"")]
    [InlineData("earnedAt", "\"2026-11-15T10:00:01Z\"")]
    [InlineData("reference", "\"camp-8\"")]
    [InlineData("reference", "null")]
    [InlineData("agencyCommissionRate", "\"0.16\"")]
    [InlineData("agencyCommissionRate", "null")]
    public void Of_DealWithOneValueChanged_Differs(string field, string raw) =>
        Assert.NotEqual(DealPrint, RecordFingerprint.Of(ReadDeal(With(Deal, field, raw)).Record!));

    [Fact]
    public void Of_DealPropertiesReordered_IsUnchanged()
    {
        const string reordered = """
            {"agencyCommissionRate":"0.15","reference":"camp-7","earnedAt":"2026-11-15T11:00:00+01:00","currency":"EUR",
             "amount":"1250.0","brand":"Acme","type":"productPlacement","creatorId":"lea","recordId":"d-1"}
            """;
        Assert.Equal(DealPrint, RecordFingerprint.Of(ReadDeal(reordered).Record!));
    }

    [Fact]
    public void Of_ZeroCommissionAndNoCommission_Differ()
    {
        var deal = new DealRecord("p", "d", "lea", DealType.SponsoredLive, "Acme", DealAmount.Of(1m, Currency.EUR), Instant.FromUtc(2026, 11, 1, 0, 0), null, null);
        Assert.NotEqual(RecordFingerprint.Of(deal), RecordFingerprint.Of(deal with { AgencyCommissionRate = Share.None }));
    }
}
