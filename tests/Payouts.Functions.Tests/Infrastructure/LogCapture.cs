using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every entry, at every level and category, while a test records: the rendered message,
/// each structured value and the exception. Off (the default) it costs nothing: its loggers report disabled.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();
    private volatile bool _recording;

    public IReadOnlyCollection<string> Entries => _entries;

    /// <summary>Starts recording (earlier entries are dropped); disposing the result stops it.</summary>
    public IDisposable Record()
    {
        _entries.Clear();
        _recording = true;
        return new Stop(this);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Stop(LogCapture capture) : IDisposable
    {
        public void Dispose() => capture._recording = false;
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => capture._recording;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!capture._recording)
            {
                return;
            }

            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            capture._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}
