namespace Payouts.Application.Statements;

/// <summary>
/// A builder's hold on one creator's statements, renewed while it lives. Writes fenced by it fail once it has expired
/// and been taken over; <see cref="Lost"/> is cancelled as soon as that is known. Disposing releases it.
/// </summary>
public interface ICreatorLease : IAsyncDisposable
{
    string CreatorId { get; }

    CancellationToken Lost { get; }

    bool IsLost { get; }
}
