using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// Requests that are not a valid, authenticated batch: each gets a 4xx problem document (never a 5xx), nothing is
/// written, and a valid batch right after is still accepted.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileRequestTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Theory]
    [MemberData(nameof(HostileBodies.All), MemberType = typeof(HostileBodies))]
    public async Task HostileBody_Is4xxProblemNothingWritten(string name, string template)
    {
        var creator = Payloads.Unique("body");
        var response = await PostGiftsAsync(template.Replace("{C}", creator, StringComparison.Ordinal), partnerHeader: PayoutsAppFixture.Partner);

        await AssertRefusedAsync(response, creator, name);
    }

    public static TheoryData<string, string?, int> Signatures() => new()
    {
        { "missing", null, 0 },
        { "garbage", "abc", 0 },
        { "empty parts", "t=,v1=", 0 },
        { "no time", "v1=00", 0 },
        { "time not a number", "t=abc,v1=00", 0 },
        { "huge time", "t=99999999999999999999,v1=00", 0 },
        { "wrong secret", "secret:not-the-partner-secret-000000000000", 0 },
        { "other partner's secret", $"secret:{PayoutsAppFixture.OtherPartnerSecret}", 0 },
        { "expired", "secret", -6 },
        { "from the future", "secret", 6 },
        { "signature of another body", "other-body", 0 },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public async Task BadSignature_Is401ProblemNothingWritten(string name, string? signature, int minutesOff)
    {
        var creator = Payloads.Unique("sig");
        var body = Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("s", creator));
        var request = HttpCall.Request(body, secret: null, Now);
        var signedAt = Now + Duration.FromMinutes(minutesOff);
        var header = signature switch
        {
            null => null,
            "secret" => PayloadSignature.Create(Encoding.UTF8.GetBytes(body), PayoutsAppFixture.PartnerSecret, signedAt),
            "other-body" => PayloadSignature.Create(Encoding.UTF8.GetBytes(body + " "), PayoutsAppFixture.PartnerSecret, signedAt),
            _ when signature.StartsWith("secret:", StringComparison.Ordinal) => PayloadSignature.Create(Encoding.UTF8.GetBytes(body), signature["secret:".Length..], signedAt),
            _ => signature,
        };
        if (header is not null)
        {
            request.Headers[PayloadSignature.HeaderName] = header;
        }

        var response = await HttpCall.ExecuteAsync<Functions.Ingestion.IngestGiftsHttp>(request, await GiftsFunction.Run(request, CancellationToken.None));

        Assert.Equal(401, response.Status);
        await AssertRefusedAsync(response, creator, name);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data")]
    [InlineData("")]
    [InlineData("application/json-patch+json")]
    public async Task WrongMediaType_Is415(string contentType)
    {
        var creator = Payloads.Unique("media");

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("m", creator)), contentType: contentType);

        Assert.Equal(415, response.Status);
        await AssertRefusedAsync(response, creator, contentType);
    }

    [Fact]
    public async Task OversizeBody_Is413()
    {
        var creator = Payloads.Unique("big");
        var padding = new string(' ', 4 * 1024 * 1024);

        var response = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("b", creator)) + padding);

        Assert.Equal(413, response.Status);
        await AssertRefusedAsync(response, creator, "oversize");
    }

    [Theory]
    [InlineData("unknown-partner")]
    [InlineData(PayoutsAppFixture.OtherPartner)]
    public async Task BodyNamesAnotherPartnerThanTheSigner_IsRefused(string bodyPartner)
    {
        var creator = Payloads.Unique("who");

        var response = await PostGiftsAsync(Payloads.Envelope(bodyPartner, Payloads.Gift("w", creator)), partnerHeader: PayoutsAppFixture.Partner);

        Assert.Equal(403, response.Status);
        await AssertRefusedAsync(response, creator, bodyPartner);
    }

    [Fact]
    public async Task UnknownPartner_Is401()
    {
        var creator = Payloads.Unique("stranger");

        var response = await PostGiftsAsync(Payloads.Envelope("stranger", Payloads.Gift("x", creator)), secret: "a-made-up-secret-00000000000000000000");

        Assert.Equal(401, response.Status);
        await AssertRefusedAsync(response, creator, "stranger");
    }

    [Theory]
    [MemberData(nameof(HostileBodies.All), MemberType = typeof(HostileBodies))]
    public async Task HostileQueueMessage_IsKeptWithItsReasonNeverThrown(string name, string template)
    {
        var creator = Payloads.Unique("qbody");
        var text = template.Replace("{C}", creator, StringComparison.Ordinal);
        if (Encoding.UTF8.GetByteCount(text) > 48 * 1024)
        {
            return; // a queue cannot carry it (64 KiB per message): the HTTP theory covers the shape.
        }

        // XML cannot carry a NUL, so such a message travels base64-encoded (the handler accepts both).
        var encoding = text.Contains('\0', StringComparison.Ordinal) ? Azure.Storage.Queues.QueueMessageEncoding.Base64 : Azure.Storage.Queues.QueueMessageEncoding.None;
        var sender = new Azure.Storage.Queues.QueueClient(App.ConnectionString, QueueNames.GiftsInbound, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = encoding });
        await sender.SendMessageAsync(text);
        var queue = new Azure.Storage.Queues.QueueClient(App.ConnectionString, QueueNames.GiftsInbound);
        Azure.Storage.Queues.Models.QueueMessage[] received = await queue.ReceiveMessagesAsync(maxMessages: 1);
        var message = Assert.Single(received);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        await ActivatorUtilities.CreateInstance<IngestGiftsQueue>(App.Services).Run(message, CancellationToken.None);

        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));
        var day = Now.InUtc().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(await RowsAsync(TableNames.IngestRejected, day), r => r.GetString("MessageId")?.StartsWith(message.MessageId, StringComparison.Ordinal) == true);
        _ = name;
    }

    private async Task AssertRefusedAsync(HttpCall.Response response, string creator, string caseName)
    {
        Assert.InRange(response.Status, 400, 499);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.Body.GetProperty("detail").GetString()), caseName);
        Assert.Empty(await RowsOfCreatorAsync(TableNames.Gifts, creator));

        var healthy = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("after", creator)));
        Assert.Equal(["accepted"], healthy.Statuses);
    }
}
