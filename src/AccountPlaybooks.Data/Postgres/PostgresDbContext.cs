using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Data.Postgres;

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDbContext).Assembly.FullName));
}
