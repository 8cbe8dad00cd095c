using NodaTime;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

[Collection(AppCollection.Name)]
public sealed class PartnerAuthenticationTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task MissingSignature_Is401AndNothingWritten()
    {
        var creator = Payloads.Unique("auth");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a1", creator)), secret: null);

        Assert.Equal(401, response.Status);
        Assert.Contains("missing", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task WrongSecret_Is401()
    {
        var creator = Payloads.Unique("auth");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a1", creator)), secret: "not-the-secret-00000000000000000000");

        Assert.Equal(401, response.Status);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task SignatureOutsideFiveMinuteWindow_Is401(int minutes)
    {
        var creator = Payloads.Unique("auth");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a1", creator)), signedAt: Now + Duration.FromMinutes(minutes));

        Assert.Equal(401, response.Status);
        Assert.Contains("window", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task SignatureInsideWindow_IsAccepted()
    {
        var creator = Payloads.Unique("auth");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a1", creator)), signedAt: Now - Duration.FromMinutes(4));

        Assert.Equal(["accepted"], response.Statuses);
    }

    [Fact]
    public async Task RotatedSecret_BothActiveSecretsVerify()
    {
        var creator = Payloads.Unique("rot");

        var old = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("r1", creator)), PayoutsAppFixture.PartnerSecret);
        var rotated = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("r2", creator)), PayoutsAppFixture.PartnerRotatedSecret);

        Assert.Equal(["accepted"], old.Statuses);
        Assert.Equal(["accepted"], rotated.Statuses);
    }

    [Fact]
    public async Task TamperedBodyAfterSigning_Is401()
    {
        var creator = Payloads.Unique("tamper");
        var signed = HttpCall.Request(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("t1", creator, 1, 1)), PayoutsAppFixture.PartnerSecret, Now);
        var tampered = HttpCall.Request(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("t1", creator, 1, 999)), secret: null, Now);
        tampered.Headers["Payouts-Signature"] = signed.Headers["Payouts-Signature"];

        var response = await HttpCall.ExecuteAsync<Functions.Ingestion.IngestGiftsHttp>(tampered, await GiftsFunction.Run(tampered, CancellationToken.None));

        Assert.Equal(401, response.Status);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task UnknownPartner_Is401LikeAWrongSignature()
    {
        var response = await PostGiftsAsync(Payloads.Envelope("nobody", Payloads.Gift("u1", "c")), secret: PayoutsAppFixture.PartnerSecret);

        Assert.Equal(401, response.Status);
        Assert.Contains("does not match", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyNamesAnotherPartnerThanTheSigner_Is403()
    {
        var creator = Payloads.Unique("spoof");

        var response = await PostGiftsAsync(
            Payloads.Envelope(PayoutsAppFixture.OtherPartner, Payloads.Gift("s1", creator)),
            PayoutsAppFixture.PartnerSecret,
            partnerHeader: PayoutsAppFixture.Partner);

        Assert.Equal(403, response.Status);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task ReplayInsideWindow_IsHarmlessDuplicate()
    {
        var creator = Payloads.Unique("replay");
        var body = Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("p1", creator));

        await PostGiftsAsync(body);
        var replay = await PostGiftsAsync(body);

        Assert.Equal(["duplicate"], replay.Statuses);
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }
}
