using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AccountPlaybooks.Bench.Rules.Floor;

/// The default rules (rules/scoring.json, tiers.json, triggers.json) and TierPolicy with the default
/// EvaluationOptions, written by hand as plain C#: one pass over an account's signals, no LINQ, no dictionaries.
/// This is the floor the product's generic engine is compared with; it must give the same tiers.
public sealed class FloorRules
{
    /// The version (RulesetCompiler.HashOf, 12 characters) of the rules/ files this class was written from.
    public const string WrittenFor = "f721cf178831";

    public const string Worst = "Disqualified";
    private const double HysteresisPoints = 5;
    private const int MinDaysInTier = 7;
    private const int MaxEvidence = 20;

    /// Component rules in file order; the index is the bit in <see cref="FloorOutcome.PassedComponents"/>.
    public static readonly (string Rule, string Reason)[] ComponentRules =
    [
        ("TargetIndustry", "Target industry (+30 Fit)"), ("AdjacentIndustry", "Adjacent industry (+15 Fit)"),
        ("MidMarketSize", "200–5,000 employees (+25 Fit)"), ("SmallButViable", "50–199 employees (+12 Fit)"),
        ("Enterprise", "Enterprise size (+18 Fit)"), ("RevenueBand", "Revenue of $20M or more (+15 Fit)"),
        ("CoreGeography", "North America or EMEA (+15 Fit)"), ("VentureBacked", "Venture-backed and scaling (+15 Fit)"),
        ("TooSmall", "Fewer than 20 employees (-40 Fit)"), ("PublicSector", "Public sector (long procurement) (-30 Fit)"),
        ("UsesCrm", "Runs Salesforce or HubSpot (+30 Technographic)"), ("MarketingAutomation", "Has marketing automation (+20 Technographic)"),
        ("ModernDataStack", "Modern data stack (2+ of Snowflake, dbt, Segment, Looker) (+30 Technographic)"),
        ("SalesEngagement", "Uses a sales engagement tool (+20 Technographic)"), ("CompetitorInstalled", "A competitor is installed (-25 Technographic)"),
        ("PricingInterest", "Visited the pricing page repeatedly in 14 days (+30 Engagement)"),
        ("SeveralPages", "Visited two or more pages in 30 days (+15 Engagement)"),
        ("OpensEmail", "Opens our emails (decayed, half-life 7 days) (+15 Engagement)"), ("ClickedEmail", "Clicked an email in 30 days (+15 Engagement)"),
        ("RepliedEmail", "Replied in 30 days (+30 Engagement)"),
        ("AttendedOrDownloaded", "Attended a webinar or downloaded content in 60 days (+15 Engagement)"),
        ("MultiThreaded", "Three or more people engaged in 30 days (+20 Engagement)"), ("MeetingBooked", "Meeting booked in 30 days (+30 Engagement)"),
        ("TopicSurge", "Researching our topics (one surge in the last 3 weeks counts; decayed, half-life 21 days) (+35 Intent)"),
        ("ReviewedCompetitor", "Reviewed a competitor on G2/Capterra in 60 days (+25 Intent)"),
        ("RecentFunding", "Raised a round in 90 days (+25 Intent)"), ("GrowthLeaderHired", "Hired a VP Sales or Head of Growth in 90 days (+20 Intent)"),
        ("HiringRelevantRoles", "Hiring for relevant roles (+15 Intent)"),
    ];

    private static readonly double[] Points = [30, 15, 25, 12, 18, 15, 15, 15, -40, -30, 30, 20, 30, 20, -25, 30, 15, 15, 15, 30, 15, 20, 30, 35, 25, 25, 20, 15];

    /// Triggers in file order; the index is the bit in <see cref="FloorOutcome.FiredTriggers"/>. Demotions and
    /// flags are applied before promotions, as TierPolicy does.
    public static readonly (string Rule, string? Tier, int HoldDays, bool Promote)[] Triggers =
    [
        ("SeriesABAnnounced", "Tier2", 30, true), ("GrowthLeaderJoined", "Tier2", 30, true), ("CompetitorReviewed", "Tier2", 30, true),
        ("PricingPageThreeTimes", "Tier1", 14, true), ("ThreeOpensInAWeek", null, 0, false), ("NoEngagementFor90Days", "Tier3", 0, false),
    ];

    private const int FlagTrigger = 4;
    private const int DemoteTrigger = 5;
    private const string FlagReason = "Opened three emails this week: review for Tier 1";
    private static readonly int[] TriggerOrder = [4, 5, 0, 1, 2, 3];

    private static readonly string[] ReasonJson = ComponentRules.Select(r => JsonSerializer.Serialize(r.Reason)).ToArray();

    private readonly List<string> _pages = [];
    private readonly List<string> _contacts = [];
    private readonly StringBuilder _json = new(512);

    public FloorOutcome Evaluate(FloorAccount account, ReadOnlySpan<FloorSignal> signals, string currentTier, DateTime now)
    {
        int pricing14 = 0, clicks30 = 0, replies30 = 0, attended60 = 0, meetings30 = 0, reviews60 = 0, funding90 = 0, hires90 = 0, jobs60 = 0;
        int seriesAb30 = 0, hires30 = 0, reviews30 = 0, opens7 = 0;
        double opensDecayed = 0, surgeDecayed = 0;
        var newestEngagement = DateTime.MinValue;
        _pages.Clear();
        _contacts.Clear();
        foreach (ref readonly var s in signals)
        {
            if (s.OccurredAt > now)
            {
                continue;
            }
            var age = (now - s.OccurredAt).TotalDays;
            if (s.Contact is not null && age <= 30)
            {
                AddDistinct(_contacts, s.Contact);
            }
            switch (s.Kind)
            {
                case SignalKind.PageVisit:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    pricing14 += age <= 14 && Is(s.Page, "/pricing") ? 1 : 0;
                    if (age <= 30 && s.Page is not null)
                    {
                        AddDistinct(_pages, s.Page);
                    }
                    break;
                case SignalKind.EmailOpen:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    opensDecayed += Math.Pow(0.5, age / 7);
                    opens7 += age <= 7 ? 1 : 0;
                    break;
                case SignalKind.EmailClick:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    clicks30 += age <= 30 ? 1 : 0;
                    break;
                case SignalKind.EmailReply:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    replies30 += age <= 30 ? 1 : 0;
                    break;
                case SignalKind.WebinarAttended or SignalKind.ContentDownload:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    attended60 += age <= 60 ? 1 : 0;
                    break;
                case SignalKind.MeetingBooked:
                    newestEngagement = Max(newestEngagement, s.OccurredAt);
                    meetings30 += age <= 30 ? 1 : 0;
                    break;
                case SignalKind.IntentSurge:
                    surgeDecayed += Math.Pow(0.5, age / 21);
                    break;
                case SignalKind.CompetitorReview:
                    reviews60 += age <= 60 ? 1 : 0;
                    reviews30 += age <= 30 ? 1 : 0;
                    break;
                case SignalKind.JobPosting:
                    jobs60 += age <= 60 ? 1 : 0;
                    break;
                case SignalKind.ExecHire when IsGrowthLeader(s.Title):
                    hires90 += age <= 90 ? 1 : 0;
                    hires30 += age <= 30 ? 1 : 0;
                    break;
                case SignalKind.FundingRound:
                    funding90 += age <= 90 && s.Round is not null && s.Round.StartsWith("Series", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                    seriesAb30 += age <= 30 && (Is(s.Round, "Series A") || Is(s.Round, "Series B")) ? 1 : 0;
                    break;
            }
        }

        uint passed = 0;
        var e = account.Employees;
        var tech = account.Tech;
        Pass(ref passed, 0, In(account.Industry, "Software", "Fintech", "Healthcare", "Professional Services"));
        Pass(ref passed, 1, In(account.Industry, "Logistics", "Manufacturing", "Media", "Telecommunications"));
        Pass(ref passed, 2, e is >= 200 and <= 5000);
        Pass(ref passed, 3, e is >= 50 and < 200);
        Pass(ref passed, 4, e > 5000);
        Pass(ref passed, 5, account.Revenue >= 20_000_000);
        Pass(ref passed, 6, In(account.Region, "NA", "EMEA"));
        Pass(ref passed, 7, In(account.FundingStage, "Series A", "Series B", "Series C", "Growth"));
        Pass(ref passed, 8, e is > 0 and < 20);
        Pass(ref passed, 9, account.Industry == "Government");
        Pass(ref passed, 10, (tech & (Tech.Salesforce | Tech.HubSpot)) != 0);
        Pass(ref passed, 11, (tech & (Tech.Marketo | Tech.Pardot | Tech.HubSpot)) != 0);
        Pass(ref passed, 12, int.PopCount((int)(tech & (Tech.Snowflake | Tech.Dbt | Tech.Segment | Tech.Looker))) >= 2);
        Pass(ref passed, 13, (tech & (Tech.Outreach | Tech.Salesloft | Tech.Gong)) != 0);
        Pass(ref passed, 14, (tech & (Tech.SixSense | Tech.Demandbase)) != 0);
        Pass(ref passed, 15, pricing14 >= 2);
        Pass(ref passed, 16, _pages.Count >= 2);
        Pass(ref passed, 17, opensDecayed >= 2);
        Pass(ref passed, 18, clicks30 >= 1);
        Pass(ref passed, 19, replies30 >= 1);
        Pass(ref passed, 20, attended60 >= 1);
        Pass(ref passed, 21, _contacts.Count >= 3);
        Pass(ref passed, 22, meetings30 >= 1);
        Pass(ref passed, 23, surgeDecayed >= 0.5);
        Pass(ref passed, 24, reviews60 >= 1);
        Pass(ref passed, 25, funding90 >= 1);
        Pass(ref passed, 26, hires90 >= 1);
        Pass(ref passed, 27, jobs60 >= 2);

        var fit = Component(passed, 0, 10);
        var technographic = Component(passed, 10, 15);
        var engagement = Component(passed, 15, 23);
        var intent = Component(passed, 23, 28);
        double total = 0;
        total += 30 * fit;
        total += 20 * technographic;
        total += 25 * engagement;
        total += 25 * intent;
        var composite = Math.Round(total / 100, 1);
        var (tier, tierRule) = TierFor(fit, composite);
        var withMargin = TierFor(fit, composite + HysteresisPoints).Tier;

        var fired = 0;
        Fire(ref fired, 0, seriesAb30 >= 1 && fit >= 40);
        Fire(ref fired, 1, hires30 >= 1 && fit >= 40);
        Fire(ref fired, 2, reviews30 >= 1 && fit >= 40);
        Fire(ref fired, 3, pricing14 >= 3 && fit >= 60);
        Fire(ref fired, 4, opens7 >= 3 && currentTier == "Tier2");
        var daysSinceEngagement = newestEngagement == DateTime.MinValue ? 9999 : Math.Round((now - newestEngagement).TotalDays, 2);
        Fire(ref fired, 5, daysSinceEngagement > 90 && intent < 25);
        return new FloorOutcome(fit, technographic, engagement, intent, composite, tier, tierRule, withMargin, passed, fired);
    }

    /// TierPolicy (fast up, slow down) with MinDaysInTier 7 and the default tiers (Disqualified is the worst).
    public static FloorDecision Decide(FloorOutcome outcome, FloorPrior? prior, string rulesetVersion, DateTime now)
    {
        var tier = outcome.Tier;
        var kind = prior is null ? "first-evaluation" : prior.RulesetVersion == rulesetVersion ? "score" : "rules-changed";
        var (causeRule, causeTrigger) = (outcome.TierRule, -1);
        // Fast up, slow down: only a score-driven demotion waits and must clear the hysteresis margin.
        if (prior is not null && kind == "score" && tier != Worst && Rank(tier) > Rank(prior.Tier))
        {
            var withinMargin = Rank(outcome.TierWithMargin) <= Rank(prior.Tier);
            var tooSoon = (now - prior.TierSince).TotalDays < MinDaysInTier;
            if (withinMargin || tooSoon)
            {
                tier = prior.Tier;
            }
        }
        var (heldTier, holdUntil) = prior?.HoldUntil > now ? (prior.HeldTier, prior.HoldUntil) : (null, null);
        if (heldTier is not null && tier != Worst && Rank(heldTier) < Rank(tier))
        {
            (tier, kind) = (heldTier, "hold");
        }
        var reviewFlag = prior?.ReviewFlag;
        foreach (var t in TriggerOrder)
        {
            if ((outcome.FiredTriggers & (1 << t)) == 0)
            {
                continue;
            }
            var trigger = Triggers[t];
            if (t == FlagTrigger)
            {
                reviewFlag = FlagReason;
            }
            else if ((t == DemoteTrigger && heldTier is null && Rank(trigger.Tier!) > Rank(tier) && tier != Worst) ||
                     (trigger.Promote && Rank(trigger.Tier!) < Rank(tier) && tier != Worst))
            {
                (tier, kind, causeRule, causeTrigger) = (trigger.Tier!, "trigger", trigger.Rule, t);
                if (trigger.Promote && trigger.HoldDays > 0)
                {
                    (heldTier, holdUntil) = (trigger.Tier, now.AddDays(trigger.HoldDays));
                }
            }
        }
        return new FloorDecision(tier, kind, causeRule, causeTrigger, heldTier, holdUntil, reviewFlag);
    }

    public static int Rank(string tier) => tier switch
    {
        "Tier1" => 1,
        "Tier2" => 2,
        "Tier3" => 3,
        Worst => 9,
        _ => int.MaxValue,
    };

    /// {"Fit":85,"Technographic":50,...}: what EF stores for the Components dictionary.
    public string ComponentsJson(in FloorOutcome outcome)
    {
        _json.Clear();
        _json.Append("{\"Fit\":").Append(Number(outcome.Fit)).Append(",\"Technographic\":").Append(Number(outcome.Technographic))
            .Append(",\"Engagement\":").Append(Number(outcome.Engagement)).Append(",\"Intent\":").Append(Number(outcome.Intent)).Append('}');
        return _json.ToString();
    }

    /// The reasons list as EF stores it (System.Text.Json escaping, computed once per rule).
    public string ReasonsJson(in FloorOutcome outcome)
    {
        _json.Clear().Append('[');
        for (var i = 0; i < ComponentRules.Length; i++)
        {
            if ((outcome.PassedComponents & (1u << i)) != 0)
            {
                _json.Append(_json.Length > 1 ? "," : "").Append(ReasonJson[i]);
            }
        }
        return _json.Append(']').ToString();
    }

    /// The signals behind a decision, as the product's evidence: a trigger's signals, or those of the passing
    /// component rules (distinct, at most 20). Only computed for tier changes.
    public static List<string> Evidence(FloorDecision decision, in FloorOutcome outcome, ReadOnlySpan<FloorSignal> signals, DateTime now)
    {
        var ids = new List<string>();
        if (decision.CauseTrigger >= 0)
        {
            FloorEvidence.AddTrigger(ids, decision.CauseTrigger, signals, now);
        }
        else
        {
            for (var i = 0; i < ComponentRules.Length; i++)
            {
                if ((outcome.PassedComponents & (1u << i)) != 0)
                {
                    FloorEvidence.AddComponent(ids, i, signals, now);
                }
            }
        }
        return ids.Count > MaxEvidence ? ids[..MaxEvidence] : ids;
    }

    private static (string Tier, string Rule) TierFor(double fit, double composite) =>
        fit < 20 ? (Worst, "PoorFit") : composite >= 80 ? ("Tier1", "Tier1Threshold") : composite >= 50 ? ("Tier2", "Tier2Threshold") : ("Tier3", "Everyone");

    private static double Component(uint passed, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += (passed & (1u << i)) != 0 ? Points[i] : 0;
        }
        return Math.Clamp(sum, 0, 100);
    }

    private static void Pass(ref uint passed, int bit, bool condition) => passed |= condition ? 1u << bit : 0;

    private static void Fire(ref int fired, int bit, bool condition) => fired |= condition ? 1 << bit : 0;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static bool Is(string? value, string expected) => value is not null && value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    internal static bool IsGrowthLeader(string? title) => Is(title, "VP Sales") || Is(title, "Head of Growth");

    private static bool In(string value, params ReadOnlySpan<string> list)
    {
        foreach (var item in list)
        {
            if (value.Equals(item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static void AddDistinct(List<string> seen, string value)
    {
        foreach (var existing in CollectionsMarshal.AsSpan(seen))
        {
            if (existing.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }
        seen.Add(value);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
