using System.Diagnostics.CodeAnalysis;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// One thing an agency statement was built from: a creator statement version with its content hash
/// ("lea~2026-11~v2@3f…"), or a creator blocked in the period ("lea@blocked"). The set of sources is what decides
/// whether an agency statement is still current: any change on the creator side gives another set, and a new version.
/// </summary>
public sealed record AgencyStatementSource
{
    private const char Separator = '@';
    private const string BlockedMark = "blocked";

    private AgencyStatementSource(string creatorId, StatementId? statement, string? contentHash)
    {
        CreatorId = creatorId;
        Statement = statement;
        ContentHash = contentHash;
    }

    public string CreatorId { get; }

    /// <summary>The creator statement version; null for a blocked creator.</summary>
    public StatementId? Statement { get; }

    public string? ContentHash { get; }

    public bool IsBlocked => Statement is null;

    public static AgencyStatementSource Of(StatementId statement, string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        return new(statement.CreatorId, statement, contentHash);
    }

    public static AgencyStatementSource Blocked(string creatorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(creatorId);
        return new(creatorId, null, null);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out AgencyStatementSource? source)
    {
        source = null;
        var at = text?.LastIndexOf(Separator) ?? -1;
        if (at <= 0 || at == text!.Length - 1)
        {
            return false;
        }

        var (left, right) = (text[..at], text[(at + 1)..]);
        if (right == BlockedMark)
        {
            source = TextRules.IsIdentifier(left) ? Blocked(left) : null;
        }
        else if (StatementId.TryParse(left, out var statement) && right.All(char.IsAsciiHexDigitLower))
        {
            source = Of(statement, right);
        }

        return source is not null;
    }

    /// <summary>The sources as one canonical set: sorted, without repeats.</summary>
    public static IReadOnlyList<AgencyStatementSource> Canonical(IEnumerable<AgencyStatementSource> sources) =>
        [.. sources.DistinctBy(s => s.ToString()).OrderBy(s => s.ToString(), StringComparer.Ordinal)];

    /// <summary>Whether two source lists name the same creator statements and blocked creators, in any order.</summary>
    public static bool SameSet(IEnumerable<AgencyStatementSource> left, IEnumerable<AgencyStatementSource> right) =>
        Canonical(left).Select(s => s.ToString()).SequenceEqual(Canonical(right).Select(s => s.ToString()), StringComparer.Ordinal);

    public override string ToString() => $"{(Statement is { } s ? s.ToString() : CreatorId)}{Separator}{ContentHash ?? BlockedMark}";
}
