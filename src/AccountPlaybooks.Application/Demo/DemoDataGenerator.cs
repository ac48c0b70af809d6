using System.Diagnostics;
using System.Globalization;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Signals;
using static AccountPlaybooks.Application.Demo.DemoVocabulary;

namespace AccountPlaybooks.Application.Demo;

/// Realistic demo reps, accounts and signals. Pure and deterministic: the same seed and clock give the same data,
/// and each method draws from its own <see cref="Random"/> so results do not depend on the order of calls.
public sealed class DemoDataGenerator(int seed = 20261124)
{
    public const int SignalWindowDays = 120;
    public const int DefaultAccountCount = 2000;
    public const int DefaultSignalCount = 20000;
    public const string AccountIdPrefix = "demo-acc-";

    // Hot accounts get most of their signals in the last two weeks: that is what Tier 1 triggers look for.
    private const int RecentDays = 14;
    private const int HotWeight = 8;
    private const int HotRecentBoost = 6;

    // Name space per industry is ~7,000, so beyond this the search for an unused name would slow to a crawl.
    private const int MaxAccounts = 20_000;

    private enum Heat { Silent, Cold, Warm, Hot }

    public IReadOnlyList<Rep> Reps()
    {
        List<Rep> reps =
        [
            NewRep("Anna Keller", RepRole.Manager, "East", "Europe/Berlin", 0, ["EMEA", "DACH", "UK&I", "Benelux", "Nordics"]),
            NewRep("Jonas Weber", RepRole.AE, "East", "Europe/Berlin", 40, ["DACH", "Benelux"]),
            NewRep("Charlotte Hughes", RepRole.AE, "East", "Europe/London", 35, ["UK&I", "Nordics"]),
            NewRep("Sofia Lindqvist", RepRole.SDR, "East", "Europe/Stockholm", 50, ["EMEA"]),
            NewRep("Marcus Reed", RepRole.Manager, "West", "America/Los_Angeles", 0, ["US-West", "US-Central", "LATAM", "APAC"]),
            NewRep("Priya Patel", RepRole.AE, "West", "America/Los_Angeles", 45, ["US-West", "APAC"]),
            NewRep("Diego Ramirez", RepRole.AE, "West", "America/Chicago", 30, ["US-Central", "LATAM"]),
            NewRep("Emily Chen", RepRole.SDR, "West", "America/Denver", 50, ["US-West", "US-Central", "LATAM", "APAC"]),
        ];
        foreach (var rep in reps.Where(r => r.Role != RepRole.Manager))
        {
            rep.ManagerId = reps.Single(m => m.Team == rep.Team && m.Role == RepRole.Manager).Id;
        }
        // Named AE + SDR pairs for Tier 1 (the "pair" assignment strategy): each team's first AE works with its SDR.
        foreach (var sdr in reps.Where(r => r.Role == RepRole.SDR))
        {
            var ae = reps.First(r => r.Team == sdr.Team && r.Role == RepRole.AE);
            (ae.PairRepId, sdr.PairRepId) = (sdr.Id, ae.Id);
        }
        return reps;
    }

    /// The team that works accounts of a region: East has Europe, West the Americas and Asia-Pacific.
    public static string TeamCovering(string? region) => region == "EMEA" ? "East" : "West";

    public IEnumerable<Account> Accounts(DateTime utcNow) => Accounts(DefaultAccountCount, utcNow);

    public IEnumerable<Account> Accounts(int count, DateTime utcNow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxAccounts);
        return GenerateAccounts(AsUtc(utcNow), count);
    }

    public IEnumerable<Signal> Signals(IReadOnlyList<Account> accounts, DateTime utcNow) =>
        Signals(accounts, DefaultSignalCount, utcNow);

    /// Signals in the <see cref="SignalWindowDays"/> days before <paramref name="utcNow"/>, oldest first.
    public IEnumerable<Signal> Signals(IReadOnlyList<Account> accounts, int count, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 ? []
            : accounts.Count == 0 ? throw new ArgumentException("Signals need at least one account.", nameof(accounts))
            : GenerateSignals(accounts, AsUtc(utcNow), count);
    }

    /// The customers' usage reports and support tickets (what the Motions rules read), oldest first; ids demo-cus-NNNNNN.
    public IEnumerable<Signal> CustomerSignals(IReadOnlyList<Account> accounts, DateTime utcNow) =>
        DemoCustomers.Signals(accounts, seed, AsUtc(utcNow));

    private IEnumerable<Account> GenerateAccounts(DateTime now, int count)
    {
        var rng = new Random(seed);
        var reps = Reps();
        var takenRoots = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= count; i++)
        {
            var industry = Pick(rng, Industries);
            var country = Pick(rng, Countries);
            var (name, root) = UniqueName(rng, industry, takenRoots);
            var employees = Employees(rng);
            var funding = industry.Name == "Government" ? null : Pick(rng, FundingBySize.First(f => employees < f.Below).Stages);
            var account = new Account
            {
                Id = $"{AccountIdPrefix}{i:D4}",
                Name = name,
                Domain = root + Tld(rng, industry, country),
                Industry = industry.Name,
                Employees = employees,
                AnnualRevenue = Revenue(rng, industry, employees),
                Country = country.Name,
                Region = country.Region,
                FundingStage = funding,
                FundingDate = funding is null or "Bootstrapped" or "Public" ? null : now.Date.AddDays(-rng.Next(30, 3 * 365)),
                TechStack = TechStack(rng, industry),
                Lifecycle = rng.NextDouble() < 0.08 ? Lifecycle.Customer : Lifecycle.Prospect,
                Segment = $"{SizeBand(employees)} {industry.SegmentLabel}",
                CustomFields = new() { ["source"] = "demo" },
                CreatedAt = now,
                UpdatedAt = now,
            };
            // Customers always have an owner; 24% of the rest brings the owned share to about 30%.
            if (account.Lifecycle == Lifecycle.Customer || rng.NextDouble() < 0.24)
            {
                AssignOwners(rng, account, country, reps);
            }
            if (account.Lifecycle == Lifecycle.Customer)
            {
                DemoCustomers.AddFields(account, i, seed, now);
            }
            yield return account;
        }
    }

    private IEnumerable<Signal> GenerateSignals(IReadOnlyList<Account> accounts, DateTime now, int count)
    {
        var rng = new Random(unchecked(seed * 31 + 17));
        var heat = accounts.Select(_ => RollHeat(rng)).ToArray();
        if (heat.All(h => h == Heat.Silent))
        {
            Array.Fill(heat, Heat.Cold); // a tiny account list could roll all-silent and leave nowhere to put signals
        }
        // Each account has a few stable contacts; hot accounts have several active stakeholders.
        var contacts = heat.Select(h => (Offset: rng.Next(1000), Size: h == Heat.Hot ? rng.Next(3, 7) : rng.Next(1, 4))).ToArray();
        var background = CumulativeWeights(heat, recent: false);
        var recentWeights = CumulativeWeights(heat, recent: true);
        var windowStart = now.AddDays(-SignalWindowDays);
        var perDay = SpreadOverDays(rng, count, windowStart, background[^1], recentWeights[^1]);

        // One day at a time, sorted, so signals come oldest first without holding all of them.
        var sequence = 0;
        for (var day = 0; day < SignalWindowDays; day++)
        {
            var recent = day >= SignalWindowDays - RecentDays;
            var weights = recent ? recentWeights : background;
            var draws = new (int Second, int Account)[perDay[day]];
            for (var k = 0; k < draws.Length; k++)
            {
                var index = PickIndex(rng, weights);
                draws[k] = (SecondOfWindow(rng, accounts[index], windowStart), index);
            }
            Array.Sort(draws);
            foreach (var (second, index) in draws)
            {
                var account = accounts[index];
                var hot = recent && heat[index] == Heat.Hot;
                var type = Pick(rng, hot ? HotSignalTypes : SignalTypes);
                var nextRound = NextRound(account);
                if (type == "funding_round" && nextRound is null)
                {
                    type = "exec_hire"; // public companies and agencies do not raise rounds
                }
                var (source, properties) = Describe(rng, type, account, contacts[index], hot, nextRound);
                var occurredAt = windowStart.AddDays(day).AddSeconds(second);
                yield return new Signal
                {
                    Id = $"demo-sig-{++sequence:D6}",
                    AccountId = account.Id,
                    Type = type,
                    OccurredAt = occurredAt,
                    Source = source,
                    Properties = properties,
                    ReceivedAt = occurredAt,
                    ProcessedAt = occurredAt, // history: the demo's first evaluation scores it, no playbook hears of it
                };
            }
        }
    }

    private static Rep NewRep(string name, RepRole role, string team, string timeZone, int tier1Capacity, List<string> territories)
    {
        var slug = name.ToLowerInvariant().Replace(' ', '-');
        return new Rep
        {
            Id = "rep-" + slug,
            Email = $"{slug.Replace('-', '.')}@{DemoUsers.EmailDomain}",
            Name = name,
            Role = role,
            Team = team,
            Territories = territories,
            Tier1Capacity = tier1Capacity,
            TimeZone = timeZone,
        };
    }

    private static (string Name, string Root) UniqueName(Random rng, DemoIndustry industry, HashSet<string> takenRoots)
    {
        while (true)
        {
            var start = NameStarts[rng.Next(NameStarts.Length)];
            var end = NameEnds[rng.Next(NameEnds.Length)];
            if (start.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                continue; // "Stonestone"
            }
            var name = $"{start}{end} {industry.Words[rng.Next(industry.Words.Length)]}";
            // The domain root decides uniqueness: two accounts must never share a domain.
            var root = string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
            if (takenRoots.Add(root))
            {
                return (name, root);
            }
        }
    }

    private static string Tld(Random rng, DemoIndustry industry, DemoCountry country) =>
        industry.Name == "Government" ? country.Tld ?? ".gov"
        : country.Tld is { } local && rng.NextDouble() < 0.5 ? local
        : industry.TechHeavy && rng.NextDouble() < 0.3 ? ".io"
        : ".com";

    // Log-normal with a median of 250 puts about three in four between 50 and 1,000; the log-normal alone
    // hardly passes 10,000, so 2% are large enterprises drawn log-uniformly from 5,000 to 50,000.
    private static int Employees(Random rng) => rng.NextDouble() < 0.02
        ? (int)Math.Round(5000 * Math.Pow(10, rng.NextDouble()))
        : (int)Math.Clamp(Math.Round(250 * Math.Exp(1.3 * Gaussian(rng))), 10, 50_000);

    // Revenue follows headcount at the industry's revenue per employee, ±35% noise, rounded to thousands.
    private static decimal Revenue(Random rng, DemoIndustry industry, int employees) =>
        Math.Round((decimal)(employees * industry.RevenuePerEmployeeThousands * Math.Exp(0.35 * Gaussian(rng)))) * 1000m;

    private static string SizeBand(int employees) => employees switch
    {
        < 200 => "SMB",
        < 1000 => "Mid-Market",
        _ => "Enterprise",
    };

    private static List<string> TechStack(Random rng, DemoIndustry industry)
    {
        var size = Math.Min(6, Pick(rng, StackSizes) + (industry.TechHeavy ? 1 : 0));
        var picked = new List<DemoTechnology>(size);
        for (var attempt = 0; picked.Count < size && attempt < 50; attempt++)
        {
            var tech = Pick(rng, Technologies);
            if (picked.TrueForAll(p => p.Category != tech.Category))
            {
                picked.Add(tech);
            }
        }
        return picked.ConvertAll(t => t.Name);
    }

    // Owners come from the team covering the region, preferring the AE whose territory names the country.
    private static void AssignOwners(Random rng, Account account, DemoCountry country, IReadOnlyList<Rep> reps)
    {
        var team = TeamCovering(country.Region);
        var aes = reps.Where(r => r.Team == team && r.Role == RepRole.AE).ToList();
        var local = aes.FindAll(r => country.Territory is { } t && r.Territories.Contains(t));
        var candidates = local.Count > 0 ? local : aes;
        account.AeOwnerId = candidates[rng.Next(candidates.Count)].Id;
        account.SdrOwnerId = reps.First(r => r.Team == team && r.Role == RepRole.SDR).Id;
    }

    // ~5% hot, 20% warm, 55% cold, 20% silent: a few accounts carry most of the activity.
    private static Heat RollHeat(Random rng) => rng.NextDouble() switch
    {
        < 0.05 => Heat.Hot,
        < 0.25 => Heat.Warm,
        < 0.80 => Heat.Cold,
        _ => Heat.Silent,
    };

    private static long[] CumulativeWeights(Heat[] heat, bool recent)
    {
        var cumulative = new long[heat.Length];
        long total = 0;
        for (var i = 0; i < heat.Length; i++)
        {
            total += heat[i] switch
            {
                Heat.Hot => recent ? HotWeight * HotRecentBoost : HotWeight,
                Heat.Warm => 4,
                Heat.Cold => 1,
                _ => 0,
            };
            cumulative[i] = total;
        }
        return cumulative;
    }

    // How many signals fall on each day: days weigh what their accounts weigh, weekends a third of a weekday.
    private static int[] SpreadOverDays(Random rng, int count, DateTime windowStart, long backgroundTotal, long recentTotal)
    {
        var cumulative = new double[SignalWindowDays];
        var total = 0.0;
        for (var day = 0; day < SignalWindowDays; day++)
        {
            var weekday = windowStart.AddDays(day).AddHours(12).DayOfWeek;
            var weekend = weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.35 : 1.0;
            total += weekend * (day >= SignalWindowDays - RecentDays ? recentTotal : backgroundTotal);
            cumulative[day] = total;
        }
        var perDay = new int[SignalWindowDays];
        for (var i = 0; i < count; i++)
        {
            var r = rng.NextDouble() * total;
            var day = Array.BinarySearch(cumulative, r);
            perDay[Math.Min(day < 0 ? ~day : day + 1, SignalWindowDays - 1)]++;
        }
        return perDay;
    }

    // Four in five signals fall in the account's working hours (8:00–18:00 local), the rest anywhere in the day.
    private static int SecondOfWindow(Random rng, Account account, DateTime windowStart)
    {
        if (rng.NextDouble() < 0.2)
        {
            return rng.Next(86_400);
        }
        var utcOffsetHours = account.Region switch { "EMEA" => 1, "NA" => -6, "LATAM" => -4, "APAC" => 8, _ => 0 };
        var utcSecond = rng.Next(8 * 3600, 18 * 3600) - utcOffsetHours * 3600;
        // The window starts at the clock's time of day, not at midnight: shift into it.
        return (int)(((utcSecond - (long)windowStart.TimeOfDay.TotalSeconds) % 86_400 + 86_400) % 86_400);
    }

    private static int PickIndex(Random rng, long[] cumulative)
    {
        var r = rng.NextInt64(cumulative[^1]);
        var index = Array.BinarySearch(cumulative, r);
        // An exact hit on a cumulative value belongs to the next account with a weight.
        index = index < 0 ? ~index : index + 1;
        while (cumulative[index] <= r)
        {
            index++;
        }
        return index;
    }

    private static string? NextRound(Account account) =>
        account.Industry == "Government" ? null : account.FundingStage switch
        {
            "Public" => null,
            null or "Bootstrapped" => "Seed",
            "Seed" => "Series A",
            "Series A" => "Series B",
            "Series B" => "Series C",
            _ => "Growth",
        };

    private static (string Source, Dictionary<string, string> Properties) Describe(
        Random rng, string type, Account account, (int Offset, int Size) contacts, bool hot, string? nextRound) => type switch
    {
        "page_visit" => ("website", Props(("page", Pick(rng, hot ? HotPages : Pages)))),
        "email_open" or "email_click" or "email_reply" or "unsubscribe" =>
            ("marketing-automation", Props(("campaign", Any(rng, Campaigns)), ("contact", Contact(rng, account, contacts)))),
        "webinar_attended" => ("marketing-automation", Props(("webinar", Any(rng, Webinars)), ("contact", Contact(rng, account, contacts)))),
        "content_download" => ("website", Props(("asset", Any(rng, Assets)), ("contact", Contact(rng, account, contacts)))),
        "meeting_booked" => ("crm", Props(("meetingType", Any(rng, MeetingTypes)), ("contact", Contact(rng, account, contacts)))),
        "intent_surge" => ("bombora", Props(("topic", Any(rng, IntentTopics)), ("score", Number(rng.Next(hot ? 75 : 55, 100))))),
        "competitor_review" => Review(rng),
        "job_posting" => ("linkedin", Props(("role", Any(rng, JobRoles)))),
        "exec_hire" => ("linkedin", Props(("title", Any(rng, ExecTitles)))),
        "funding_round" => ("crunchbase", Props(("round", nextRound!), ("amountUsd", Amount(rng, nextRound!)))),
        _ => throw new UnreachableException($"No properties for signal type '{type}'."),
    };

    private static (string Source, Dictionary<string, string> Properties) Review(Random rng)
    {
        var site = Any(rng, ReviewSites);
        return (site.ToLowerInvariant(), Props(("site", site), ("competitor", Any(rng, Competitors))));
    }

    private static string Amount(Random rng, string round)
    {
        var (_, min, max) = RoundSizes.First(r => r.Round == round);
        return Number(rng.Next(min * 10, max * 10 + 1) * 100_000L); // whole hundred thousands, as press releases say
    }

    // "j.doe@domain": contact k of the account's pool; the prime list lengths keep the pool's names apart.
    private static string Contact(Random rng, Account account, (int Offset, int Size) pool)
    {
        var k = rng.Next(pool.Size);
        var first = ContactFirstNames[(pool.Offset + 7 * k) % ContactFirstNames.Length];
        var last = ContactLastNames[(pool.Offset * 13 + 11 * k) % ContactLastNames.Length];
        return $"{char.ToLowerInvariant(first[0])}.{last.ToLowerInvariant()}@{account.Domain ?? account.Id + ".example"}";
    }

    private static Dictionary<string, string> Props(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static T Any<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static T Pick<T>(Random rng, (T Value, int Weight)[] table)
    {
        var r = rng.Next(table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            if ((r -= weight) < 0)
            {
                return value;
            }
        }
        throw new UnreachableException("A weighted table is empty.");
    }

    // Box–Muller: a standard normal from two uniforms, so distributions stay reproducible from the seed alone.
    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static DateTime AsUtc(DateTime utcNow) => utcNow.Kind switch
    {
        DateTimeKind.Local => throw new ArgumentException("Pass the clock in UTC.", nameof(utcNow)),
        _ => DateTime.SpecifyKind(utcNow, DateTimeKind.Utc),
    };
}
