using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Payouts.Functions.Http;

/// <summary>The API's one way to write an instant: RFC 3339 in UTC with <c>Z</c>, fractions only when not zero (docs/openapi.yaml, "Formats").</summary>
public static class ApiJson
{
    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static void WriteInstant(this Utf8JsonWriter writer, string name, Instant instant) => writer.WriteString(name, Format(instant));
}
