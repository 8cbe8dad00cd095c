using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

public sealed class GiftRecordReaderTests
{
    [Fact]
    public void Read_ValidGift_MapsEveryField()
    {
        var result = ReadGift(Gift);

        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.True(result.Errors.IsEmpty);
        var gift = result.Record!;
        Assert.Equal("tiklive", gift.PartnerId);
        Assert.Equal("msg-1", gift.RecordId);
        Assert.Equal("msg-1", result.RecordId);
        Assert.Equal("lea", gift.CreatorId);
        Assert.Equal("live-1", gift.LiveId);
        Assert.Equal("rose", gift.GiftId);
        Assert.Equal(1, gift.CoinsPerGift);
        Assert.Equal(5, gift.Quantity);
        Assert.Equal(Instant.FromUtc(2026, 11, 5, 19, 15), gift.OccurredAt);
        Assert.Equal(GiftKind.Gift, gift.Kind);
        Assert.Null(gift.OriginalRecordId);
        Assert.Equal(5, gift.Coins.Value);
    }

    [Fact]
    public void Read_SenderId_IsStoredOnlyAsKeyedHash()
    {
        var gift = ReadGift(Gift).Record!;

        Assert.Equal(Hasher.Hash("viewer-42"), gift.SenderHash);
        Assert.NotEqual("viewer-42", gift.SenderHash);
        Assert.DoesNotContain("viewer-42", gift.ToString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", gift.SenderHash!);
    }

    [Fact]
    public void Read_OptionalFieldsAbsent_AreNull()
    {
        var gift = ReadGift(Without(Gift, "liveId", "senderId")).Record!;

        Assert.Null(gift.LiveId);
        Assert.Null(gift.SenderHash);
    }

    [Fact]
    public void Read_OptionalFieldsNull_AreTreatedAsAbsent()
    {
        var json = With(With(Gift, "liveId", "null"), "senderId", "null");
        var result = ReadGift(json);

        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.Null(result.Record!.LiveId);
        Assert.Null(result.Record.SenderHash);
    }

    [Fact]
    public void Read_StreakFinalEvent_CountsTheWholeStreakOnce()
    {
        // A streak of 35 roses arrives as the final (repeatEnd) event: one record, quantity = repeatCount.
        var json = With(With(With(Gift, "recordId", "\"7291749836123456789\""), "quantity", "35"), "coinsPerGift", "1");
        var gift = ReadGift(json).Record!;

        Assert.Equal(35, gift.Quantity);
        Assert.Equal(35, gift.Coins.Value);
    }

    [Fact]
    public void Read_LargestCatalogGiftTimesLargestQuantity_DoesNotOverflowCoins()
    {
        var json = With(With(Gift, "coinsPerGift", $"{GiftRecordReader.MaxCoinsPerGift}"), "quantity", $"{GiftRecordReader.MaxQuantity}");
        Assert.Equal((long)GiftRecordReader.MaxCoinsPerGift * GiftRecordReader.MaxQuantity, ReadGift(json).Record!.Coins.Value);
    }

    [Fact]
    public void Read_SameSenderTwice_HashesTheSame_OtherSenderDiffers()
    {
        var a = ReadGift(Gift).Record!.SenderHash;
        var b = ReadGift(With(Gift, "recordId", "\"msg-9\"")).Record!.SenderHash;
        var c = ReadGift(With(Gift, "senderId", "\"viewer-43\"")).Record!.SenderHash;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
