namespace Payouts.Storage.Configuration;

/// <summary>
/// Section <c>Payouts:Admin</c>. In Azure the Bicep turns <see cref="RequireEntraRole"/> on together with App Service
/// authentication: an admin route then needs a signed-in Entra ID caller holding <see cref="OperatorRole"/>, on top of
/// the master key (docs/operations.md, "Admin access").
/// </summary>
public sealed class AdminOptions
{
    public bool RequireEntraRole { get; set; }

    /// <summary>The app role (its value) an operator is assigned in the app registration.</summary>
    public string OperatorRole { get; set; } = "Payouts.Operator";
}
