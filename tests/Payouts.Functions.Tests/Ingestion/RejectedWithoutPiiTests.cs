using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Records;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>
/// Issue 13.9, no PII at rest: whatever lands in IngestRejected (a record refused by validation, a message that is
/// not an envelope, one that is not even JSON, plain or base64) holds no sender id in clear; where the id can be read
/// it is replaced by the same keyed hash a stored record carries.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RejectedWithoutPiiTests(PayoutsAppFixture app) : AppTestBase(app)
{
    private SenderIdHasher Hasher => App.Services.GetRequiredService<SenderIdHasher>();

    [Theory]
    [InlineData(QueueMessageEncoding.None)]
    [InlineData(QueueMessageEncoding.Base64)]
    public async Task RecordRejectedByValidation_KeepsTheSenderOnlyAsItsStoredHash(QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("pii");
        var sender = $"viewer-{Guid.NewGuid():N}";
        var good = Payloads.Gift("good", creator).With("senderId", sender);
        var bad = Payloads.Gift("bad", creator, quantity: 0).With("senderId", sender);
        var message = await SendAndReceiveAsync(Payloads.Envelope(PayoutsAppFixture.Partner, bad, good), encoding);

        await GiftsQueue.Run(message, CancellationToken.None);

        var stored = Assert.Single(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var payload = Assert.Single(await RejectedForMessageAsync(message.MessageId)).GetString("RawPayload");
        Assert.DoesNotContain(sender, payload, StringComparison.Ordinal);
        Assert.Contains($"\"senderId\":\"{stored.GetString("SenderHash")}\"", payload, StringComparison.Ordinal);
        Assert.Contains("\"quantity\":0", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordWithEscapedOrOtherCaseSenderName_IsHashedToo()
    {
        var creator = Payloads.Unique("pii-esc");
        var sender = $"viewer-{Guid.NewGuid():N}";
        var text = Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("bad", creator, quantity: 0).With("SENDERID", sender))
            .Replace("\"SENDERID\"", "\"sender\\u0049d\"", StringComparison.Ordinal);
        var message = await SendAndReceiveAsync(text, QueueMessageEncoding.None);

        await GiftsQueue.Run(message, CancellationToken.None);

        var payload = Assert.Single(await RejectedForMessageAsync(message.MessageId)).GetString("RawPayload");
        Assert.DoesNotContain(sender, payload, StringComparison.Ordinal);
        Assert.Contains(Hasher.Hash(sender), payload, StringComparison.Ordinal);
    }

    public static TheoryData<string, QueueMessageEncoding> UnreadableMessages() => new()
    {
        { "not an envelope", QueueMessageEncoding.None },
        { "not an envelope", QueueMessageEncoding.Base64 },
        { "truncated", QueueMessageEncoding.None },
        { "truncated", QueueMessageEncoding.Base64 },
        { "cut inside the sender", QueueMessageEncoding.None },
        { "sender not a string", QueueMessageEncoding.None },
    };

    [Theory]
    [MemberData(nameof(UnreadableMessages))]
    public async Task UnreadableMessage_KeptWholeWithNoSenderInClear(string shape, QueueMessageEncoding encoding)
    {
        var creator = Payloads.Unique("pii-whole");
        var sender = $"viewer-{Guid.NewGuid():N}";
        var gift = Payloads.Gift("g", creator).With("senderId", sender).ToJsonString();
        var text = shape switch
        {
            "not an envelope" => $"{{\"partnerId\":\"{PayoutsAppFixture.Partner}\",\"records\":{{\"nested\":[{gift}]}}}}",
            "truncated" => $"{{\"partnerId\":\"{PayoutsAppFixture.Partner}\",\"records\":[{gift}",
            "cut inside the sender" => $"{{\"partnerId\":\"{PayoutsAppFixture.Partner}\",\"records\":[{{\"creatorId\":\"{creator}\",\"senderId\":\"{sender}",
            _ => $"{{\"partnerId\":\"{PayoutsAppFixture.Partner}\",\"records\":[{{\"creatorId\":\"{creator}\",\"senderId\":{{\"id\":\"{sender}\"}}",
        };
        var message = await SendAndReceiveAsync(text, encoding);

        await GiftsQueue.Run(message, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var row = Assert.Single(await RejectedForMessageAsync(message.MessageId));
        var payload = row.GetString("RawPayload");
        Assert.Contains(creator, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(sender, payload, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(sender))[..16], payload, StringComparison.Ordinal);
        if (shape is "not an envelope" or "truncated")
        {
            Assert.Contains(Hasher.Hash(sender), payload, StringComparison.Ordinal);
        }
    }

    private IngestGiftsQueue GiftsQueue => ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services);

    private async Task<QueueMessage> SendAndReceiveAsync(string text, QueueMessageEncoding encoding)
    {
        var sender = new QueueClient(App.ConnectionString, QueueNames.GiftsInbound, new QueueClientOptions { MessageEncoding = encoding });
        await sender.SendMessageAsync(text);
        var receiver = new QueueClient(App.ConnectionString, QueueNames.GiftsInbound, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
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
