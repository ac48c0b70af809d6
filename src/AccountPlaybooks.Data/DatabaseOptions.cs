using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Data;

/// The "Database" configuration section. SQLite unless a PostgreSQL connection string is given.
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// "Sqlite" (default) or "Postgres".
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/accountplaybooks.db";
}
