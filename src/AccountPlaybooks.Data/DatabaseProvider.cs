namespace AccountPlaybooks.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
