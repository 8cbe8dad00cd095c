using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Payouts.Load.Infrastructure;

/// <summary>Prints the app's warnings and errors (rare under a clean load: repairs, busy creators, failures) and counts them.</summary>
internal sealed class WarningLog : ILoggerProvider
{
    private int _count;

    public int Count => _count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(WarningLog owner, string category) : ILogger
    {
        private static readonly ConcurrentDictionary<string, int> PerCategory = new(StringComparer.Ordinal);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            Interlocked.Increment(ref owner._count);

            // The first few of each category are enough to see what happened.
            if (PerCategory.AddOrUpdate(category, 1, (_, n) => n + 1) <= 5)
            {
                Console.Error.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " — " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
