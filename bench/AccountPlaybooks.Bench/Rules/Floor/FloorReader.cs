using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Rules.Floor;

/// Reads accounts (with their stored score) and their signal window chunk by chunk, keyset by account id: two
/// range queries per chunk, both served by a primary key or the (AccountId, OccurredAt) index.
public sealed class FloorReader(SqliteConnection connection, DateTime since) : IDisposable
{
    private readonly SqliteCommand _accounts = FloorScoreWriter.Prepare(connection, """
        SELECT a.Id, a.Industry, a.Employees, a.AnnualRevenue, a.Region, a.FundingStage, a.TechStack,
               s.Tier, s.TierSince, s.HeldTier, s.HoldUntil, s.ReviewFlag, s.RulesetVersion, s.Composite, s.Components, s.Reasons
        FROM Accounts a LEFT JOIN AccountScores s ON s.AccountId = a.Id
        WHERE a.Id > $after ORDER BY a.Id LIMIT $limit
        """, ["$after", "$limit"]);

    private readonly SqliteCommand _signals = FloorScoreWriter.Prepare(connection, """
        SELECT AccountId, Id, Type, OccurredAt, Properties FROM Signals
        WHERE AccountId > $after AND AccountId <= $last AND OccurredAt >= $since ORDER BY AccountId
        """, ["$after", "$last", "$since"]);

    private readonly string _since = SqliteText.Format(since);
    private string _after = "";

    /// Fills the chunk; <paramref name="ranges"/>[i] is account i's slice of <paramref name="signals"/>. False at the end.
    public bool Read(int chunkSize, List<FloorAccount> accounts, List<FloorSignal> signals, List<(int Start, int Count)> ranges)
    {
        accounts.Clear();
        signals.Clear();
        ranges.Clear();
        _accounts.Parameters[0].Value = _after;
        _accounts.Parameters[1].Value = chunkSize;
        using (var reader = _accounts.ExecuteReader())
        {
            while (reader.Read())
            {
                accounts.Add(new FloorAccount
                {
                    Id = reader.GetString(0),
                    Industry = reader.IsDBNull(1) ? "" : reader.GetString(1),
                    Employees = reader.IsDBNull(2) ? 0 : reader.GetInt32(2),
                    Revenue = reader.IsDBNull(3) ? 0 : reader.GetDouble(3),
                    Region = reader.IsDBNull(4) ? "" : reader.GetString(4),
                    FundingStage = reader.IsDBNull(5) ? "" : reader.GetString(5),
                    Tech = FlatJson.ReadTechStack(reader.GetString(6)),
                    Prior = reader.IsDBNull(7) ? null : new FloorPrior(reader.GetString(7), SqliteText.Parse(reader.GetString(8)),
                        reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : SqliteText.Parse(reader.GetString(10)),
                        reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetString(12), reader.GetDouble(13), reader.GetString(14),
                        reader.GetString(15)),
                });
            }
        }
        if (accounts.Count == 0)
        {
            return false;
        }
        _signals.Parameters[0].Value = _after;
        _signals.Parameters[1].Value = accounts[^1].Id;
        _signals.Parameters[2].Value = _since;
        var index = 0;
        var start = 0;
        using (var reader = _signals.ExecuteReader())
        {
            while (reader.Read())
            {
                var accountId = reader.GetString(0);
                while (!string.Equals(accounts[index].Id, accountId, StringComparison.Ordinal))
                {
                    ranges.Add((start, signals.Count - start));
                    start = signals.Count;
                    index++;
                }
                FlatJson.ReadSignalProperties(reader.GetString(4), out var page, out var contact, out var round, out var title);
                signals.Add(new FloorSignal(reader.GetString(1), FloorSignal.KindOf(reader.GetString(2)), SqliteText.Parse(reader.GetString(3)),
                    page, contact, round, title));
            }
        }
        while (ranges.Count < accounts.Count)
        {
            ranges.Add((start, signals.Count - start));
            start = signals.Count;
        }
        _after = accounts[^1].Id;
        return true;
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _signals.Dispose();
    }
}
