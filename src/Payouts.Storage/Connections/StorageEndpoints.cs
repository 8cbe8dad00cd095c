using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Payouts.Storage.Connections;

/// <summary>
/// Builds Table, Queue and Blob clients from one connection setting, in the shape Azure Functions uses:
/// a connection string (<c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> or Azurite's explicit endpoints), or
/// identity-based settings (<c>AzureWebJobsStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c>
/// or <c>__accountName</c>, plus <c>__credential=managedidentity</c> and <c>__clientId</c>).
/// </summary>
public sealed class StorageEndpoints
{
    private readonly string? _connectionString;
    private readonly Uri? _tableUri;
    private readonly Uri? _queueUri;
    private readonly Uri? _blobUri;
    private readonly TokenCredential? _credential;

    private StorageEndpoints(string? connectionString, Uri? tableUri, Uri? queueUri, Uri? blobUri, TokenCredential? credential)
    {
        _connectionString = connectionString;
        _tableUri = tableUri;
        _queueUri = queueUri;
        _blobUri = blobUri;
        _credential = credential;
    }

    public bool UsesConnectionString => _connectionString is not null;

    public static StorageEndpoints FromConnectionString(string connectionString) =>
        new(connectionString ?? throw new ArgumentNullException(nameof(connectionString)), null, null, null, null);

    public static StorageEndpoints FromConfiguration(IConfiguration configuration, string settingName, AzureComponentFactory components)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(settingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var account = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
            : null;

        var table = Endpoint("tableServiceUri", "table");
        var queue = Endpoint("queueServiceUri", "queue");
        var blob = Endpoint("blobServiceUri", "blob");
        if (table is null && queue is null && blob is null)
        {
            throw new InvalidOperationException(
                $"Storage setting '{settingName}' is missing: set it to a connection string, or set '{settingName}__tableServiceUri', " +
                $"'{settingName}__queueServiceUri' and '{settingName}__blobServiceUri' (or '{settingName}__accountName') with '{settingName}__credential'.");
        }

        return new StorageEndpoints(null, table, queue, blob, components.CreateTokenCredential(section));
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(Require(_tableUri, "tableServiceUri"), _credential, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(Require(_queueUri, "queueServiceUri"), _credential, options);

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(Require(_blobUri, "blobServiceUri"), _credential, options);

    private static Uri Require(Uri? uri, string name) =>
        uri ?? throw new InvalidOperationException($"The storage setting has no {name}.");
}
