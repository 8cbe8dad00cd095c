using System.Globalization;
using Microsoft.AspNetCore.Http;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Http;

/// <summary>
/// <c>?pageSize=</c> (1–<see cref="MaxPageSize"/>, default <see cref="DefaultPageSize"/>) and <c>?continuationToken=</c>
/// of a listing route, read and checked in one place; a bad value is a 400 problem naming the parameter.
/// </summary>
public sealed record PageRequest(int PageSize, string? AfterRowKey)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>Null with <paramref name="page"/> set, or the problem to answer.</summary>
    public static ProblemResult? TryRead(HttpRequest request, string scope, Func<string, bool> isRowKey, out PageRequest page)
    {
        page = new PageRequest(DefaultPageSize, null);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var sizeText = request.Query["pageSize"].ToString();
        var size = DefaultPageSize;
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"must be a whole number from 1 to {MaxPageSize}"];
        }

        var token = request.Query["continuationToken"].ToString();
        string? after = null;
        if (token.Length > 0 && !PageToken.TryDecode(token, scope, isRowKey, out after!))
        {
            errors["continuationToken"] = ["is not a continuation token of this list: pass the continuationToken of the previous page as given"];
        }

        if (errors.Count > 0)
        {
            return ProblemResult.BadRequest("The page request is not valid.", errors);
        }

        page = new PageRequest(size, after);
        return null;
    }
}
