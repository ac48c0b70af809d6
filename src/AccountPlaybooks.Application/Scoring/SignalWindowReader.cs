using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AccountPlaybooks.Application.Scoring;

/// Reads a chunk's signal windows with a plain DbDataReader (SQLite and PostgreSQL): the five columns the rules
/// see, no entities, no EF materializer, and the Properties JSON parsed into a small read-only map. In a full
/// re-evaluation this query was the largest single cost (docs/performance.md, "Rules: full re-evaluation").
/// Rows are grouped by account in the order the database returns them (the (AccountId, OccurredAt) index).
public static class SignalWindowReader
{
    private const string Columns = """SELECT "AccountId", "Id", "Type", "OccurredAt", "Properties" FROM "Signals" """;

    /// Most ids per IN list (an incremental evaluation's accounts); PostgreSQL allows 65,535 parameters, SQLite 32,766.
    private const int IdsPerCommand = 500;

    /// The windows of every account whose id is between <paramref name="first"/> and <paramref name="last"/>
    /// (inclusive, in the database's order: a keyset page of accounts), signals at or after <paramref name="since"/>.
    public static async Task<Dictionary<string, List<SignalFact>>> ReadRangeAsync(AppDbContext db, string first, string last, DateTime since,
        CancellationToken cancellationToken)
    {
        var windows = new Dictionary<string, List<SignalFact>>(StringComparer.Ordinal);
        await ReadAsync(db, windows, $"""{Columns}WHERE "AccountId" >= @first AND "AccountId" <= @last AND "OccurredAt" >= @since""",
            [("@first", first), ("@last", last), ("@since", Utc(since))], cancellationToken);
        return windows;
    }

    /// The windows of these accounts (any ids), signals at or after <paramref name="since"/>.
    public static async Task<Dictionary<string, List<SignalFact>>> ReadAsync(AppDbContext db, IReadOnlyList<string> accountIds, DateTime since,
        CancellationToken cancellationToken)
    {
        var windows = new Dictionary<string, List<SignalFact>>(StringComparer.Ordinal);
        for (var start = 0; start < accountIds.Count; start += IdsPerCommand)
        {
            var batch = accountIds.Skip(start).Take(IdsPerCommand).ToList();
            var names = batch.Select((_, i) => $"@a{i}").ToList();
            await ReadAsync(db, windows, $"""{Columns}WHERE "AccountId" IN ({string.Join(", ", names)}) AND "OccurredAt" >= @since""",
                [.. batch.Select((id, i) => (names[i], (object)id)), ("@since", Utc(since))], cancellationToken);
        }
        return windows;
    }

    private static async Task ReadAsync(AppDbContext db, Dictionary<string, List<SignalFact>> windows, string sql,
        IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keys = new SignalPropertyKeys();
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            List<SignalFact>? current = null;
            string? currentAccount = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var accountId = reader.GetString(0);
                if (!string.Equals(accountId, currentAccount, StringComparison.Ordinal))
                {
                    currentAccount = accountId;
                    if (!windows.TryGetValue(accountId, out current))
                    {
                        windows[accountId] = current = [];
                    }
                }
                var type = reader.GetString(2);
                // The same few types on every row: keep one instance of each (bounded like the property names).
                if (types.TryGetValue(type, out var known))
                {
                    type = known;
                }
                else if (types.Count < 256)
                {
                    types[type] = type;
                }
                current!.Add(new SignalFact(reader.GetString(1), type, Utc(reader.GetDateTime(3)), SignalProperties.Parse(reader.GetString(4), keys)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// SQLite hands dates back unspecified, PostgreSQL's timestamptz as UTC; the domain's dates are UTC (UtcDateTimeConverter).
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
