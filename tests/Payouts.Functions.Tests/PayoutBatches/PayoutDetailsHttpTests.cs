using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.PayoutBatches;

/// <summary>What the payout-details and payout-batch routes refuse, and that they never echo an IBAN or a name.</summary>
[Collection(AppCollection.Name)]
public sealed class PayoutDetailsHttpTests(PayoutsAppFixture app) : PayoutBatchTestBase(app)
{
    [Fact]
    public async Task PutPayoutDetails_EveryFieldWrong_IsOne400WithEachFieldAndNoValueEchoed()
    {
        var creator = Payloads.Unique("pd-bad");

        var response = await PutPayoutDetailsAsync(creator, "DE89 3704 0044 0532 0130 01", "Jonas\u0007Keller", bic: "DEUT", method: "cheque");

        Assert.Equal(400, response.Status);
        var errors = response.Body.GetProperty("errors");
        Assert.Equal(["accountHolder", "bic", "iban", "method"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("0532", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jonas", response.Text, StringComparison.Ordinal);
        Assert.Equal(404, (await GetPayoutDetailsAsync(creator)).Status);
    }

    [Fact]
    public async Task PutPayoutDetails_SepaOutsideSepaOrWithoutIban_IsRefused_ManualWithoutIbanIsStored()
    {
        var creator = Payloads.Unique("pd-manual");

        Assert.Equal(400, (await PutPayoutDetailsAsync(creator, "SA0380000000608010167519", "Sami Haddad")).Status);
        Assert.Equal(400, (await PutPayoutDetailsAsync(creator, null, "Sami Haddad", method: "sepa")).Status);
        var manual = await PutPayoutDetailsAsync(creator, null, "Sami Haddad");

        Assert.Equal(200, manual.Status);
        Assert.Equal("manual", manual.Body.GetProperty("method").GetString());
        Assert.False(manual.Body.TryGetProperty("ibanMasked", out _));
        Assert.Equal("S*** H*****", (await GetPayoutDetailsAsync(creator)).Body.GetProperty("accountHolderMasked").GetString());
    }

    [Fact]
    public async Task PutPayoutDetails_Again_ReplacesThem()
    {
        var creator = Payloads.Unique("pd-again");

        await PutPayoutDetailsAsync(creator, "FR7630006000011234567890189", "Léa Martin");
        await PutPayoutDetailsAsync(creator, "BE68539007547034", "Léa Martin", bic: "GEBABEBB");

        var details = (await GetPayoutDetailsAsync(creator)).Body;
        Assert.Equal("BE68 **** **** 7034", details.GetProperty("ibanMasked").GetString());
        Assert.Equal("GEBABEBB", details.GetProperty("bic").GetString());
        Assert.Equal("master-key", details.GetProperty("updatedBy").GetString());
        Assert.Single(await RowsAsync(Payouts.Storage.Tables.TableNames.PayoutDetails, creator));
    }

    [Theory]
    [InlineData("2026-13", "")]
    [InlineData("2026-W48", "")]
    [InlineData("2026-11", "?version=0")]
    [InlineData("2026-11", "?version=two")]
    [InlineData("2026-11", "?format=pdf")]
    public async Task GetPayoutBatch_BadPeriodVersionOrFormat_Is400(string period, string query) =>
        Assert.Equal(400, (await GetBatchAsync(period, query: query)).Status);

    [Fact]
    public async Task GetPayoutBatch_AVersionNeverMade_Is404() =>
        Assert.Equal(404, (await GetBatchAsync("2039-07", query: "?version=1")).Status);
}
