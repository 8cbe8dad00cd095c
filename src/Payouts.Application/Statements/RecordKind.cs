namespace Payouts.Application.Statements;

/// <summary>The two record families partners send; each has its own table and id space.</summary>
public enum RecordKind
{
    Gift,
    Deal,
}
