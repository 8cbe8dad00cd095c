using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// Messages are sent with the official SDK, plain text (today's default) and base64 (older SDKs, the host's old
/// default), received as the host would with messageEncoding "none", and handed to the real function class.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class QueueIngestTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Theory]
    [InlineData(QueueMessageEncoding.None)]
    [InlineData(QueueMessageEncoding.Base64)]
    public async Task GiftMessage_PlainOrBase64_IsStored(QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("q");
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("q1", creator, 5, 2)), encoding);

        await GiftsQueue.Run(message, CancellationToken.None);

        var row = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        Assert.Equal("queue", row.GetString("Source"));
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_StoresOnce()
    {
        var creator = Payloads.Unique("redeliver");
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("r1", creator), Payloads.Gift("r2", creator)), QueueMessageEncoding.None);

        await GiftsQueue.Run(message, CancellationToken.None);
        await GiftsQueue.Run(message, CancellationToken.None);

        Assert.Equal(2, (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Count);
    }

    [Fact]
    public async Task UnparseableMessage_IsKeptInIngestRejectedWithItsRawText()
    {
        var raw = "{ this is not json " + Guid.NewGuid();
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, raw, QueueMessageEncoding.None);

        await GiftsQueue.Run(message, CancellationToken.None);

        var rejected = await RejectedForMessageAsync(message.MessageId);
        var row = Assert.Single(rejected);
        Assert.Equal(raw, row.GetString("RawPayload"));
        Assert.Equal("gifts-inbound", row.GetString("Origin"));
        Assert.Contains("not valid JSON", row.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherJsonNorBase64_IsKeptInIngestRejected()
    {
        var message = await SendAndReceiveAsync(QueueNames.DealsInbound, "%%% definitely not base64 %%%", QueueMessageEncoding.None);

        await DealsQueue.Run(message, CancellationToken.None);

        Assert.Contains("neither JSON nor base64", Assert.Single(await RejectedForMessageAsync(message.MessageId)).GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidRecordInMessage_ValidOnesStoredInvalidOneKeptWithReason()
    {
        var creator = Payloads.Unique("qmix");
        var bad = Payloads.Deal("bad", creator, amount: "12.345");
        var message = await SendAndReceiveAsync(QueueNames.DealsInbound, Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("good", creator), bad), QueueMessageEncoding.Base64);

        await DealsQueue.Run(message, CancellationToken.None);

        Assert.Equal($"tiklive|{creator}.good", Assert.Single(await RowsOfCreatorAsync(TableNames.Deals, creator)).RowKey);
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal(Payloads.RecordId(creator, "bad"), rejected.GetString("RecordId"));
        Assert.Contains("amount", rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains("12.345", rejected.GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedMessageRedelivered_IsNotKeptTwice()
    {
        var message = await SendAndReceiveAsync(QueueNames.GiftsInbound, "[\"an array, not an envelope\"]", QueueMessageEncoding.None);

        await GiftsQueue.Run(message, CancellationToken.None);
        await GiftsQueue.Run(message, CancellationToken.None);

        Assert.Single(await RejectedForMessageAsync(message.MessageId));
    }

    private IngestGiftsQueue GiftsQueue => ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services);

    private IngestDealsQueue DealsQueue => ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services);

    private async Task<QueueMessage> SendAndReceiveAsync(string queue, string text, QueueMessageEncoding encoding)
    {
        var sender = new QueueClient(App.ConnectionString, queue, new QueueClientOptions { MessageEncoding = encoding });
        await sender.SendMessageAsync(text);
        var receiver = new QueueClient(App.ConnectionString, queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        QueueMessage[] received = await receiver.ReceiveMessagesAsync(maxMessages: 1);
        var message = Assert.Single(received);
        await receiver.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message;
    }

    private async Task<List<Azure.Data.Tables.TableEntity>> RejectedForMessageAsync(string messageId)
    {
        var rows = await RowsAsync(TableNames.IngestRejected, Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return rows.Where(r => r.GetString("MessageId")?.StartsWith(messageId, StringComparison.Ordinal) == true).ToList();
    }
}
