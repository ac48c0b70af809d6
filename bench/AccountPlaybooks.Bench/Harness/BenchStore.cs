using System.Data.Common;
using System.Globalization;
using AccountPlaybooks.Bench.Rules;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AccountPlaybooks.Bench.Harness;

/// Where one benchmark database lives: a SQLite file in the work folder, or a database of its own on a PostgreSQL
/// server (created for the run, copied with CREATE DATABASE … TEMPLATE, dropped afterwards; <see cref="Admin"/> is the
/// connection string used only to create and drop). The harness reads and writes it with plain ADO.NET; identifiers
/// are double-quoted and parameters named @x, which both providers accept.
public sealed record BenchStore(bool Postgres, string Name, string ConnectionString, string Admin = "")
{
    /// The product's connection settings (SqliteConnectionPragmas), so raw SQL writes the way EF does.
    public const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    public static BenchStore Sqlite(string path) => new(false, path, $"Data Source={path}");

    /// A database named <paramref name="name"/> on the server that <paramref name="admin"/> reaches.
    public static BenchStore OnPostgres(string admin, string name) =>
        new(true, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, admin);

    /// `--postgres env` means $AP_TEST_POSTGRES; anything else is the admin connection string itself.
    public static string? PostgresAdmin(string? option) =>
        option == "env" ? Environment.GetEnvironmentVariable("AP_TEST_POSTGRES") ?? throw new InvalidOperationException("--postgres env: $AP_TEST_POSTGRES is not set") : option;

    public string Provider => Postgres ? "Postgres" : "Sqlite";

    public string Describe => Postgres ? $"PostgreSQL database {Name}" : $"SQLite {Name}";

    /// The configuration the product's services take (BenchServices overrides; no commas in either string).
    public string Overrides => $"Database:Provider={Provider},Database:ConnectionString={ConnectionString}";

    /// A connection for reading results (SQLite: read-only, unpooled) or, with <paramref name="write"/>, for writing
    /// with the product's PRAGMAs.
    public DbConnection Open(bool write = false)
    {
        DbConnection connection = Postgres ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(write ? ConnectionString : ConnectionString + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        if (!Postgres)
        {
            Execute(connection, write ? SqlitePragmas : "PRAGMA busy_timeout=5000;");
        }
        return connection;
    }

    public long Count(string sql)
    {
        using var connection = Open();
        return Count(connection, sql);
    }

    public static long Count(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static int Execute(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command.ExecuteNonQuery();
    }

    /// A date as a parameter value: SQLite keeps EF's text, PostgreSQL a timestamptz.
    public object TimeValue(DateTime utc) => Postgres ? utc : SqliteText.Format(utc);

    /// A date column as UTC: SQLite keeps EF's text, PostgreSQL a timestamptz.
    public static DateTime Time(DbDataReader reader, int column) => reader.GetValue(column) switch
    {
        string text => SqliteText.Parse(text),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        var other => throw new InvalidCastException($"unexpected date value {other}"),
    };

    /// Megabytes on disk (SQLite: the file; PostgreSQL: pg_database_size).
    public double SizeMiB()
    {
        if (!Postgres)
        {
            return new FileInfo(Name).Length / 1048576.0;
        }
        using var connection = Open();
        return Count(connection, "SELECT pg_database_size(current_database())") / 1048576.0;
    }

    /// Makes the prepared database's durable state complete for copying (SQLite: the write-ahead log folded in).
    public void Checkpoint()
    {
        if (Postgres)
        {
            return;
        }
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
    }

    /// A fresh copy of this (prepared) database under another name (SQLite: a file path).
    public BenchStore CopyTo(string name)
    {
        if (!Postgres)
        {
            var file = Sqlite(name);
            file.Create();
            File.Copy(Name, name);
            return file;
        }
        NpgsqlConnection.ClearAllPools();
        var copy = OnPostgres(Admin, name);
        AdminRun($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\" TEMPLATE \"{Name}\"");
        return copy;
    }

    /// Starts an empty database, dropping any previous one (SQLite: deletes the files; the first connection creates it).
    public void Create()
    {
        if (Postgres)
        {
            AdminRun($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", $"CREATE DATABASE \"{Name}\"");
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Name + suffix);
        }
    }

    /// Drops the database (PostgreSQL); files go with the work folder.
    public void Drop()
    {
        if (Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            AdminRun($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }

    private void AdminRun(params string[] statements)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false }.ConnectionString);
        connection.Open();
        foreach (var statement in statements)
        {
            Execute(connection, statement);
        }
    }
}
