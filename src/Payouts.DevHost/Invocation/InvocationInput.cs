using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.DevHost.Invocation;

/// <summary>What a trigger hands to one invocation: the HTTP context, the queue message or the timer info.</summary>
public sealed record InvocationInput
{
    public HttpContext? Http { get; init; }

    public QueueMessage? Message { get; init; }

    public TimerInfo? Timer { get; init; }

    public static InvocationInput ForHttp(HttpContext http) => new() { Http = http };

    public static InvocationInput ForMessage(QueueMessage message) => new() { Message = message };

    public static InvocationInput ForTimer(TimerInfo timer) => new() { Timer = timer };
}
