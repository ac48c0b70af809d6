using AccountPlaybooks.Data;

namespace AccountPlaybooks.IntegrationTests.Fixtures;

public sealed class PostgresApp() : AppFixture(DatabaseProvider.Postgres);
