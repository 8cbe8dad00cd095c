using System.Globalization;

namespace Payouts.DevHost.Demo;

/// <summary>The demo's gift catalog (data/gift-catalog.csv: giftId,name,coins): what viewers send, at what coin value.</summary>
public sealed record GiftCatalog(IReadOnlyList<GiftCatalog.Gift> Gifts)
{
    public const string FileName = "gift-catalog.csv";

    public Gift this[string giftId] => Gifts.First(g => g.GiftId == giftId);

    public static GiftCatalog Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, FileName);
        var gifts = File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(','))
            .Select(cells => new Gift(cells[0].Trim(), cells[1].Trim(), int.Parse(cells[2].Trim(), CultureInfo.InvariantCulture)))
            .ToList();
        return new GiftCatalog(gifts);
    }

    public sealed record Gift(string GiftId, string Name, int Coins)
    {
        /// <summary>Cheap gifts come in streaks (one record per finished streak, quantity = streak length).</summary>
        public bool Streakable => Coins < 100;
    }
}
