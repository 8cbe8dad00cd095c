using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Records.Wire;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// Strings that are not text through gifts-inbound and deals-inbound, sent with the official SDK: raw bytes need
/// base64 (a queue carries XML text), escapes also travel as plain text. The function completes (no throw, so the host
/// deletes the message: never the poison queue) and the bad record, or the whole message, is kept in IngestRejected
/// with its reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MalformedTextQueueTests(PayoutsAppFixture app) : AppTestBase(app)
{
    public static TheoryData<string, QueueMessageEncoding> KindsAndEncodings()
    {
        var data = new TheoryData<string, QueueMessageEncoding>();
        foreach (var kind in MalformedBytes.Kinds)
        {
            data.Add(kind, QueueMessageEncoding.Base64);
            if (MalformedBytes.IsEscape(kind))
            {
                data.Add(kind, QueueMessageEncoding.None);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndEncodings))]
    public async Task MalformedTextInARecord_RecordKeptWithReasonNeighbourStored(string kind, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("qutf8");
        var bad = Payloads.Gift("bad", creator).With("giftId", $"ro{MalformedBytes.Marker}se");
        var body = MalformedBytes.Json(Payloads.Envelope(PayoutsAppFixture.Partner, bad, Payloads.Gift("good", creator)), kind);
        var message = await SendAndReceiveAsync(body, encoding);

        await GiftsQueue.Run(message, CancellationToken.None);

        Assert.Equal([$"{PayoutsAppFixture.Partner}|{Payloads.RecordId(creator, "good")}"], (await RowsOfCreatorAsync(TableNames.Gifts, creator)).Select(r => r.RowKey));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal(Payloads.RecordId(creator, "bad"), rejected.GetString("RecordId"));
        Assert.Equal($"giftId: {JsonText.Problem}", rejected.GetString("Reason"));
        Assert.Contains(Payloads.RecordId(creator, "bad"), rejected.GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KindsAndEncodings))]
    public async Task MalformedPartnerId_WholeMessageKeptWithReason(string kind, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("qutf8p");
        var body = MalformedBytes.Json(Payloads.Envelope($"tik{MalformedBytes.Marker}", Payloads.Gift("g", creator)), kind);
        var message = await SendAndReceiveAsync(body, encoding);

        await GiftsQueue.Run(message, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Null(rejected.GetString("RecordId"));
        Assert.Contains(JsonText.Problem, rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains(creator, rejected.GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KindsAndEncodings))]
    public async Task DealsInbound_MalformedTextInADeal_RecordKeptWithReasonNeighbourStored(string kind, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("qutf8d");
        var bad = Payloads.Deal("bad", creator).With("reference", $"camp{MalformedBytes.Marker}aign");
        var body = MalformedBytes.Json(Payloads.Envelope(PayoutsAppFixture.Partner, bad, Payloads.Deal("good", creator)), kind);
        var message = await SendAndReceiveAsync(body, encoding, QueueNames.DealsInbound);

        await DealsQueue.Run(message, CancellationToken.None);

        Assert.Equal([$"{PayoutsAppFixture.Partner}|{Payloads.RecordId(creator, "good")}"], (await RowsOfCreatorAsync(TableNames.Deals, creator)).Select(r => r.RowKey));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal(Payloads.RecordId(creator, "bad"), rejected.GetString("RecordId"));
        Assert.Equal("deal", rejected.GetString("Kind"));
        Assert.Equal($"reference: {JsonText.Problem}", rejected.GetString("Reason"));
    }

    [Theory]
    [MemberData(nameof(KindsAndEncodings))]
    public async Task DealsInbound_MalformedCurrency_RecordKeptWithReason(string kind, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("qutf8c");
        var body = MalformedBytes.Json(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("bad", creator).With("currency", $"EU{MalformedBytes.Marker}")), kind);
        var message = await SendAndReceiveAsync(body, encoding, QueueNames.DealsInbound);

        await DealsQueue.Run(message, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Deals, creator));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Equal($"currency: {JsonText.Problem}", rejected.GetString("Reason"));
    }

    [Theory]
    [MemberData(nameof(KindsAndEncodings))]
    public async Task DealsInbound_MalformedPartnerId_WholeMessageKeptWithReason(string kind, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("qutf8dp");
        var body = MalformedBytes.Json(Payloads.Envelope($"brand{MalformedBytes.Marker}hub", Payloads.Deal("d", creator)), kind);
        var message = await SendAndReceiveAsync(body, encoding, QueueNames.DealsInbound);

        await DealsQueue.Run(message, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Deals, creator));
        var rejected = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        Assert.Null(rejected.GetString("RecordId"));
        Assert.Equal("deal", rejected.GetString("Kind"));
        Assert.Contains(JsonText.Problem, rejected.GetString("Reason"), StringComparison.Ordinal);
        Assert.Contains(creator, rejected.GetString("RawPayload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageTextWithALoneSurrogate_KeptWholeWithReplacementCharacter()
    {
        // A host (the DevHost, a test) can hand over a .NET string no queue would carry: a lone surrogate in the text.
        var creator = Payloads.Unique("qsurrogate");
        // No sender and no escape in the text (a "+01:00" offset would be written \u002B): nothing re-encodes it on the way.
        var gift = Payloads.Gift("g", creator, occurredAt: "2026-11-10T19:15:00Z");
        gift.Remove("senderId");
        var text = Payloads.Envelope("tik@BAD@", gift).Replace("@BAD@", "\uD800", StringComparison.Ordinal);
        var messageId = Guid.NewGuid().ToString("N");
        var handler = App.Services.GetRequiredService<Payouts.Storage.Ingestion.QueueIngestHandler<Payouts.Domain.Records.GiftRecord>>();

        await handler.HandleAsync(QueueNames.GiftsInbound, text, messageId, 1, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var rejected = Assert.Single(await RejectedForMessageAsync(messageId));
        Assert.Contains("tik\uFFFD", rejected.GetString("RawPayload"), StringComparison.Ordinal);
        Assert.Contains("partnerId", rejected.GetString("Reason"), StringComparison.Ordinal);
    }

    private IngestGiftsQueue GiftsQueue => ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services);

    private IngestDealsQueue DealsQueue => ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services);

    /// <summary>Base64 carries any bytes; "none" sends the text as is (only escapes, which are ASCII, can travel so).</summary>
    private async Task<QueueMessage> SendAndReceiveAsync(byte[] body, QueueMessageEncoding encoding, string queue = QueueNames.GiftsInbound)
    {
        var sender = new QueueClient(App.ConnectionString, queue, new QueueClientOptions { MessageEncoding = encoding });
        await sender.SendMessageAsync(encoding == QueueMessageEncoding.Base64 ? new BinaryData(body) : BinaryData.FromString(Encoding.UTF8.GetString(body)));
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
