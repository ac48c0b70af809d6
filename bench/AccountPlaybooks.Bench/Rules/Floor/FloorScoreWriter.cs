using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Rules.Floor;

/// Prepared upserts into AccountScores and inserts into TierChanges, in the caller's transaction, with values
/// formatted as EF Core stores them.
public sealed class FloorScoreWriter : IDisposable
{
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _tierChange;

    public FloorScoreWriter(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        _upsert = Prepare(connection, """
            INSERT INTO AccountScores (AccountId, Components, Composite, Tier, TierSince, HeldTier, HoldUntil, ReviewFlag, Reasons, RulesetVersion, EvaluatedAt, Version)
            VALUES ($id, $components, $composite, $tier, $tierSince, $heldTier, $holdUntil, $reviewFlag, $reasons, $rulesetVersion, $evaluatedAt, $version)
            ON CONFLICT(AccountId) DO UPDATE SET Components = excluded.Components, Composite = excluded.Composite, Tier = excluded.Tier,
                TierSince = excluded.TierSince, HeldTier = excluded.HeldTier, HoldUntil = excluded.HoldUntil, ReviewFlag = excluded.ReviewFlag,
                Reasons = excluded.Reasons, RulesetVersion = excluded.RulesetVersion, EvaluatedAt = excluded.EvaluatedAt, Version = excluded.Version
            """, ["$id", "$components", "$composite", "$tier", "$tierSince", "$heldTier", "$holdUntil", "$reviewFlag", "$reasons", "$rulesetVersion",
            "$evaluatedAt", "$version"], transaction);
        _tierChange = Prepare(connection, """
            INSERT INTO TierChanges (AccountId, FromTier, ToTier, ChangedAt, Kind, CauseRules, CauseSignalIds, RulesetVersion)
            VALUES ($id, $from, $to, $changedAt, $kind, $causeRules, $causeSignalIds, $rulesetVersion)
            """, ["$id", "$from", "$to", "$changedAt", "$kind", "$causeRules", "$causeSignalIds", "$rulesetVersion"], transaction);
    }

    public SqliteTransaction? Transaction
    {
        set => _upsert.Transaction = _tierChange.Transaction = value;
    }

    public void Upsert(string accountId, string componentsJson, double composite, FloorDecision decision, DateTime tierSince, string reasonsJson,
        string rulesetVersion, DateTime evaluatedAt)
    {
        var p = _upsert.Parameters;
        p[0].Value = accountId;
        p[1].Value = componentsJson;
        p[2].Value = composite;
        p[3].Value = decision.Tier;
        p[4].Value = SqliteText.Format(tierSince);
        p[5].Value = (object?)decision.HeldTier ?? DBNull.Value;
        p[6].Value = SqliteText.Format(decision.HoldUntil);
        p[7].Value = (object?)decision.ReviewFlag ?? DBNull.Value;
        p[8].Value = reasonsJson;
        p[9].Value = rulesetVersion;
        p[10].Value = SqliteText.Format(evaluatedAt);
        p[11].Value = SqliteText.Format(Guid.NewGuid());
        _upsert.ExecuteNonQuery();
    }

    public void TierChange(string accountId, string? fromTier, FloorDecision decision, DateTime changedAt, string causeSignalIdsJson, string rulesetVersion)
    {
        var p = _tierChange.Parameters;
        p[0].Value = accountId;
        p[1].Value = (object?)fromTier ?? DBNull.Value;
        p[2].Value = decision.Tier;
        p[3].Value = SqliteText.Format(changedAt);
        p[4].Value = decision.Kind;
        p[5].Value = "[\"" + decision.CauseRule + "\"]";
        p[6].Value = causeSignalIdsJson;
        p[7].Value = rulesetVersion;
        _tierChange.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _upsert.Dispose();
        _tierChange.Dispose();
    }

    internal static SqliteCommand Prepare(SqliteConnection connection, string sql, string[] parameters, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        command.Prepare();
        return command;
    }
}
