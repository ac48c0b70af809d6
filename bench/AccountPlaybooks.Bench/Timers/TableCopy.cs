using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Timers;

/// The rows one instance owns in a table, read once and inserted again with new ids: every text value has the
/// template's ids replaced (columns and the state JSON alike), and each copy gets its own concurrency token.
public sealed class TableCopy : IDisposable
{
    private readonly List<object[]> _rows = [];
    private int _version;
    private SqliteCommand _insert = null!;

    private TableCopy(string table) => Table = table;

    public string Table { get; }
    public int Rows => _rows.Count;

    public static TableCopy Read(SqliteConnection connection, SqliteTransaction transaction, string table, string owner, string ownerId, bool ownIntegerId)
    {
        var copy = new TableCopy(table);
        List<string> columns;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT * FROM {table} WHERE {owner} = $owner";
            select.Parameters.AddWithValue("$owner", ownerId);
            using var reader = select.ExecuteReader();
            columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(c => !(ownIntegerId && c == "Id")).ToList();
            while (reader.Read())
            {
                copy._rows.Add(columns.Select(c => reader.GetValue(reader.GetOrdinal(c))).ToArray());
            }
        }
        if (copy._rows.Count == 0)
        {
            throw new InvalidOperationException($"the template instance has no {table} rows");
        }
        copy._version = columns.IndexOf("Version");
        var names = columns.Select((_, i) => $"$p{i}").ToArray();
        copy._insert = Prepare(connection, transaction, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})", names);
        return copy;
    }

    public void Insert(IReadOnlyDictionary<string, string> replacements)
    {
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                _insert.Parameters[i].Value = i == _version ? SqliteText.Format(Guid.NewGuid()) : Replace(row[i], replacements);
            }
            _insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => _insert.Dispose();

    private static object Replace(object value, IReadOnlyDictionary<string, string> replacements)
    {
        if (value is not string text)
        {
            return value;
        }
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return text;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }
        command.Prepare();
        return command;
    }
}
