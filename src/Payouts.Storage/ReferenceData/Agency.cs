namespace Payouts.Storage.ReferenceData;

public sealed record Agency(string AgencyId, string? Name, Uri? WebhookUrl);
