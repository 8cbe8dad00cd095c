using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// Issue 13.3 at ingest: the per-record limits (coinsPerGift, quantity, a deal's amount and its currency's decimals)
/// for creators paid in, and deals in, IDR, VND, JPY and KWD. At the limit a record is stored; one past it is rejected
/// with a field error, over HTTP (in the response) and through the queues (in IngestRejected), never an exception.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecordLimitsIngestTests(PayoutsAppFixture app) : AppTestBase(app)
{
    /// <summary>(currency, an amount one minor unit past the limit, an amount with one decimal too many).</summary>
    public static TheoryData<string, string, string> Currencies => new()
    {
        { "IDR", "10000000000.01", "1.001" },
        { "VND", "10000000001", "1.5" },
        { "JPY", "10000000001", "1.5" },
        { "KWD", "10000000000.001", "1.0001" },
    };

    public static TheoryData<string> Codes => ["IDR", "VND", "JPY", "KWD"];

    private static string MaxAmount => DealRecordReader.MaxAbsoluteAmount.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Http_GiftsAtAndPastTheLimits_StoredAtTheLimitRejectedOnTheFieldPastIt(string code)
    {
        var creator = await CreatorPaidInAsync(code);

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Gifts(creator)));

        Assert.Equal(["accepted", "rejected", "rejected"], response.Statuses);
        Assert.Equal($"must be between 1 and {GiftRecordReader.MaxCoinsPerGift}", Error(response, 1, "coinsPerGift"));
        Assert.Equal($"must be between 1 and {GiftRecordReader.MaxQuantity}", Error(response, 2, "quantity"));
        var stored = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal(GiftRecordReader.MaxCoinsPerGift, stored.GetInt32("CoinsPerGift"));
        Assert.Equal(GiftRecordReader.MaxQuantity, stored.GetInt32("Quantity"));
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public async Task Http_DealsAtAndPastTheLimits_StoredAtTheLimitRejectedOnAmountPastIt(string code, string pastTheLimit, string tooPrecise)
    {
        var creator = await CreatorPaidInAsync(code);

        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Deals(creator, code, pastTheLimit, tooPrecise)));

        Assert.Equal(["accepted", "accepted", "rejected", "rejected"], response.Statuses);
        Assert.StartsWith("must be at most 10,000,000,000 in absolute value", Error(response, 2, "amount"), StringComparison.Ordinal);
        Assert.Equal($"must have at most {Currency.FromCode(code).MinorUnits} decimals for {code}", Error(response, 3, "amount"));
        Assert.Equal(
            [MaxAmount, "-" + MaxAmount],
            (await RowsOfCreatorAsync(TableNames.Deals, creator)).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.GetString("Amount")));
    }

    [Theory]
    [MemberData(nameof(Currencies))]
    public async Task Queues_RecordsAtAndPastTheLimits_StoredAtTheLimitKeptInIngestRejectedPastIt(string code, string pastTheLimit, string tooPrecise)
    {
        var creator = await CreatorPaidInAsync(code);
        var gifts = Message(Payloads.Envelope(PayoutsAppFixture.Partner, Gifts(creator)));
        var deals = Message(Payloads.Envelope(PayoutsAppFixture.Partner, Deals(creator, code, pastTheLimit, tooPrecise)));

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(gifts, CancellationToken.None);
        await ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services).Run(deals, CancellationToken.None);

        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Deals, creator)).Count);
        var rejected = (await RowsAsync(TableNames.IngestRejected, Now.InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Where(r => r.GetString("RecordId")?.StartsWith(creator + ".", StringComparison.Ordinal) == true)
            .ToDictionary(r => r.GetString("RecordId")!, r => r.GetString("Reason"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                [Payloads.RecordId(creator, "coins")] = $"coinsPerGift: must be between 1 and {GiftRecordReader.MaxCoinsPerGift}",
                [Payloads.RecordId(creator, "quantity")] = $"quantity: must be between 1 and {GiftRecordReader.MaxQuantity}",
                [Payloads.RecordId(creator, "past")] = "amount: must be at most 10,000,000,000 in absolute value",
                [Payloads.RecordId(creator, "precise")] = $"amount: must have at most {Currency.FromCode(code).MinorUnits} decimals for {code}",
            }.OrderBy(e => e.Key, StringComparer.Ordinal),
            rejected.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    /// <summary>The largest gift a record may carry, then one past each limit.</summary>
    private static JsonNode[] Gifts(string creator) =>
    [
        Payloads.Gift("max", creator, GiftRecordReader.MaxCoinsPerGift, GiftRecordReader.MaxQuantity),
        Payloads.Gift("coins", creator, GiftRecordReader.MaxCoinsPerGift + 1, 1),
        Payloads.Gift("quantity", creator, 1, GiftRecordReader.MaxQuantity + 1),
    ];

    /// <summary>A deal at the limit and its reversal, then one past the limit and one finer than the currency.</summary>
    private static JsonNode[] Deals(string creator, string code, string pastTheLimit, string tooPrecise) =>
    [
        Payloads.Deal("max", creator, MaxAmount, code),
        Payloads.Deal("reversal", creator, "-" + MaxAmount, code),
        Payloads.Deal("past", creator, pastTheLimit, code),
        Payloads.Deal("precise", creator, tooPrecise, code),
    ];

    /// <summary>A creator with a contract paying in <paramref name="code"/> (ingest does not need one; the limits hold for any).</summary>
    private async Task<string> CreatorPaidInAsync(string code)
    {
        var creator = Payloads.Unique("lim" + code.ToLowerInvariant());
        var currency = Currency.FromCode(code);
        var contract = new CreatorContract(creator, "FR", currency, null, new CommissionRates(Share.None, Share.None, Share.None), new Money(0, currency), Share.None);
        await App.Services.GetRequiredService<ContractStore>().AddAsync(new Versioned<CreatorContract>("v1", new LocalDate(2026, 1, 1), contract), CancellationToken.None);
        return creator;
    }

    private static QueueMessage Message(string body) =>
        QueuesModelFactory.QueueMessage("limits-" + Guid.NewGuid().ToString("N"), "pop", body, dequeueCount: 1);

    private static string Error(HttpCall.Response response, int index, string field) =>
        string.Join("; ", response.Body.GetProperty("results")[index].GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
}
