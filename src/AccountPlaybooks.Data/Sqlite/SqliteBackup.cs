using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Data.Sqlite;

/// A consistent copy of a live SQLite database through SQLite's online backup API: readers and the server's writer
/// carry on while it runs, and the copy is one point in time (WAL content included), unlike a file copy.
public static class SqliteBackup
{
    /// Copies the database to a new file; returns the copy's size in bytes. The file must not exist yet.
    public static async Task<long> CopyAsync(string connectionString, string file, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file (a backup never overwrites one)");
        }
        if (Path.GetDirectoryName(target) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(Path.GetFullPath(source.DataSource)))
        {
            throw new FileNotFoundException($"there is no database at {Path.GetFullPath(source.DataSource)}; check Database:ConnectionString");
        }
        await using var from = new SqliteConnection(source.ConnectionString);
        await from.OpenAsync(cancellationToken);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
        {
            await to.OpenAsync(cancellationToken);
            // The copy keeps the source's WAL mode: EF checks that a file exists on a read-only connection, where
            // switching to WAL would fail. Its WAL is checkpointed and removed when this connection closes.
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            if (await check.ExecuteScalarAsync(cancellationToken) is not "ok" and var verdict)
            {
                throw new IOException($"the copy in {partial} fails SQLite's quick_check ({verdict}); the source may be damaged");
            }
        }
        File.Move(partial, target);
        return new FileInfo(target).Length;
    }
}
