using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AccountPlaybooks.Data.Postgres;

/// Used by `dotnet ef migrations add --context PostgresDbContext` only; no server is contacted.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresDbContext>();
        PostgresDbContext.Configure(builder, "Host=127.0.0.1;Database=accountplaybooks_design");
        return new PostgresDbContext(builder.Options);
    }
}
