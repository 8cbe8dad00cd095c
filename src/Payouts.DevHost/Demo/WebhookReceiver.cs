using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Domain.Signing;

namespace Payouts.DevHost.Demo;

/// <summary>
/// An agency's webhook endpoint, for the demo: <c>POST /webhooks/{agencyId}</c> verifies <c>Payouts-Signature</c> with
/// the agency's secret (answering 401 when it does not verify, so the outbox would retry) and keeps each delivery once
/// by <c>Payouts-Delivery-Id</c>: creator statements (<c>statement.issued</c>) and agency statements (<c>agencyStatement.issued</c>).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries.Values.ToList();

    public int Refused { get; private set; }

    public static async Task<WebhookReceiver> StartAsync(Func<string, IReadOnlyList<string>> secretsOf, TimeProvider clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhooks/{agencyId}", async (HttpContext context, string agencyId) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            var check = PayloadSignature.Verify(
                context.Request.Headers[PayloadSignature.HeaderName], body, secretsOf(agencyId), Instant.FromDateTimeOffset(clock.GetUtcNow()), PayloadSignature.DefaultTolerance);
            if (check != SignatureCheck.Valid)
            {
                receiver.Refused++;
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"Signature {check}");
            }

            using var json = JsonDocument.Parse(body);
            var deliveryId = context.Request.Headers["Payouts-Delivery-Id"].ToString();
            receiver._deliveries.TryAdd(deliveryId, new Delivery(
                deliveryId, agencyId, context.Request.Headers["Payouts-Event"].ToString(), (json.RootElement.TryGetProperty("agencyStatementId", out var agencyStatement) ? agencyStatement : json.RootElement.GetProperty("statementId")).GetString()!, json.RootElement.Clone()));
            return Results.Ok();
        });
        await app.StartAsync(ct);
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return receiver;
    }

    public Uri UrlFor(string agencyId) => new(BaseAddress, $"webhooks/{agencyId}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Delivery(string DeliveryId, string AgencyId, string Event, string StatementId, JsonElement Body);
}
