using Microsoft.AspNetCore.Http;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Security;

/// <summary>An admin body is counted while it is read: a long one is refused without being held, whatever its length header says.</summary>
[Collection(AppCollection.Name)]
public sealed class AdminBodyLimitTests(PayoutsAppFixture app) : AppTestBase(app)
{
    [Fact]
    public async Task EndlessBodyWithoutALengthHeader_Is413AfterReadingLittleMoreThanTheLimit()
    {
        var body = new CountingStream(length: 64L * 1024 * 1024);
        var request = AdminRequest(body, contentLength: null);

        var response = await HttpCall.ExecuteAsync<PutAgencyHttp>(request, await Function<PutAgencyHttp>().Run(request, Payloads.Unique("big"), CancellationToken.None));

        Assert.Equal(413, response.Status);
        Assert.True(body.BytesRead < 2 * AdminBody.MaxBytes, $"{body.BytesRead:N0} bytes read");
    }

    [Fact]
    public async Task LengthHeaderOverTheLimit_Is413WithoutReading()
    {
        var body = new CountingStream(length: 1024 * 1024);
        var request = AdminRequest(body, contentLength: 1024 * 1024);

        var response = await HttpCall.ExecuteAsync<PutAgencyHttp>(request, await Function<PutAgencyHttp>().Run(request, Payloads.Unique("big"), CancellationToken.None));

        Assert.Equal(413, response.Status);
        Assert.Equal(0, body.BytesRead);
    }

    private static HttpRequest AdminRequest(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    private T Function<T>() where T : class => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<T>(App.Services);

    /// <summary>A body of spaces that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
