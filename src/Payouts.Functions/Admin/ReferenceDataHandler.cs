using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Http;
using Payouts.Storage.Outbox;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Statements;

namespace Payouts.Functions.Admin;

/// <summary>
/// Creators' contracts, rates and agencies: validated, then stored. Contracts and rates are history: each version is
/// insert-only (the same version again is a 200 that changes nothing, other content for it a 409), and a rate that
/// would apply inside an issued period needs <c>?force=true</c> and a <c>reason</c> (docs/operations.md).
/// </summary>
public sealed class ReferenceDataHandler(ContractStore contracts, RatePublisher rates, AgencyStore agencies, RateBookCache rateCache, WebhookEgressGuard egress, AdminCaller caller)
{
    private const int MaxReasonLength = AdminCaller.MaxReasonLength;

    public async Task<IActionResult> PutCreatorAsync(HttpRequest request, string creatorId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!TextRules.IsIdentifier(creatorId))
        {
            body.Errors.Add("creatorId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        var from = body.Date("effectiveFrom");
        var region = body.Identifier("region");
        var currencyCode = body.String("payoutCurrency");
        var currency = currencyCode is not null && Currency.TryFromCode(currencyCode, out var c) ? c : null;
        if (currencyCode is not null && currency is null)
        {
            body.Errors.Add("payoutCurrency", "must be a supported ISO 4217 code");
        }

        var agencyId = body.Identifier("agencyId", required: false);
        var gifts = body.Decimal("commissionGifts", 0, 1);
        var deals = body.Decimal("commissionDeals", 0, 1);
        var bonuses = body.Decimal("commissionBonuses", 0, 1);
        var minimum = body.Decimal("minimumPayout", 0, 1_000_000);
        var withholding = body.Decimal("withholding", 0, 1, required: false) ?? 0m;
        var displayName = body.String("displayName", required: false);
        foreach (var problem in displayName is null ? Enumerable.Empty<string>() : TextRules.DisplayNameProblems(displayName))
        {
            body.Errors.Add("displayName", problem);
        }
        if (agencyId is null)
        {
            foreach (var (field, rate) in new[] { ("commissionGifts", gifts), ("commissionDeals", deals), ("commissionBonuses", bonuses) })
            {
                if (rate is > 0m)
                {
                    body.Errors.Add(field, "must be 0 without an agencyId: there is no agency to pay the commission to");
                }
            }
        }

        if (currency is not null && minimum is { } m && !Money.TryFromExact(m, currency, out _))
        {
            body.Errors.Add("minimumPayout", $"has more decimals than {currency.Code} allows");
        }

        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The contract is not valid.", body.Errors.ToDictionary());
        }

        var contract = new CreatorContract(
            creatorId, region!, currency!, agencyId, new CommissionRates(new Share(gifts!.Value), new Share(deals!.Value), new Share(bonuses!.Value)),
            Money.Round(minimum!.Value, currency!), new Share(withholding))
        {
            DisplayName = displayName,
        };
        var version = new Versioned<CreatorContract>($"{creatorId}@{from:yyyy-MM-dd}", from!.Value, contract);
        if (await contracts.AddAsync(version, ct) == VersionWrite.Conflict)
        {
            return new ProblemResult(
                StatusCodes.Status409Conflict, ProblemTypes.ContractVersionExists, "Contract version exists.",
                $"{creatorId} already has a contract version from {from:yyyy-MM-dd} with other terms. A stored version never changes: " +
                "put the new terms with a new effectiveFrom, the day they start.");
        }

        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("creatorId", creatorId);
            w.WriteString("contractVersion", version.VersionId);
            w.WriteEndObject();
        });
    }

    public async Task<IActionResult> PutRateAsync(HttpRequest request, CancellationToken ct)
    {
        if (QueryFlag.TryRead(request, "force", out var force) is { } badForce)
        {
            return badForce;
        }

        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var kindText = body.String("kind");
        RateKind? kind = Enum.TryParse<RateKind>(kindText, ignoreCase: true, out var k) ? k : null;
        if (kindText is not null && kind is null)
        {
            body.Errors.Add("kind", "must be diamondsPerCoin, usdPerDiamond, usdPerCoinReference or fx");
        }

        var key = body.String("key", required: false) ?? string.Empty;
        var from = body.Date("from");
        var value = body.Decimal("value", 0.000000001m, 1_000_000m);
        var versionId = body.Identifier("versionId");
        var reason = force ? body.String("reason", required: false)?.Trim() : null;
        if (force && string.IsNullOrEmpty(reason))
        {
            body.Errors.Add("reason", "is required with ?force=true: why the rate must apply inside an issued period");
        }
        else if (reason is { Length: > MaxReasonLength })
        {
            body.Errors.Add("reason", $"must be at most {MaxReasonLength} characters");
        }

        if (kind == RateKind.Fx && (key.Split('/') is not [var a, var b] || !Currency.TryFromCode(a, out _) || !Currency.TryFromCode(b, out _)))
        {
            body.Errors.Add("key", "an FX pair such as USD/EUR");
        }
        else if (kind is RateKind.DiamondsPerCoin or RateKind.UsdPerDiamond && !TextRules.IsIdentifier(key))
        {
            body.Errors.Add("key", "a region code such as FR");
        }

        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The rate is not valid.", body.Errors.ToDictionary());
        }

        var entry = new RateEntry(kind!.Value, kind == RateKind.UsdPerCoinReference ? string.Empty : key, from!.Value, value!.Value, versionId!);
        var forceRequest = force ? new RateForce(reason!, caller.Of(request)) : null;
        var publication = await rates.PublishAsync(entry, forceRequest, ct);
        switch (publication.Outcome)
        {
            case RatePublicationOutcome.VersionExists:
                return new ProblemResult(
                    StatusCodes.Status409Conflict, ProblemTypes.RateVersionExists, "Rate version exists.",
                    $"A {kind} rate{(entry.Key.Length == 0 ? string.Empty : $" for {entry.Key}")} starting {entry.From:yyyy-MM-dd} already exists with another value or version id. " +
                    "Rates are never rewritten: publish a new version with a new effective date.");
            case RatePublicationOutcome.InsideIssuedPeriod:
                var periods = publication.IssuedPeriods;
                return new ProblemResult(
                    StatusCodes.Status409Conflict, ProblemTypes.RateInsideIssuedPeriod, "The rate starts inside an issued period.",
                    $"A rate from {entry.From:yyyy-MM-dd} would apply to records of {Describe(periods)}, whose close has started: issued statements " +
                    $"already valued them with the rates then in force, and they never change. Publish it from {periods[^1].End:yyyy-MM-dd} " +
                    "(after the last issued period), or add ?force=true with a \"reason\" to store it for statements built from now on.");
            case RatePublicationOutcome.Added or RatePublicationOutcome.AddedByForce:
                rateCache.Invalidate();
                break;
        }

        // The answer says what was recorded, so the operator who forced a rate sees the reason and the periods it reaches.
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("versionId", entry.VersionId);
            w.WriteString("outcome", publication.Outcome switch
            {
                RatePublicationOutcome.AddedByForce => "addedByForce",
                RatePublicationOutcome.Unchanged => "unchanged",
                _ => "added",
            });
            if (publication.Outcome == RatePublicationOutcome.AddedByForce && forceRequest is not null)
            {
                w.WriteStartObject("forced");
                w.WriteString("reason", forceRequest.Reason);
                w.WriteString("requestedBy", forceRequest.RequestedBy);
                w.WriteStartArray("issuedPeriods");
                foreach (var period in publication.IssuedPeriods)
                {
                    w.WriteStringValue(period.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    public async Task<IActionResult> PutAgencyAsync(HttpRequest request, string agencyId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var name = body.String("name", required: false);
        var url = body.String("webhookUrl", required: false);
        Uri? webhook = null;
        if (url is not null && (Uri.TryCreate(url, UriKind.Absolute, out webhook) ? egress.UrlProblem(webhook) : "must be an absolute https URL") is { } problem)
        {
            body.Errors.Add("webhookUrl", problem);
        }

        if (!TextRules.IsIdentifier(agencyId))
        {
            body.Errors.Add("agencyId", $"may only contain {TextRules.IdentifierAlphabet}");
        }

        if (!body.Errors.IsEmpty)
        {
            return ProblemResult.BadRequest("The agency is not valid.", body.Errors.ToDictionary());
        }

        await agencies.PutAsync(new Agency(agencyId, name, webhook), ct);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("agencyId", agencyId);
            w.WriteEndObject();
        });
    }

    private static string Describe(IReadOnlyList<Domain.Periods.PeriodKey> periods) =>
        periods.Count == 1 ? $"period {periods[0]}" : $"periods {periods[0]} to {periods[^1]} ({periods.Count} periods)";
}
