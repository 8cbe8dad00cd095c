using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Payouts.Domain.Statements;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// The end-to-end id a transfer carries back to us on the bank's reports: the statement id, or, when that is longer
/// than the 35 characters ISO 20022 allows, the start of the creator id, a hash of the whole statement id, the period
/// and the version. Deterministic, so a regenerated file names its transfers the same way; the CSV maps both ways.
/// </summary>
public static class EndToEndId
{
    public const int MaxLength = 35;
    private const int HashLength = 10;

    public static string For(StatementId id)
    {
        var text = id.ToString();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
        var suffix = string.Create(CultureInfo.InvariantCulture, $"~{id.Period}~v{id.Version}");
        // The statement id is longer than 35, so the creator id is longer than the room left for it.
        var room = Math.Max(0, MaxLength - suffix.Length - HashLength - 1);
        var shortened = $"{id.CreatorId[..room]}.{hash}{suffix}";
        return shortened.Length <= MaxLength ? shortened : shortened[..MaxLength];
    }
}
