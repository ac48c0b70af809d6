using System.Globalization;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.Application.Demo;

/// What the demo's customers carry beyond a prospect: what they pay (arr), when they renew (renewal_date), how many
/// of our products they own, and lately how their usage and support look (product_usage and support_ticket signals).
/// The Motions rules and the renewal playbook read these. Each customer draws from its own random stream, so the
/// prospects' data (and every earlier demo number) stays as it was.
internal static class DemoCustomers
{
    public const int ProductsAvailable = 5;
    private const int UsageWeeks = 8;

    private enum Health { Declining, Steady, Growing }

    public static void AddFields(Account account, int index, int seed, DateTime now)
    {
        var rng = Stream(seed, index, 1);
        var arr = Math.Round((account.Employees ?? 100) * (60 + rng.Next(200)) / 1000.0) * 1000;
        account.CustomFields["arr"] = Math.Max(6000, arr).ToString(CultureInfo.InvariantCulture);
        // Spread over the coming year, so about a quarter renew within 90 days.
        account.CustomFields["renewal_date"] = now.Date.AddDays(rng.Next(5, 366)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        account.CustomFields["products_owned"] = (1 + rng.Next(4)).ToString(CultureInfo.InvariantCulture);
        account.CustomFields["products_available"] = ProductsAvailable.ToString(CultureInfo.InvariantCulture);
    }

    /// Weekly usage reports over the last eight weeks and the support tickets of the window, oldest first.
    public static IEnumerable<Signal> Signals(IReadOnlyList<Account> accounts, int seed, DateTime now)
    {
        var signals = new List<Signal>();
        for (var index = 0; index < accounts.Count; index++)
        {
            var account = accounts[index];
            if (account.Lifecycle != Lifecycle.Customer)
            {
                continue;
            }
            var rng = Stream(seed, index, 2);
            var health = rng.NextDouble() switch { < 0.2 => Health.Declining, < 0.45 => Health.Growing, _ => Health.Steady };
            var users = 20 + rng.Next((account.Employees ?? 100) / 4 + 1);
            for (var week = UsageWeeks; week >= 1; week--)
            {
                var trend = health switch
                {
                    Health.Declining => week <= 4 ? "down" : "flat",
                    Health.Growing => week <= 5 ? "up" : "flat",
                    _ => rng.NextDouble() < 0.15 ? "down" : rng.NextDouble() < 0.3 ? "up" : "flat",
                };
                users = Math.Max(1, users + trend switch { "down" => -users / 8, "up" => users / 10 + 1, _ => 0 });
                signals.Add(New(account, "product_usage", now.AddDays(-7 * week + 1 + rng.NextDouble()), "product",
                    ("trend", trend), ("activeUsers", users.ToString(CultureInfo.InvariantCulture))));
            }
            var tickets = health switch { Health.Declining => 3, Health.Steady => rng.Next(3), _ => 0 };
            for (var t = 0; t < tickets; t++)
            {
                var urgent = health == Health.Declining && t == 0;
                signals.Add(New(account, "support_ticket", now.AddDays(-(urgent ? 1 + rng.Next(20) : 35 + rng.Next(80)) - rng.NextDouble()), "helpdesk",
                    ("severity", urgent ? "urgent" : rng.NextDouble() < 0.5 ? "normal" : "low"), ("ticket", $"T-{10000 + index * 10 + t}")));
            }
        }
        var sequence = 0;
        foreach (var signal in signals.OrderBy(s => s.OccurredAt))
        {
            signal.Id = $"demo-cus-{++sequence:D6}";
            yield return signal;
        }
    }

    private static Signal New(Account account, string type, DateTime occurredAt, string source, params (string Key, string Value)[] properties) => new()
    {
        Id = "",
        AccountId = account.Id,
        Type = type,
        OccurredAt = occurredAt,
        Source = source,
        Properties = properties.ToDictionary(p => p.Key, p => p.Value),
        ReceivedAt = occurredAt,
        ProcessedAt = occurredAt, // history, like the other demo signals
    };

    private static Random Stream(int seed, int index, int purpose) => new(unchecked(seed * 7919 + index * 31 + purpose));
}
