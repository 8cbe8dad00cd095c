using System.Collections.Frozen;
using System.Text.Json;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Records.Validation;

/// <summary>Turns one JSON deal record of the HTTP/queue contract into a <see cref="DealRecord"/>, or every reason it cannot be one.</summary>
public static class DealRecordReader
{
    /// <summary>
    /// Larger than any real deal; a 30-digit amount is a bug on the partner side, not a payout. In the currency with the
    /// most decimals (KWD, 3) it is 10^13 minor units, a hundredth of the per-statement bound, and converted at any FX
    /// rate the admin API admits (at most 10^6) it stays far inside decimal's range (docs/statements.md, "Limits").
    /// </summary>
    public const decimal MaxAbsoluteAmount = 10_000_000_000m;

    /// <summary>Diamond bonuses are exact decimals but never finer than this.</summary>
    public const int MaxDiamondDecimals = 4;

    private static readonly FrozenDictionary<string, DealType> Types =
        Enum.GetValues<DealType>().ToFrozenDictionary(t => t.WireName(), t => t, StringComparer.Ordinal);

    public static RecordReadResult<DealRecord> Read(JsonElement json, RecordReadContext context)
    {
        var errors = new FieldErrors();
        var fields = new JsonFields(json, errors);
        var recordId = fields.Identifier("recordId", required: true);
        var creatorId = fields.Identifier("creatorId", required: true);
        var type = fields.Choice<DealType>("type", Types, whenMissing: null);
        var brand = fields.FreeText("brand");
        var amount = fields.DecimalString("amount", required: true);
        var unit = fields.Identifier("currency", required: true);
        var earnedAt = fields.Instant("earnedAt", context.Now);
        var reference = fields.FreeText("reference");
        var commission = fields.ShareString("agencyCommissionRate");

        if (type is not null and not DealType.EventBonus && brand is null && !errors.Has("brand"))
        {
            errors.Add("brand", "is required for brand deals (all types but eventBonus)");
        }

        var dealAmount = ReadAmount(amount, ReadUnit(unit, type, errors), errors);

        if (!errors.IsEmpty)
        {
            return new RecordReadResult<DealRecord>(null, recordId, errors);
        }

        var record = new DealRecord(context.PartnerId, recordId!, creatorId!, type!.Value, brand, dealAmount!, earnedAt!.Value, reference, commission);
        return new RecordReadResult<DealRecord>(record, recordId, errors);
    }

    /// <summary>The currency, or <see cref="DealAmount.DiamondUnit"/>; checked even when the amount is bad, so all errors show.</summary>
    private static (bool Known, Currency? Currency) ReadUnit(string? unit, DealType? type, FieldErrors errors)
    {
        if (unit is null)
        {
            return (false, null);
        }

        if (unit == DealAmount.DiamondUnit)
        {
            if (type is not null and not DealType.EventBonus)
            {
                errors.Add("currency", "DIAMOND is only allowed for eventBonus");
            }

            return (true, null);
        }

        if (!Currency.TryFromCode(unit, out var currency))
        {
            errors.Add("currency", "must be a supported ISO 4217 code (e.g. EUR, USD) or DIAMOND");
            return (false, null);
        }

        return (true, currency);
    }

    private static DealAmount? ReadAmount(decimal? amount, (bool Known, Currency? Currency) unit, FieldErrors errors)
    {
        if (amount is not { } value)
        {
            return null;
        }

        if (value == 0m)
        {
            errors.Add("amount", "must not be zero");
        }
        else if (Math.Abs(value) > MaxAbsoluteAmount)
        {
            errors.Add("amount", $"must be at most {MaxAbsoluteAmount:N0} in absolute value");
        }

        if (!unit.Known)
        {
            return null;
        }

        var decimals = unit.Currency?.MinorUnits ?? MaxDiamondDecimals;
        if (decimal.Round(value, decimals) != value)
        {
            errors.Add("amount", $"must have at most {decimals} decimals for {unit.Currency?.Code ?? DealAmount.DiamondUnit}");
        }

        return !errors.IsEmpty ? null
            : unit.Currency is { } currency ? DealAmount.Of(value, currency)
            : DealAmount.OfDiamonds(value);
    }
}
