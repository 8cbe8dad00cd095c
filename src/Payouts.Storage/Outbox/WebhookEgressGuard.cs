using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Payouts.Storage.Configuration;

namespace Payouts.Storage.Outbox;

/// <summary>
/// Where a webhook may go. A URL is checked when an agency is saved and again before each send (scheme, credentials,
/// literal addresses, localhost names); the address a connection is actually made to is checked in the socket
/// handler's connect callback, after DNS, so a name that resolves (or is re-pointed) to a private or metadata address
/// is refused at send time too.
/// </summary>
public sealed class WebhookEgressGuard(IOptionsMonitor<PayoutsOptions> options)
{
    private WebhookEgressOptions Rules => options.CurrentValue.WebhookEgress;

    /// <summary>Why a webhook may not be sent to <paramref name="url"/>; null when it may (as far as the URL tells).</summary>
    public string? UrlProblem(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return "must be an absolute https URL";
        }

        if (url.Scheme == "http" && !Rules.AllowHttp)
        {
            return "must be https";
        }

        if (url.UserInfo.Length > 0)
        {
            return "must not carry credentials (webhooks are signed)";
        }

        if (Rules.AllowPrivateAddresses)
        {
            return null;
        }

        var host = url.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "must not point at this machine";
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && EgressAddress.IsBlocked(literal)
            ? "must not point at a loopback, private, link-local or metadata address"
            : null;
    }

    /// <summary>The webhook client's connect callback: resolves the host, refuses blocked addresses, connects to an allowed one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);

        // A name with any blocked address is refused as a whole: picking its public one would leave the choice to DNS.
        if (addresses.Length == 0 || (!Rules.AllowPrivateAddresses && addresses.Any(EgressAddress.IsBlocked)))
        {
            throw new WebhookTargetRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook target the egress rules do not allow: never retried, shown as <c>target-refused</c>.</summary>
public sealed class WebhookTargetRefusedException() : Exception("The webhook target's address is not allowed.");
