using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.UnitTests.Application.Signals;

/// The intake and the drain take turns at SQLite's one writer, the intake first; on PostgreSQL nobody waits.
public sealed class SqliteWriterTurns
{
    private static readonly SqliteDbContext Sqlite = new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options);
    private static readonly PostgresDbContext Postgres = new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=unused").Options);

    [Fact]
    public async Task TheIntakeSaysItIsWaitingAndGoesBeforeADrainBatchThatAskedAfterIt()
    {
        var turn = new SqliteWriterTurn();
        var batch = await turn.DrainAsync(Sqlite, CancellationToken.None);
        var order = new List<string>();

        var intake = turn.IntakeAsync(Sqlite, CancellationToken.None).ContinueWith(t => { order.Add("intake"); return t.Result; });
        Assert.True(turn.IntakeWaiting); // the batch in hand sees this between two signals and commits
        var nextBatch = turn.DrainAsync(Sqlite, CancellationToken.None).ContinueWith(t => { order.Add("next batch"); return t.Result; });
        Assert.False(intake.IsCompleted);

        batch.Dispose();
        (await intake).Dispose();
        (await nextBatch).Dispose();

        Assert.Equal(["intake", "next batch"], order);
        Assert.False(turn.IntakeWaiting);
    }

    [Fact]
    public async Task OnPostgresEveryTurnIsFree()
    {
        var turn = new SqliteWriterTurn();
        using var batch = await turn.DrainAsync(Postgres, CancellationToken.None);

        using var intake = await turn.IntakeAsync(Postgres, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(turn.IntakeWaiting);
    }
}
