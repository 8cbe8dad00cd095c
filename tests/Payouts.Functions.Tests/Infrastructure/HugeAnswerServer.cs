using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// A raw loopback HTTP/1.1 server that answers every request 200 with a huge body and counts the bytes the socket
/// accepted: once the client stops reading and closes, sends fail, so the count is what the client read plus the
/// kernel's buffers (a web server would drop writes after a hang-up and count them as sent).
/// </summary>
public sealed class HugeAnswerServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _bodyBytesSent;
    private int _requests;

    public HugeAnswerServer(long bodyBytes)
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks");
        _loop = Task.Run(() => ServeAsync(bodyBytes));
    }

    public Uri Url { get; }

    public long BodyBytesSent => Interlocked.Read(ref _bodyBytesSent);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>True once no answer is being written any more.</summary>
    public bool Idle { get; private set; } = true;

    private async Task ServeAsync(long bodyBytes)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Idle = false;
            var stream = client.GetStream();
            await ReadRequestAsync(stream);
            Interlocked.Increment(ref _requests);
            var chunk = new byte[64 * 1024];
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {bodyBytes}\r\nContent-Type: application/octet-stream\r\n\r\n"), _stop.Token);
                for (var left = bodyBytes; left > 0; left -= chunk.Length)
                {
                    var n = (int)Math.Min(chunk.Length, left);
                    await stream.WriteAsync(chunk.AsMemory(0, n), _stop.Token);
                    Interlocked.Add(ref _bodyBytesSent, n);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up: what it took is counted.
            }

            Idle = true;
        }
    }

    /// <summary>Reads the request head and its Content-Length body.</summary>
    private static async Task ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}
