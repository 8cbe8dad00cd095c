using Microsoft.AspNetCore.Http;

namespace Payouts.Functions.Http;

/// <summary>
/// A yes/no query parameter such as <c>?force=true</c>: absent or <c>false</c> is no, <c>true</c> is yes (any case), and
/// anything else is a 400 naming it. A mistyped <c>?force=yes</c> must not quietly mean "no".
/// </summary>
public static class QueryFlag
{
    /// <summary>Null with <paramref name="value"/> set, or the problem to answer.</summary>
    public static ProblemResult? TryRead(HttpRequest request, string name, out bool value)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = false;
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 1 && bool.TryParse(values[0], out value))
        {
            return null;
        }

        return ProblemResult.BadRequest($"The query parameter {name} is not valid.", new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [name] = ["must be true or false, once"],
        });
    }
}
