using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Http;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Statements;

namespace Payouts.Functions.Admin;

/// <summary>Creators' contracts, rates and agencies: validated, then stored as new effective-dated versions.</summary>
public sealed class ReferenceDataHandler(ContractStore contracts, RateStore rates, AgencyStore agencies, RateBookCache rateCache)
{
    public async Task<IActionResult> PutCreatorAsync(HttpRequest request, string creatorId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Problem is { } problem)
        {
            return ProblemResult.BadRequest(problem);
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
            Money.Round(minimum!.Value, currency!), new Share(withholding));
        var version = new Versioned<CreatorContract>($"{creatorId}@{from:yyyy-MM-dd}", from!.Value, contract);
        await contracts.PutAsync(version, ct);
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
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Problem is { } problem)
        {
            return ProblemResult.BadRequest(problem);
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
        if (!await rates.AddAsync(entry, ct))
        {
            return new ProblemResult(StatusCodes.Status409Conflict, "conflict", "Rate version exists.", "A rate starting that day already exists with another value: rates are never rewritten; publish a new version.");
        }

        rateCache.Invalidate();
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("versionId", entry.VersionId);
            w.WriteEndObject();
        });
    }

    public async Task<IActionResult> PutAgencyAsync(HttpRequest request, string agencyId, CancellationToken ct)
    {
        using var body = await AdminBody.ReadAsync(request, ct);
        if (body.Problem is { } problem)
        {
            return ProblemResult.BadRequest(problem);
        }

        var name = body.String("name", required: false);
        var url = body.String("webhookUrl", required: false);
        Uri? webhook = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme is not ("https" or "http")))
        {
            body.Errors.Add("webhookUrl", "must be an absolute http(s) URL");
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
}
