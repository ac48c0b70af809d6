namespace AccountPlaybooks.Application.Demo;

/// The word lists behind the demo data. Weights are relative frequencies, not percentages.
internal static class DemoVocabulary
{
    // Company names are a compound ("Blue" + "peak") plus an industry word: ~1,200 compounds × 6 words per industry.
    public static readonly string[] NameStarts =
    [
        "North", "Blue", "Silver", "Iron", "Bright", "Clear", "Red", "Green", "Stone", "Oak", "Pine", "Maple",
        "Summit", "Harbor", "River", "Cedar", "Granite", "Golden", "Swift", "True", "High", "Far", "West", "East",
        "Star", "Sun", "Moon", "Sky", "Frost", "Ever", "Lake", "Amber", "Copper", "Open", "Wild", "Cloud", "Deep",
        "Quick", "Bold", "Fair",
    ];

    public static readonly string[] NameEnds =
    [
        "wind", "peak", "field", "bridge", "stone", "gate", "line", "wave", "point", "ridge", "light", "path",
        "works", "well", "crest", "brook", "forge", "haven", "vale", "mark", "spring", "leaf", "view", "bay",
        "rock", "wood", "shore", "port", "side", "stream",
    ];

    public static readonly (DemoIndustry Value, int Weight)[] Industries =
    [
        (new("Software", "SaaS", 180, TechHeavy: true, ["Software", "Labs", "Systems", "Cloud", "Technologies", "Analytics"]), 18),
        (new("Fintech", "Fintech", 250, TechHeavy: true, ["Pay", "Capital", "Finance", "Ledger", "Payments", "Financial"]), 8),
        (new("Healthcare", "Healthcare", 150, TechHeavy: false, ["Health", "Medical", "Care", "Diagnostics", "Therapeutics", "Clinics"]), 9),
        (new("Manufacturing", "Manufacturing", 220, TechHeavy: false, ["Manufacturing", "Industries", "Components", "Machining", "Materials", "Fabrication"]), 12),
        (new("Retail", "Retail", 160, TechHeavy: false, ["Retail", "Market", "Goods", "Outfitters", "Supply", "Stores"]), 9),
        (new("Logistics", "Logistics", 190, TechHeavy: false, ["Logistics", "Freight", "Shipping", "Transport", "Cargo", "Fleet"]), 7),
        (new("Media", "Media", 170, TechHeavy: true, ["Media", "Studios", "Publishing", "Broadcasting", "Digital", "Press"]), 6),
        (new("Education", "Education", 90, TechHeavy: false, ["Learning", "Academy", "Education", "Institute", "Campus", "Tutors"]), 6),
        (new("Professional Services", "Services", 140, TechHeavy: false, ["Consulting", "Partners", "Advisory", "Group", "Associates", "Legal"]), 10),
        (new("Telecommunications", "Telco", 300, TechHeavy: false, ["Telecom", "Networks", "Communications", "Connect", "Fiber", "Wireless"]), 5),
        (new("Energy", "Energy", 450, TechHeavy: false, ["Energy", "Power", "Solar", "Renewables", "Utilities", "Grid"]), 5),
        (new("Government", "Public Sector", 120, TechHeavy: false, ["County", "Municipality", "Transit Authority", "Port Authority", "Water District", "Public Library"]), 5),
    ];

    // Territory is what an AE's Territories list names; null means any AE of the covering team.
    public static readonly (DemoCountry Value, int Weight)[] Countries =
    [
        (new("United States", "NA", null, null), 30),
        (new("Canada", "NA", null, ".ca"), 5),
        (new("Germany", "EMEA", "DACH", ".de"), 10),
        (new("Austria", "EMEA", "DACH", ".at"), 1),
        (new("Switzerland", "EMEA", "DACH", ".ch"), 2),
        (new("United Kingdom", "EMEA", "UK&I", ".co.uk"), 10),
        (new("Ireland", "EMEA", "UK&I", ".ie"), 2),
        (new("Netherlands", "EMEA", "Benelux", ".nl"), 4),
        (new("Belgium", "EMEA", "Benelux", ".be"), 1),
        (new("Sweden", "EMEA", "Nordics", ".se"), 2),
        (new("Denmark", "EMEA", "Nordics", ".dk"), 1),
        (new("France", "EMEA", null, ".fr"), 5),
        (new("Spain", "EMEA", null, ".es"), 2),
        (new("Brazil", "LATAM", "LATAM", ".com.br"), 4),
        (new("Mexico", "LATAM", "LATAM", ".mx"), 3),
        (new("Argentina", "LATAM", "LATAM", ".com.ar"), 1),
        (new("Colombia", "LATAM", "LATAM", ".co"), 1),
        (new("Australia", "APAC", "APAC", ".com.au"), 4),
        (new("Singapore", "APAC", "APAC", ".sg"), 2),
        (new("Japan", "APAC", "APAC", ".co.jp"), 2),
        (new("India", "APAC", "APAC", ".in"), 3),
    ];

    // Upper bound on employees (exclusive) → funding stages: startups raise, large firms are public or private.
    public static readonly (int Below, (string Value, int Weight)[] Stages)[] FundingBySize =
    [
        (50, [("Seed", 35), ("Series A", 25), ("Bootstrapped", 40)]),
        (200, [("Seed", 10), ("Series A", 30), ("Series B", 25), ("Bootstrapped", 35)]),
        (1000, [("Series B", 25), ("Series C", 25), ("Growth", 20), ("Bootstrapped", 20), ("Public", 10)]),
        (int.MaxValue, [("Growth", 20), ("Public", 50), ("Bootstrapped", 30)]),
    ];

    // Millions of USD, the usual range of each round.
    public static readonly (string Round, int MinMillions, int MaxMillions)[] RoundSizes =
    [
        ("Seed", 1, 5), ("Series A", 6, 25), ("Series B", 20, 70), ("Series C", 50, 150), ("Growth", 100, 400),
    ];

    public static readonly (int Value, int Weight)[] StackSizes = [(0, 10), (1, 15), (2, 20), (3, 20), (4, 15), (5, 12), (6, 8)];

    // At most one tool per category: nobody runs Outreach and Salesloft side by side.
    public static readonly (DemoTechnology Value, int Weight)[] Technologies =
    [
        (new("Salesforce", "crm"), 30), (new("HubSpot", "crm"), 20), (new("Microsoft Dynamics 365", "crm"), 8), (new("Pipedrive", "crm"), 5),
        (new("Marketo", "marketing-automation"), 10), (new("Pardot", "marketing-automation"), 6),
        (new("Outreach", "sales-engagement"), 10), (new("Salesloft", "sales-engagement"), 8), (new("Apollo", "sales-engagement"), 6),
        (new("Gong", "conversation-intelligence"), 10),
        (new("Snowflake", "warehouse"), 12), (new("BigQuery", "warehouse"), 8), (new("Databricks", "warehouse"), 6),
        (new("dbt", "transformation"), 8), (new("Segment", "cdp"), 8),
        (new("Looker", "bi"), 8), (new("Tableau", "bi"), 8), (new("Power BI", "bi"), 8),
        (new("Zendesk", "support"), 10), (new("Intercom", "support"), 8),
        (new("Slack", "chat"), 20), (new("Microsoft Teams", "chat"), 15),
    ];

    // Opens and visits dominate real engagement data; funding and exec changes are rare, which is why they matter.
    public static readonly (string Value, int Weight)[] SignalTypes =
    [
        ("email_open", 340), ("page_visit", 260), ("email_click", 90), ("content_download", 60), ("job_posting", 50),
        ("intent_surge", 50), ("webinar_attended", 40), ("competitor_review", 30), ("email_reply", 30),
        ("meeting_booked", 20), ("unsubscribe", 15), ("exec_hire", 10), ("funding_round", 5),
    ];

    // What a hot account looks like in its last two weeks: pricing visits, opens, surging intent, replies.
    public static readonly (string Value, int Weight)[] HotSignalTypes =
    [
        ("page_visit", 300), ("email_open", 250), ("intent_surge", 120), ("email_click", 100), ("email_reply", 50),
        ("content_download", 50), ("meeting_booked", 40), ("webinar_attended", 40), ("competitor_review", 30),
        ("job_posting", 20),
    ];

    public static readonly (string Value, int Weight)[] Pages =
    [
        ("/pricing", 10), ("/integrations", 8), ("/integrations/salesforce", 5), ("/integrations/hubspot", 4),
        ("/compare/6sense", 3), ("/compare/demandbase", 3), ("/product/playbooks", 8), ("/customers", 6),
        ("/blog/signal-based-selling", 12), ("/blog/tiering-accounts-without-spreadsheets", 10),
        ("/blog/icp-scoring-101", 10), ("/", 21),
    ];

    public static readonly (string Value, int Weight)[] HotPages =
    [
        ("/pricing", 40), ("/integrations", 12), ("/integrations/salesforce", 10), ("/compare/6sense", 8),
        ("/compare/demandbase", 8), ("/product/playbooks", 10), ("/customers", 7), ("/demo", 5),
    ];

    public static readonly string[] Campaigns =
    [
        "Q4 Pipeline Push", "RevOps Benchmark Report 2026", "Product Update: November", "Signal-Based Selling Webinar Invite",
        "Tier 1 Playbook Guide", "Customer Story: Logistics", "Year-End Planning Checklist", "Monthly Newsletter",
    ];

    public static readonly string[] Webinars =
    [
        "Tiering Accounts Without Spreadsheets", "From Intent Data to Pipeline", "Building a Tier 1 Playbook",
        "RevOps Office Hours",
    ];

    public static readonly string[] Assets =
    [
        "ABM Tiering Workbook", "2026 Intent Data Buyer's Guide", "ICP Scoring Template", "SDR Capacity Calculator",
        "State of RevOps Report",
    ];

    public static readonly string[] MeetingTypes = ["Discovery", "Demo", "Pricing review"];

    public static readonly string[] IntentTopics =
    [
        "Account-Based Marketing", "Sales Intelligence", "Lead Scoring", "Intent Data", "Revenue Operations",
        "Sales Engagement Platform", "Predictive Analytics",
    ];

    public static readonly string[] Competitors = ["6sense", "Demandbase", "Terminus", "RollWorks", "ZoomInfo"];

    public static readonly string[] ReviewSites = ["G2", "G2", "G2", "Capterra"];

    public static readonly string[] ExecTitles =
    [
        "VP Sales", "Head of Growth", "Chief Revenue Officer", "VP Marketing", "Head of RevOps", "VP Sales Development",
    ];

    public static readonly string[] JobRoles =
    [
        "SDR", "RevOps", "Data Engineer", "Account Executive", "Marketing Operations Manager", "Demand Generation Manager",
    ];

    // Lengths are prime so that a small pool of contacts per account does not repeat names.
    public static readonly string[] ContactFirstNames =
    [
        "James", "Maria", "David", "Sarah", "Michael", "Laura", "Thomas", "Emma", "Daniel", "Olivia", "Lukas", "Julia",
        "Pierre", "Chloe", "Carlos", "Ana", "Hiroshi", "Yuki", "Arjun", "Neha", "Liam", "Grace", "Felix", "Hannah",
        "Mateo", "Sofia", "Oliver", "Ines", "Noah", "Clara", "Ethan",
    ];

    public static readonly string[] ContactLastNames =
    [
        "Smith", "Johnson", "Brown", "Miller", "Davis", "Garcia", "Wilson", "Taylor", "Moore", "Martin", "Schmidt",
        "Fischer", "Wagner", "Becker", "Dubois", "Moreau", "Rossi", "Silva", "Santos", "Lopez", "Tanaka", "Sato",
        "Sharma", "Gupta", "Murphy", "Walsh", "Jensen", "Larsen", "Novak", "Evans", "Clarke", "Hall", "Young",
        "Allen", "King", "Wright", "Scott",
    ];
}

internal sealed record DemoIndustry(string Name, string SegmentLabel, int RevenuePerEmployeeThousands, bool TechHeavy, string[] Words);

internal sealed record DemoCountry(string Name, string Region, string? Territory, string? Tld);

internal sealed record DemoTechnology(string Name, string Category);
