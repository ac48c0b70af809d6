using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AccountPlaybooks.Data.Sqlite;

/// Used by `dotnet ef migrations add --context SqliteDbContext` only.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteDbContext>();
        SqliteDbContext.Configure(builder, "Data Source=design-time.db");
        return new SqliteDbContext(builder.Options);
    }
}
