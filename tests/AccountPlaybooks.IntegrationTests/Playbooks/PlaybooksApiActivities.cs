using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// The designer's palette: every activity type with its inputs and outcome ports, readable by any role.
public abstract class PlaybooksApiActivities<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task ListsDelayWithItsDurationAndWaitForSignalWithItsPorts()
    {
        var activities = JsonDocument.Parse(await app.ClientAs(UserRole.Rep).GetStringAsync("/api/playbooks/activities")).RootElement
            .EnumerateArray().ToDictionary(a => a.GetProperty("type").GetString()!);

        var duration = activities["Delay"].GetProperty("inputs").EnumerateArray().Single();
        Assert.Equal(("duration", "Duration", true), (duration.GetProperty("name").GetString(), duration.GetProperty("kind").GetString(),
            duration.GetProperty("required").GetBoolean()));
        Assert.Equal(["Received"], activities["WaitForSignal"].GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("TimedOut", activities["WaitForSignal"].GetProperty("inputs").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "timeout").GetProperty("addsPort").GetString());
        var task = activities["CreateTask"];
        Assert.Equal(["Done", "Skipped"], task.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("outcomes", task.GetProperty("portsInput").GetString());
        Assert.Equal("Sales", task.GetProperty("category").GetString());
        Assert.True(activities["WaitForSignal"].GetProperty("waits").GetBoolean());
        Assert.Empty(activities["End"].GetProperty("ports").EnumerateArray());
        Assert.False(activities["Start"].TryGetProperty("clrType", out _));
    }
}

public sealed class PlaybooksApiActivitiesOnSqlite(SqliteApp app) : PlaybooksApiActivities<SqliteApp>(app);

public sealed class PlaybooksApiActivitiesOnPostgres(PostgresApp app) : PlaybooksApiActivities<PostgresApp>(app);
