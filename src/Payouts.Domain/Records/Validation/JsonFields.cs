using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Payouts.Domain.Contracts;
using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Records.Validation;

/// <summary>
/// Reads the fields of one JSON record object, collecting a message per bad field instead of throwing,
/// so a partner learns everything wrong with a record in one answer.
/// </summary>
internal sealed class JsonFields
{
    private const int MaxDecimalTextLength = 32;

    private static readonly IPattern<OffsetDateTime>[] InstantPatterns =
        [OffsetDateTimePattern.ExtendedIso, OffsetDateTimePattern.Rfc3339, OffsetDateTimePattern.GeneralIso];

    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);

    public JsonFields(JsonElement record, FieldErrors errors)
    {
        Errors = errors;
        if (record.ValueKind != JsonValueKind.Object)
        {
            errors.Add("record", "must be a JSON object");
            return;
        }

        foreach (var property in record.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name))
            {
                errors.Add("record", $"has a property name that {JsonText.Problem}");
            }
            else if (!_properties.TryAdd(name!, property.Value))
            {
                errors.Add(name!, "is given more than once");
            }
            else if (!JsonText.IsWellFormed(property.Value))
            {
                // Checked for every field, known or not: text that cannot be read is never half-read later.
                errors.Add(name!, JsonText.Problem);
            }
        }
    }

    public FieldErrors Errors { get; }

    public string? Identifier(string name, bool required)
    {
        var text = String(name, required);
        return text is not null && AddAll(name, TextRules.IdentifierProblems(text)) ? null : text;
    }

    public string? FreeText(string name)
    {
        var text = String(name, required: false);
        return text is not null && AddAll(name, TextRules.FreeTextProblems(text)) ? null : text;
    }

    public int? Integer(string name, int min, int max)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Errors.Add(name, "must be a whole number");
            return null;
        }

        if (number < min || number > max)
        {
            Errors.Add(name, $"must be between {min} and {max}");
            return null;
        }

        return (int)number;
    }

    /// <summary>An ISO-8601 instant with an explicit offset ("2026-11-05T20:15:00+01:00" or "...Z"), within sane bounds.</summary>
    public Instant? Instant(string name, Instant now)
    {
        var text = String(name, required: true);
        if (text is null)
        {
            return null;
        }

        foreach (var pattern in JsonText.HasControlCharacter(text) ? [] : InstantPatterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                var instant = result.Value.ToInstant();
                if (instant < RecordReadContext.Earliest)
                {
                    Errors.Add(name, $"must not be before {RecordReadContext.Earliest}");
                    return null;
                }

                if (instant > now + RecordReadContext.AllowedClockSkew)
                {
                    Errors.Add(name, "must not be in the future");
                    return null;
                }

                return instant;
            }
        }

        Errors.Add(name, "must be an ISO-8601 date and time with an offset, e.g. 2026-11-05T20:15:00+01:00");
        return null;
    }

    /// <summary>A decimal sent as a string ("1250.00"): JSON numbers would lose precision in many partner stacks.</summary>
    public decimal? DecimalString(string name, bool required)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        // decimal.TryParse skips trailing NULs: "10.00\0" must not pass for 10.00.
        if (text.Length > MaxDecimalTextLength || JsonText.HasControlCharacter(text)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Errors.Add(name, "must be a decimal number written as a string, e.g. \"1250.00\"");
            return null;
        }

        return value;
    }

    public Share? ShareString(string name)
    {
        var value = DecimalString(name, required: false);
        if (value is null)
        {
            return null;
        }

        if (!Share.TryCreate(value.Value, out var share))
        {
            Errors.Add(name, "must be between 0 and 1 (\"0.15\" is 15 %)");
            return null;
        }

        return share;
    }

    public TEnum? Choice<TEnum>(string name, IReadOnlyDictionary<string, TEnum> choices, TEnum? whenMissing)
        where TEnum : struct
    {
        var text = String(name, required: whenMissing is null);
        if (text is null)
        {
            return Errors.Has(name) ? null : whenMissing;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        Errors.Add(name, $"must be one of: {string.Join(", ", choices.Keys.Select(k => $"\"{k}\""))}");
        return null;
    }

    /// <summary>Records every problem of one field (not only the first); true when there was any.</summary>
    private bool AddAll(string name, IEnumerable<string> problems)
    {
        var any = false;
        foreach (var problem in problems)
        {
            Errors.Add(name, problem);
            any = true;
        }

        return any;
    }

    private string? String(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(name, "must be a string");
            return null;
        }

        return JsonText.TryGetString(value, out var text) ? text : null;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (_properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return !Errors.Has(name);
        }

        if (required && !Errors.Has("record"))
        {
            Errors.Add(name, "is required");
        }

        return false;
    }
}
