using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.PayoutBatches;
using Payouts.Domain.PayoutDetails;
using Payouts.Storage.Tables;

namespace Payouts.Storage.PayoutDetails;

/// <summary>
/// Table PayoutDetails, one row per creator (PartitionKey = creatorId, RowKey = "current"): method, BIC, the IBAN and
/// the holder's name sealed with <see cref="PayoutDetailsCipher"/> (context: creator and field), the key's id, and
/// who set them when. A PUT replaces the row: payouts go to the account known now; batches already handed out keep
/// the details they were made with (their manifests seal their own copy).
/// </summary>
public sealed class PayoutDetailsStore(CreatorTables tables, PayoutDetailsCipher cipher) : IPayoutDetailsRepository
{
    private const string CurrentRow = "current";

    public async Task PutAsync(CreatorPayoutDetails details, string updatedBy, Instant at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        var sealedDetails = SealedPayoutDetails.Seal(cipher, details, Context(details.CreatorId));
        var row = new TableEntity(details.CreatorId, CurrentRow)
        {
            ["Method"] = sealedDetails.Method,
            ["IbanSealed"] = sealedDetails.Iban,
            ["Bic"] = sealedDetails.Bic,
            ["HolderSealed"] = sealedDetails.Holder,
            ["KeyId"] = cipher.KeyId,
            ["UpdatedAt"] = at.ToDateTimeOffset(),
            ["UpdatedBy"] = updatedBy,
        };
        await tables.PayoutDetails(details.CreatorId).UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<StoredPayoutDetails?> GetAsync(string creatorId, CancellationToken ct)
    {
        var row = await tables.PayoutDetails(creatorId).GetEntityIfExistsAsync<TableEntity>(creatorId, CurrentRow, cancellationToken: ct);
        return row.HasValue ? ToStored(row.Value!) : null;
    }

    public async Task<IReadOnlyDictionary<string, CreatorPayoutDetails>> GetManyAsync(IReadOnlyCollection<string> creatorIds, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, CreatorPayoutDetails>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForEachAsync(creatorIds.Distinct(StringComparer.Ordinal), options, async (creatorId, token) =>
        {
            if (await GetAsync(creatorId, token) is { } stored)
            {
                found[creatorId] = stored.Details;
            }
        });

        return found;
    }

    private StoredPayoutDetails ToStored(TableEntity row)
    {
        var keyId = row.GetString("KeyId");
        if (!string.Equals(keyId, cipher.KeyId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The payout details of {row.PartitionKey} were sealed with key {keyId}, not the configured Payouts:PayoutDetailsKey ({cipher.KeyId}).");
        }

        var sealedDetails = new SealedPayoutDetails(row.GetString("Method"), row.GetString("IbanSealed"), row.GetString("Bic"), row.GetString("HolderSealed"));
        return new StoredPayoutDetails(
            sealedDetails.Open(cipher, row.PartitionKey, Context(row.PartitionKey)),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt") ?? default),
            row.GetString("UpdatedBy"));
    }

    private static string Context(string creatorId) => $"payout-details|{creatorId}";
}
