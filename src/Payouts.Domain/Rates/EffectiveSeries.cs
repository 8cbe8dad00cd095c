using NodaTime;

namespace Payouts.Domain.Rates;

/// <summary>The versions of one rate (or contract) over time; the version in force on a date is the latest that started on or before it.</summary>
public sealed class EffectiveSeries<T>
{
    private readonly Versioned<T>[] _versions;

    public EffectiveSeries(string name, IEnumerable<Versioned<T>> versions)
    {
        Name = name;
        _versions = versions.OrderBy(v => v.From).ToArray();
        for (var i = 1; i < _versions.Length; i++)
        {
            if (_versions[i].From == _versions[i - 1].From)
            {
                throw new ArgumentException($"{name} has two versions starting on {_versions[i].From:yyyy-MM-dd}.", nameof(versions));
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<Versioned<T>> Versions => _versions;

    public Lookup<Versioned<T>> At(LocalDate date)
    {
        for (var i = _versions.Length - 1; i >= 0; i--)
        {
            if (_versions[i].From <= date)
            {
                return Lookup<Versioned<T>>.Found(_versions[i]);
            }
        }

        return Lookup<Versioned<T>>.Missing($"no {Name} in force on {date:yyyy-MM-dd}");
    }
}
