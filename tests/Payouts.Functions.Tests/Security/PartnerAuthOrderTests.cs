using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Functions.Http;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Security;

/// <summary>Bounded read, then the signature, then parsing; unknown partners cost what known ones cost; a replay changes nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class PartnerAuthOrderTests(PayoutsAppFixture app) : AppTestBase(app)
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"partnerId\":\"x\",\"records\":[]}");

    [Fact]
    public void UnknownPartner_CostsTheSameHmacWorkAsAKnownPartnerWithAWrongSignature()
    {
        var authenticator = App.Services.GetRequiredService<PartnerAuthenticator>();
        var header = PayloadSignature.Create(Body, "a-guess-at-some-partners-secret-0000", Now);

        var known = authenticator.Verify(PayoutsAppFixture.Partner, header, Body);
        var knownWithOneSecret = authenticator.Verify(PayoutsAppFixture.OtherPartner, header, Body);
        var unknown = authenticator.Verify("no-such-partner", header, Body);

        Assert.Equal(SignatureCheck.Mismatch, known.Check);
        Assert.Equal(SignatureCheck.Mismatch, unknown.Check);
        Assert.Equal(PartnerAuthenticator.SecretsTried, known.HmacsComputed);
        Assert.Equal(known.HmacsComputed, knownWithOneSecret.HmacsComputed);
        Assert.Equal(known.HmacsComputed, unknown.HmacsComputed);
    }

    [Fact]
    public async Task UnknownPartner_GetsTheSameAnswerAsAWrongSignature()
    {
        var creator = Payloads.Unique("who");
        var wrongSecret = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("a", creator)), secret: "a-guess-at-some-partners-secret-0000");
        var unknown = await PostGiftsAsync(Payloads.Envelope("no-such-partner", Payloads.Gift("a", creator)), secret: "a-guess-at-some-partners-secret-0000");

        Assert.Equal(401, unknown.Status);
        Assert.Equal(wrongSecret.Status, unknown.Status);
        Assert.Equal(wrongSecret.Text, unknown.Text);
    }

    [Fact]
    public async Task UnsignedBody_IsRefusedWithoutBeingParsed()
    {
        // Two million array elements: parsing them would allocate far more than the body itself (a JsonDocument
        // keeps 12 bytes a token), reading and scanning for the partner id allocate about the body's size.
        var records = string.Join(',', Enumerable.Repeat("1", 2_000_000));
        var bytes = Encoding.UTF8.GetBytes($"{{\"partnerId\":\"{PayoutsAppFixture.Partner}\",\"records\":[{records}]}}");
        var request = HttpCall.Request(bytes, secret: "a-guess-at-some-partners-secret-0000", Now);
        var function = GiftsFunction;

        // Everything up to the refusal runs on this thread (a MemoryStream body completes synchronously).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = function.Run(request, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var result = await task;

        Assert.Equal(401, Assert.IsType<ProblemResult>(result).Status);
        Assert.True(allocated < 3L * bytes.Length, $"{allocated:N0} bytes allocated for a {bytes.Length:N0}-byte body");
    }

    [Fact]
    public async Task ReplayInsideTheWindow_AfterThePeriodTurned_MarksNothingAndIsAllDuplicates()
    {
        var before = App.Time.GetUtcNow();
        try
        {
            // Sent two minutes before midnight in Paris at the end of a month, replayed two minutes after it.
            var creator = Payloads.Unique("replay");
            var signedAt = Instant.FromUtc(2039, 1, 31, 22, 58);
            App.Time.AdjustTime(signedAt.ToDateTimeOffset());
            var body = Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("r1", creator, occurredAt: "2039-01-31T23:50:00+01:00"));
            Assert.Equal(["accepted"], (await PostGiftsAsync(body, signedAt: signedAt)).Statuses);

            App.Time.AdjustTime((signedAt + Duration.FromMinutes(4)).ToDateTimeOffset());
            var replay = await PostGiftsAsync(body, signedAt: signedAt);

            Assert.Equal(["duplicate"], replay.Statuses);
            Assert.Contains(await RowsAsync(TableNames.Activity, "2039-01"), r => r.RowKey == $"{creator}|2039-01");
            Assert.DoesNotContain(await RowsAsync(TableNames.Activity, "2039-02"), r => r.RowKey.StartsWith(creator, StringComparison.Ordinal));
        }
        finally
        {
            App.Time.AdjustTime(before);
        }
    }
}
