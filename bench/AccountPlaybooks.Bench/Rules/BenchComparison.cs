using System.Globalization;
using System.Text;
using AccountPlaybooks.Bench.Harness;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Rules;

/// Checks that the variants agree, from the databases they wrote: tier counts, then row by row (ours against
/// the floor on every account, ours against naive on the naive sample). Returns the number of disagreements.
public static class BenchComparison
{
    private const string Differs = """
        x.Tier IS NOT y.Tier OR x.Composite IS NOT y.Composite OR x.Components IS NOT y.Components OR x.Reasons IS NOT y.Reasons
        OR x.HeldTier IS NOT y.HeldTier OR x.HoldUntil IS NOT y.HoldUntil OR x.ReviewFlag IS NOT y.ReviewFlag OR x.TierSince IS NOT y.TierSince
        OR x.EvaluatedAt IS NOT y.EvaluatedAt
        """;

    public static int Compare(IReadOnlyDictionary<string, string> databases, BenchSettings settings, TextWriter output)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var (variant, path) in databases)
        {
            Execute(connection, $"ATTACH DATABASE '{path.Replace("'", "''", StringComparison.Ordinal)}' AS {variant}");
        }
        Execute(connection, "CREATE TEMP TABLE sample (Id TEXT PRIMARY KEY)");
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var id in settings.NaiveSampleIds())
            {
                Execute(connection, "INSERT INTO temp.sample VALUES ($id)", transaction, ("$id", id));
            }
            transaction.Commit();
        }

        var columns = new List<(string Title, Dictionary<string, long> Counts)>();
        foreach (var variant in databases.Keys)
        {
            if (variant != Variants.Naive)
            {
                columns.Add(($"{variant} (all)", TierCounts(connection, variant, sampleOnly: false)));
            }
        }
        foreach (var variant in databases.Keys)
        {
            columns.Add(($"{variant} (sample)", TierCounts(connection, variant, sampleOnly: true)));
        }
        var tiers = columns.SelectMany(c => c.Counts.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine();
        output.WriteLine($"Tier counts after the run (sample = the {settings.NaiveSampleIds().Count:N0} accounts naive evaluated):");
        var table = new MarkdownTable(["tier", .. columns.Select(c => c.Title)]);
        foreach (var tier in tiers)
        {
            table.Row([$"{tier}", .. columns.Select(c => (FormattableString)$"{c.Counts.GetValueOrDefault(tier):N0}")]);
        }
        table.WriteTo(output);

        var problems = 0;
        if (databases.ContainsKey(Variants.Ours) && databases.ContainsKey(Variants.Floor))
        {
            problems += Diff(connection, Variants.Ours, Variants.Floor, sampleOnly: false, output);
        }
        if (databases.ContainsKey(Variants.Ours) && databases.ContainsKey(Variants.Naive))
        {
            problems += Diff(connection, Variants.Ours, Variants.Naive, sampleOnly: true, output);
        }
        return problems;
    }

    private static Dictionary<string, long> TierCounts(SqliteConnection connection, string variant, bool sampleOnly)
    {
        var counts = new Dictionary<string, long>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT x.Tier, COUNT(*) FROM {variant}.AccountScores x {SampleJoin(sampleOnly)} GROUP BY x.Tier";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private static int Diff(SqliteConnection connection, string a, string b, bool sampleOnly, TextWriter output)
    {
        var scope = sampleOnly ? "on the naive sample" : "on every account";
        var rowsA = Scalar(connection, $"SELECT COUNT(*) FROM {a}.AccountScores x {SampleJoin(sampleOnly)}");
        var rowsB = Scalar(connection, $"SELECT COUNT(*) FROM {b}.AccountScores x {SampleJoin(sampleOnly)}");
        var differing = Scalar(connection, $"SELECT COUNT(*) FROM {a}.AccountScores x JOIN {b}.AccountScores y ON y.AccountId = x.AccountId {SampleJoin(sampleOnly)} WHERE {Differs}");
        var now = SqliteText.Format(BenchSettings.Now);
        var changes = $"FROM {{0}}.TierChanges x {SampleJoin(sampleOnly)} WHERE x.ChangedAt = '{now}'";
        var changesA = Scalar(connection, "SELECT COUNT(*) " + string.Format(CultureInfo.InvariantCulture, changes, a));
        var changesB = Scalar(connection, "SELECT COUNT(*) " + string.Format(CultureInfo.InvariantCulture, changes, b));
        var changeColumns = "x.AccountId, x.FromTier, x.ToTier, x.Kind, x.CauseRules";
        var changesDiffer = Scalar(connection, $"SELECT COUNT(*) FROM (SELECT {changeColumns} " + string.Format(CultureInfo.InvariantCulture, changes, a) +
                                               $" EXCEPT SELECT {changeColumns} " + string.Format(CultureInfo.InvariantCulture, changes, b) + ")");
        var evidenceDiffer = Scalar(connection, $"SELECT COUNT(*) FROM (SELECT {changeColumns}, x.CauseSignalIds " + string.Format(CultureInfo.InvariantCulture, changes, a) +
                                                $" EXCEPT SELECT {changeColumns}, x.CauseSignalIds " + string.Format(CultureInfo.InvariantCulture, changes, b) + ")");
        var ok = rowsA == rowsB && differing == 0 && changesA == changesB && changesDiffer == 0;
        output.WriteLine();
        output.WriteLine($"{a} vs {b} {scope}: {(ok ? "SAME" : "DIFFERENT")} — score rows {rowsA:N0} vs {rowsB:N0}, {differing:N0} rows differ " +
                         $"(tier, composite, components, reasons, hold, flag, dates); tier changes written {changesA:N0} vs {changesB:N0}, " +
                         $"{changesDiffer:N0} differ in from/to/kind/cause rule, {evidenceDiffer:N0} in cause signal ids (informational)");
        if (differing > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT x.AccountId, x.Tier, y.Tier, x.Composite, y.Composite, x.Components, y.Components, x.HeldTier, y.HeldTier, x.ReviewFlag, y.ReviewFlag,
                       x.Reasons, y.Reasons
                FROM {a}.AccountScores x JOIN {b}.AccountScores y ON y.AccountId = x.AccountId {SampleJoin(sampleOnly)} WHERE {Differs} LIMIT 5
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = new StringBuilder($"  {reader.GetString(0)}:");
                for (var i = 1; i < reader.FieldCount; i += 2)
                {
                    var (x, y) = (reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString(), reader.IsDBNull(i + 1) ? "null" : reader.GetValue(i + 1).ToString());
                    line.Append(x == y ? "" : $" {reader.GetName(i)} {a}={x} {b}={y};");
                }
                output.WriteLine(line.ToString());
            }
        }
        return ok ? 0 : 1;
    }

    private static string SampleJoin(bool sampleOnly) => sampleOnly ? "JOIN temp.sample s ON s.Id = x.AccountId" : "";

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
