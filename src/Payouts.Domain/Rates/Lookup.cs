using System.Diagnostics.CodeAnalysis;

namespace Payouts.Domain.Rates;

/// <summary>
/// The outcome of looking up reference data: the value, or why there is none. A missing rate is an outcome the
/// caller must handle (it blocks a statement); it is never replaced by a default.
/// </summary>
public readonly struct Lookup<T>
    where T : class
{
    private Lookup(T? value, string? missingReason)
    {
        Value = value;
        MissingReason = missingReason;
    }

    public T? Value { get; }

    public string? MissingReason { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(MissingReason))]
    public bool IsFound => Value is not null;

    public static Lookup<T> Found(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static Lookup<T> Missing(string reason) => new(null, reason);
}
