using System.Data.Common;
using System.Globalization;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AccountPlaybooks.Bench.Latency;

/// Where one `latency` database lives: a SQLite file in the work folder, or a database of its own on a PostgreSQL
/// server (created for the run, copied with CREATE DATABASE … TEMPLATE, dropped afterwards). The harness reads
/// results from it with plain ADO.NET; identifiers are double-quoted, which both accept.
public sealed record LatencyStore(bool Postgres, string Name, string ConnectionString)
{
    public static LatencyStore Sqlite(string path) => new(false, path, $"Data Source={path}");

    /// A database named <paramref name="name"/> on the server that <paramref name="admin"/> reaches (the admin's own
    /// database is used only to create and drop).
    public static LatencyStore OnPostgres(string admin, string name) =>
        new(true, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);

    public string Provider => Postgres ? "Postgres" : "Sqlite";

    public string Describe => Postgres ? $"PostgreSQL database {Name}" : $"SQLite {Name}";

    /// The configuration the product's services take (BenchServices overrides; no commas in either string).
    public string Overrides => $"Database:Provider={Provider},Database:ConnectionString={ConnectionString}";

    public DbConnection Open()
    {
        DbConnection connection = Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        if (!Postgres)
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }
        return connection;
    }

    public long Count(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// A date column as UTC: SQLite keeps EF's text, PostgreSQL a timestamptz.
    public static DateTime Time(DbDataReader reader, int column) => reader.GetValue(column) switch
    {
        string text => SqliteText.Parse(text),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        var other => throw new InvalidCastException($"unexpected date value {other}"),
    };

    /// Makes the prepared database's durable state complete for copying (SQLite: the write-ahead log folded in).
    public void Checkpoint()
    {
        if (!Postgres)
        {
            LatencyDatabase.Checkpoint(Name);
        }
    }

    /// A fresh copy of this (prepared) database under another name.
    public LatencyStore CopyTo(string name, string admin)
    {
        if (!Postgres)
        {
            LatencyDatabase.Copy(Name, name);
            return Sqlite(name);
        }
        NpgsqlConnection.ClearAllPools();
        var copy = OnPostgres(admin, name);
        Admin(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\" TEMPLATE \"{Name}\"");
        return copy;
    }

    /// Creates an empty database (PostgreSQL; a SQLite file is created by the first connection).
    public void Create(string admin)
    {
        if (Postgres)
        {
            Admin(admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", $"CREATE DATABASE \"{Name}\"");
        }
    }

    public void Drop(string admin)
    {
        if (Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            Admin(admin, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }

    private static void Admin(string admin, params string[] statements)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        connection.Open();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }
}
