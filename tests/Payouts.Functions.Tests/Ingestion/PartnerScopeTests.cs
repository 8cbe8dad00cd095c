using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// The fixture's <see cref="PayoutsAppFixture.ScopedPartner"/> may send gifts and bonuses (no brand deals), may not set
/// a deal's commission rate, and reports for two listed creators plus the creators of one agency. Records outside
/// that scope are rejected one by one with a field error, over HTTP and through the queues; the rest is stored.
/// <see cref="PayoutsAppFixture.DealsOnlyPartner"/> may send no gifts; a partner id that is not configured at all
/// (only a queue can name one) may send nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PartnerScopeTests(PayoutsAppFixture app) : AppTestBase(app)
{
    private const string Scoped = PayoutsAppFixture.ScopedPartner;
    private const string Listed = PayoutsAppFixture.ScopedCreator;

    [Fact]
    public async Task PostDeals_PartnerNotAllowedDeals_EachDealRejectedOnTypeAndBonusStored()
    {
        var placement = Id("pp");
        var live = Id("sl");
        var bonus = Id("bn");

        var response = await PostDealsAsync(
            Payloads.Envelope(Scoped,
                Payloads.Deal(placement, Listed),
                Payloads.Deal(live, Listed, type: "sponsoredLive"),
                Payloads.Deal(bonus, Listed, "2000", "DIAMOND", "eventBonus")),
            PayoutsAppFixture.ScopedPartnerSecret,
            Scoped);

        Assert.Equal(200, response.Status);
        Assert.Equal(["rejected", "rejected", "accepted"], response.Statuses);
        Assert.Equal(["type"], ErrorFields(response, 0));
        Assert.Equal(["type"], ErrorFields(response, 1));
        Assert.Contains("may not send", ErrorText(response, 0, "type"), StringComparison.Ordinal);
        Assert.Equal([RowKey(bonus)], await StoredAsync(TableNames.Deals, Listed, placement, live, bonus));
    }

    [Fact]
    public async Task PostGifts_PartnerNotAllowedDeals_GiftsAccepted()
    {
        var gift = Id("g");

        var response = await PostGiftsAsync(Payloads.Envelope(Scoped, Payloads.Gift(gift, Listed)), PayoutsAppFixture.ScopedPartnerSecret);

        Assert.Equal(["accepted"], response.Statuses);
        Assert.Equal([RowKey(gift)], await StoredAsync(TableNames.Gifts, Listed, gift));
    }

    [Fact]
    public async Task PostDeals_PartnerNotAllowedCommission_ThatDealRejectedOnAgencyCommissionRate()
    {
        var withRate = Id("rate");
        var withoutRate = Id("norate");

        var response = await PostDealsAsync(
            Payloads.Envelope(Scoped,
                Payloads.Deal(withRate, Listed, "10", "DIAMOND", "eventBonus").With("agencyCommissionRate", "0.05"),
                Payloads.Deal(withoutRate, Listed, "10", "DIAMOND", "eventBonus")),
            PayoutsAppFixture.ScopedPartnerSecret,
            Scoped);

        Assert.Equal(["rejected", "accepted"], response.Statuses);
        Assert.Equal(["agencyCommissionRate"], ErrorFields(response, 0));
        Assert.Equal([RowKey(withoutRate)], await StoredAsync(TableNames.Deals, Listed, withRate, withoutRate));
    }

    [Fact]
    public async Task PostDeals_BrandDealWithCommission_ReportsBothScopeErrors()
    {
        var response = await PostDealsAsync(
            Payloads.Envelope(Scoped, Payloads.Deal(Id("both"), Listed).With("agencyCommissionRate", "0.05")),
            PayoutsAppFixture.ScopedPartnerSecret,
            Scoped);

        Assert.Equal(["agencyCommissionRate", "type"], ErrorFields(response, 0));
    }

    [Fact]
    public async Task PostGifts_CreatorOutsideTheList_RejectedOnCreatorIdAndListedOnesStored()
    {
        var outsider = Payloads.Unique("outsider");
        var listed = Id("in");
        var other = Id("in2");

        var response = await PostGiftsAsync(
            Payloads.Envelope(Scoped,
                Payloads.Gift(listed, Listed),
                Payloads.Gift("g1", outsider),
                Payloads.Gift(other, PayoutsAppFixture.ScopedOtherCreator)),
            PayoutsAppFixture.ScopedPartnerSecret);

        Assert.Equal(["accepted", "rejected", "accepted"], response.Statuses);
        Assert.Equal(["creatorId"], ErrorFields(response, 1));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, outsider));
        var marks = (await RowsAsync(TableNames.Activity, "2026-11")).Select(r => r.RowKey).ToList();
        Assert.Contains($"{Listed}|2026-11", marks);
        Assert.DoesNotContain($"{outsider}|2026-11", marks);
        Assert.Equal([RowKey(listed)], await StoredAsync(TableNames.Gifts, Listed, listed));
    }

    [Fact]
    public async Task PostGifts_CreatorOfTheScopedAgency_AcceptedAndOfAnotherAgencyRejected()
    {
        var member = Payloads.Unique("member");
        var stranger = Payloads.Unique("stranger");
        await PutContractAsync(member, PayoutsAppFixture.ScopedAgency);
        await PutContractAsync(stranger, "another-agency");

        var response = await PostGiftsAsync(
            Payloads.Envelope(Scoped, Payloads.Gift("a1", member), Payloads.Gift("a2", stranger)),
            PayoutsAppFixture.ScopedPartnerSecret);

        Assert.Equal(["accepted", "rejected"], response.Statuses);
        Assert.Equal(["creatorId"], ErrorFields(response, 1));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, member));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, stranger));
    }

    [Fact]
    public async Task PostGifts_AgencyContractStartsAfterTheRecord_Rejected()
    {
        var joiner = Payloads.Unique("joiner");
        await PutContractAsync(joiner, PayoutsAppFixture.ScopedAgency, new LocalDate(2026, 11, 15));

        var response = await PostGiftsAsync(Payloads.Envelope(Scoped, Payloads.Gift("j1", joiner)), PayoutsAppFixture.ScopedPartnerSecret);

        Assert.Equal(["rejected"], response.Statuses);
        Assert.Equal(["creatorId"], ErrorFields(response, 0));
    }

    [Fact]
    public async Task PostDeals_PartnerWithoutScope_MaySendEverything()
    {
        var creator = Payloads.Unique("free");

        var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("d1", creator).With("agencyCommissionRate", "0.05"),
            Payloads.Deal("b1", creator, "10", "DIAMOND", "eventBonus").With("agencyCommissionRate", "0.05")));

        Assert.Equal(["accepted", "accepted"], response.Statuses);
        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Deals, creator)).Count);
    }

    [Fact]
    public async Task DealsQueue_OutOfScopeRecords_KeptInIngestRejectedWithReasonAndValidOneStored()
    {
        var placement = Id("qpp");
        var withRate = Id("qrate");
        var bonus = Id("qbn");
        var message = await SendAndReceiveAsync(QueueNames.DealsInbound, Payloads.Envelope(Scoped,
            Payloads.Deal(placement, Listed),
            Payloads.Deal(withRate, Listed, "10", "DIAMOND", "eventBonus").With("agencyCommissionRate", "0.05"),
            Payloads.Deal(bonus, Listed, "10", "DIAMOND", "eventBonus")));

        await ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services).Run(message, CancellationToken.None);

        Assert.Equal([RowKey(bonus)], await StoredAsync(TableNames.Deals, Listed, placement, withRate, bonus));
        var rejected = (await RejectedForMessageAsync(message.MessageId)).ToDictionary(r => r.GetString("RecordId"));
        Assert.Equal(2, rejected.Count);
        Assert.StartsWith("type: ", rejected[Payloads.RecordId(Listed, placement)].GetString("Reason"), StringComparison.Ordinal);
        Assert.StartsWith("agencyCommissionRate: ", rejected[Payloads.RecordId(Listed, withRate)].GetString("Reason"), StringComparison.Ordinal);
        Assert.All(rejected.Values, r => Assert.Equal(Scoped, r.GetString("PartnerId")));
    }

    [Fact]
    public async Task GiftsQueue_CreatorOutsideScope_KeptInIngestRejectedAndListedOneStored()
    {
        var outsider = Payloads.Unique("qout");
        var listed = Id("qin");
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, Payloads.Envelope(Scoped, Payloads.Gift(listed, Listed), Payloads.Gift("g1", outsider)));

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);

        Assert.Equal([RowKey(listed)], await StoredAsync(TableNames.Gifts, Listed, listed));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, outsider));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal(Payloads.RecordId(outsider, "g1"), rejected.GetString("RecordId"));
        Assert.StartsWith("creatorId: ", rejected.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostGifts_PartnerNotAllowedGifts_EachGiftRejectedOnRecord()
    {
        var creator = Payloads.Unique("nogift");

        var response = await PostGiftsAsync(
            Payloads.Envelope(PayoutsAppFixture.DealsOnlyPartner, Payloads.Gift("g1", creator), Payloads.Gift("g2", creator)),
            PayoutsAppFixture.DealsOnlyPartnerSecret);

        Assert.Equal(["rejected", "rejected"], response.Statuses);
        Assert.Equal(["record"], ErrorFields(response, 0));
        Assert.Equal("this partner may not send gifts", ErrorText(response, 1, "record"));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
    }

    [Fact]
    public async Task GiftsQueue_PartnerNotAllowedGifts_EachGiftKeptInIngestRejected_ItsDealsStillStored()
    {
        var creator = Payloads.Unique("qnogift");
        var gifts = await SendAndReceiveAsync(QueueNames.GiftsInbound, Payloads.Envelope(PayoutsAppFixture.DealsOnlyPartner, Payloads.Gift("g1", creator)));
        var deals = await SendAndReceiveAsync(QueueNames.DealsInbound, Payloads.Envelope(PayoutsAppFixture.DealsOnlyPartner, Payloads.Deal("d1", creator)));

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(gifts, CancellationToken.None);
        await ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services).Run(deals, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Single(await RowsOfCreatorAsync(TableNames.Deals, creator));
        var rejected = Assert.Single(await RejectedForMessageAsync(gifts.MessageId));
        Assert.Equal("record: this partner may not send gifts", rejected.GetString("Reason"));
        Assert.Equal(PayoutsAppFixture.DealsOnlyPartner, rejected.GetString("PartnerId"));
        Assert.Empty(await RejectedForMessageAsync(deals.MessageId));
    }

    [Fact]
    public async Task GiftsQueue_CreatorOfTheScopedAgencyStored_OfAnotherAgencyKeptInIngestRejected()
    {
        var member = Payloads.Unique("qmember");
        var stranger = Payloads.Unique("qstranger");
        await PutContractAsync(member, PayoutsAppFixture.ScopedAgency);
        await PutContractAsync(stranger, "another-agency");
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, Payloads.Envelope(Scoped, Payloads.Gift("a1", member), Payloads.Gift("a2", stranger)));

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);

        Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, member));
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, stranger));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal(Payloads.RecordId(stranger, "a2"), rejected.GetString("RecordId"));
        Assert.StartsWith("creatorId: ", rejected.GetString("Reason"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gifts")]
    [InlineData("deals")]
    public async Task Queue_PartnerIdNotConfigured_EveryRecordKeptInIngestRejectedAsUnknownPartner_NothingStored(string kind)
    {
        var creator = Payloads.Unique("qunknown");
        const string unknown = "no-such-partner";
        var records = kind == "gifts"
            ? new JsonNode[] { Payloads.Gift("u1", creator), Payloads.Gift("u2", creator) }
            : [Payloads.Deal("u1", creator), Payloads.Deal("u2", creator, "10", "DIAMOND", "eventBonus")];
        var message = await SendAndReceiveAsync(kind == "gifts" ? QueueNames.GiftsInbound : QueueNames.DealsInbound, Payloads.Envelope(unknown, records));

        if (kind == "gifts")
        {
            await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);
        }
        else
        {
            await ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services).Run(message, CancellationToken.None);
        }

        Assert.Empty(await RowsOfCreatorAsync(kind == "gifts" ? TableNames.Gifts : TableNames.Deals, creator));
        Assert.DoesNotContain(await RowsAsync(TableNames.Activity, "2026-11"), r => r.RowKey.StartsWith(creator + "|", StringComparison.Ordinal));
        var rejected = await RejectedForMessageAsync(message.MessageId);
        Assert.Equal([Payloads.RecordId(creator, "u1"), Payloads.RecordId(creator, "u2")], rejected.Select(r => r.GetString("RecordId")).Order(StringComparer.Ordinal));
        Assert.All(rejected, r => Assert.StartsWith($"partnerId: unknown partner '{unknown}'", r.GetString("Reason"), StringComparison.Ordinal));
        Assert.All(rejected, r => Assert.Equal(unknown, r.GetString("PartnerId")));
    }

    /// <summary>A record id unique to this run, for the scoped partner's fixed creators.</summary>
    private static string Id(string prefix) => Payloads.Unique(prefix);

    private static string RowKey(string recordId) => $"{Scoped}|{Payloads.RecordId(Listed, recordId)}";

    private static string[] ErrorFields(HttpCall.Response response, int index) =>
        response.Body.GetProperty("results")[index].GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string ErrorText(HttpCall.Response response, int index, string field) =>
        string.Join("; ", response.Body.GetProperty("results")[index].GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    /// <summary>The row keys stored for <paramref name="creatorId"/> among these record ids (the fixed creators collect rows from many tests).</summary>
    private async Task<string[]> StoredAsync(string table, string creatorId, params string[] recordIds)
    {
        var keys = recordIds.Select(r => $"{Scoped}|{Payloads.RecordId(creatorId, r)}").ToHashSet(StringComparer.Ordinal);
        return (await RowsOfCreatorAsync(table, creatorId)).Select(r => r.RowKey).Where(keys.Contains).Order(StringComparer.Ordinal).ToArray();
    }

    private async Task PutContractAsync(string creatorId, string agencyId, LocalDate? from = null)
    {
        var eur = Currency.EUR;
        var contract = new CreatorContract(creatorId, "FR", eur, agencyId, new CommissionRates(new Share(0.1m), new Share(0.1m), new Share(0.1m)), new Money(0, eur), Share.None);
        await App.Services.GetRequiredService<ContractStore>().AddAsync(new Versioned<CreatorContract>("v1", from ?? new LocalDate(2026, 1, 1), contract), CancellationToken.None);
    }

    private async Task<QueueMessage> SendAndReceiveAsync(string queue, string text)
    {
        var client = new QueueClient(App.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await client.SendMessageAsync(text);
        QueueMessage[] received = await client.ReceiveMessagesAsync(maxMessages: 1);
        var message = Assert.Single(received);
        await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message;
    }

    private async Task<List<TableEntity>> RejectedForMessageAsync(string messageId)
    {
        var rows = await RowsAsync(TableNames.IngestRejected, Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return rows.Where(r => r.GetString("MessageId")?.StartsWith(messageId, StringComparison.Ordinal) == true).ToList();
    }
}
