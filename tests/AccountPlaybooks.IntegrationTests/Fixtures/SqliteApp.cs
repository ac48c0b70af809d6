using AccountPlaybooks.Data;

namespace AccountPlaybooks.IntegrationTests.Fixtures;

public sealed class SqliteApp() : AppFixture(DatabaseProvider.Sqlite);
