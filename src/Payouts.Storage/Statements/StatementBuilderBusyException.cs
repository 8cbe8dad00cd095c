namespace Payouts.Storage.Statements;

/// <summary>Thrown so the queue host retries a job whose creator was leased by another builder.</summary>
public sealed class StatementBuilderBusyException : Exception
{
    public StatementBuilderBusyException()
    {
    }

    public StatementBuilderBusyException(string message)
        : base(message)
    {
    }

    public StatementBuilderBusyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
