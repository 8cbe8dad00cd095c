namespace Payouts.Functions.Admin;

/// <summary>Admin routes need the host's admin key: they change money-relevant reference data or close periods.</summary>
internal static class AdminFunctions
{
    public const Microsoft.Azure.Functions.Worker.AuthorizationLevel Level = Microsoft.Azure.Functions.Worker.AuthorizationLevel.Admin;
}
