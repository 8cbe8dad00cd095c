using System.Net;
using System.Net.Sockets;

namespace Payouts.Storage.Outbox;

/// <summary>
/// Which addresses a webhook may never reach from inside the platform: loopback, private (RFC 1918, CGNAT),
/// link-local, unique-local, multicast, reserved and unspecified ranges, and the cloud metadata and platform
/// endpoints, in IPv4 and IPv6 (IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they carry).
/// </summary>
public static class EgressAddress
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),          // "this network", unspecified
        (IPAddress.Parse("10.0.0.0"), 8),         // private
        (IPAddress.Parse("100.64.0.0"), 10),      // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),        // loopback
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local, with the metadata endpoint 169.254.169.254
        (IPAddress.Parse("168.63.129.16"), 32),   // Azure platform (wire server)
        (IPAddress.Parse("172.16.0.0"), 12),      // private
        (IPAddress.Parse("192.0.0.0"), 24),       // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),       // documentation
        (IPAddress.Parse("192.88.99.0"), 24),     // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),     // private
        (IPAddress.Parse("198.18.0.0"), 15),      // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),    // documentation
        (IPAddress.Parse("203.0.113.0"), 24),     // documentation
        (IPAddress.Parse("224.0.0.0"), 4),        // multicast
        (IPAddress.Parse("240.0.0.0"), 4),        // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.Parse("::"), 128),             // unspecified
        (IPAddress.Parse("::1"), 128),            // loopback
        (IPAddress.Parse("::"), 96),              // IPv4-compatible (deprecated)
        (IPAddress.Parse("100::"), 64),           // discard-only
        (IPAddress.Parse("2001::"), 23),          // IETF protocol assignments (Teredo, ORCHID, …)
        (IPAddress.Parse("2001:db8::"), 32),      // documentation
        (IPAddress.Parse("fc00::"), 7),           // unique-local, with the fd00:ec2::254 metadata endpoint
        (IPAddress.Parse("fe80::"), 10),          // link-local
        (IPAddress.Parse("fec0::"), 10),          // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),           // multicast
    ];

    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");
    private static readonly IPAddress SixToFour = IPAddress.Parse("2002::");

    /// <summary>True when a webhook must not connect to <paramref name="address"/>.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsBlocked(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return BlockedV4.Any(r => InRange(address, r.Network, r.Prefix));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        if (InRange(address, Nat64, 96))
        {
            return IsBlocked(new IPAddress(bytes[12..16]));
        }

        if (InRange(address, SixToFour, 16))
        {
            return IsBlocked(new IPAddress(bytes[2..6]));
        }

        return BlockedV6.Any(r => InRange(address, r.Network, r.Prefix));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var (a, n) = (address.GetAddressBytes(), network.GetAddressBytes());
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
