namespace AccountPlaybooks.Bench.Rules.Floor;

/// The technologies the default rules ask about, as bits.
[Flags]
public enum Tech
{
    None = 0, Salesforce = 1, HubSpot = 2, Marketo = 4, Pardot = 8, Snowflake = 16, Dbt = 32, Segment = 64, Looker = 128,
    Outreach = 256, Salesloft = 512, Gong = 1024, SixSense = 2048, Demandbase = 4096,
}
