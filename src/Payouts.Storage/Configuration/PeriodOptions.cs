using System.ComponentModel.DataAnnotations;
using Payouts.Domain.Periods;

namespace Payouts.Storage.Configuration;

public sealed class PeriodOptions
{
    public PeriodKind Kind { get; set; } = PeriodKind.Monthly;

    /// <summary>IANA zone periods are cut in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>How long after a period ends late records are waited for. Must exceed any clock skew between hosts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromDays(2);
}
