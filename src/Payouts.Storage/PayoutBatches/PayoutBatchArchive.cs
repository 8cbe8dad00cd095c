using System.Globalization;
using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Payouts.Application.PayoutBatches;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Periods;
using Payouts.Storage.PayoutDetails;
using Payouts.Storage.Statements;

namespace Payouts.Storage.PayoutBatches;

/// <summary>
/// Batch versions as blobs beside the statements, in the same write-once container:
/// <c>statements/payout-batches/{period}/v{nnnn}.json</c>, created with If-None-Match: * so two requests racing for the
/// same version store one, and none can ever be replaced. The documents (CSV, XML) are rendered from it on request.
/// </summary>
public sealed class PayoutBatchArchive(BlobServiceClient blobs, PayoutDetailsCipher cipher, PeriodCalendar calendar) : IPayoutBatchArchive
{
    public const string Prefix = "payout-batches/";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StatementDocuments.Container);

    public async Task<PayoutBatch?> GetLatestAsync(PeriodKey period, CancellationToken ct)
    {
        var latest = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, PeriodPrefix(period), ct))
        {
            latest = Math.Max(latest, VersionOf(blob.Name));
        }

        return latest == 0 ? null : await GetAsync(period, latest, ct);
    }

    public async Task<PayoutBatch?> GetAsync(PeriodKey period, int version, CancellationToken ct)
    {
        try
        {
            var content = (await _container.GetBlobClient(NameOf(period, version)).DownloadContentAsync(ct)).Value.Content;
            return PayoutBatchManifest.Read(content, cipher, calendar);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> TryCreateAsync(PayoutBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await _container.GetBlobClient(NameOf(batch.Period, batch.Version)).UploadAsync(
                new BinaryData(PayoutBatchManifest.ToUtf8(batch, cipher)),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private static string PeriodPrefix(PeriodKey period) => $"{Prefix}{period}/";

    private static string NameOf(PeriodKey period, int version) => string.Create(CultureInfo.InvariantCulture, $"{PeriodPrefix(period)}v{version:D4}.json");

    private static int VersionOf(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.Length > 6 && file[0] == 'v' && file.EndsWith(".json", StringComparison.Ordinal)
            && int.TryParse(file.AsSpan(1, file.Length - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }
}
