using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Reviews;

/// The app with review mode on for score-driven demotions (or off), a Tier 2 playbook that ends when the tier changes
/// and a Tier 3 playbook an account may enter again after a day.
public abstract class TierReviewApp : AppFixture
{
    public const string Tier2Playbook = "review-tier2";
    public const string Tier3Playbook = "review-tier3";

    private readonly bool _reviewMode;

    protected TierReviewApp(DatabaseProvider provider, bool reviewMode = true) : base(provider)
    {
        _reviewMode = reviewMode;
        File.WriteAllText(Path.Combine(PlaybooksFolder, $"{Tier2Playbook}.json"), TierPlaybook(Tier2Playbook, "Tier2"));
        File.WriteAllText(Path.Combine(PlaybooksFolder, $"{Tier3Playbook}.json"), TierPlaybook(Tier3Playbook, "Tier3"));
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TierReview:Enabled"] = _reviewMode ? "true" : "false",
        ["TierReview:Moves"] = "demotions",
    };

    private static string TierPlaybook(string id, string tier) => $$"""
        {
          "id": "{{id}}", "name": "{{tier}} play",
          "triggers": [ { "type": "tierEntered", "tier": "{{tier}}" } ],
          "exit": { "onTierChange": true },
          "reenrollment": { "policy": "cooldown", "cooldown": "P1D" },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "email", "type": "CreateTask", "inputs": { "channel": "email", "template": "tier2-sequence-email", "due": "P2D" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "email" },
            { "from": "email", "port": "Done", "to": "end" },
            { "from": "email", "port": "Skipped", "to": "end" }
          ]
        }
        """;
}

public sealed class TierReviewOnSqlite() : TierReviewApp(DatabaseProvider.Sqlite);

public sealed class TierReviewOnPostgres() : TierReviewApp(DatabaseProvider.Postgres);

public sealed class TierReviewOffOnSqlite() : TierReviewApp(DatabaseProvider.Sqlite, reviewMode: false);
