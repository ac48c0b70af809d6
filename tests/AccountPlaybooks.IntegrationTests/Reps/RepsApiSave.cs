using System.Net;
using System.Net.Http.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Reps;

public abstract class RepsApiSave<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task CreatesRepWithTerritoriesAndOutOfOffice()
    {
        var manager = app.ClientAs(UserRole.Manager);

        var created = await (await manager.PostAsJsonAsync("/api/reps", new
        {
            email = "lena.berg@example.test", name = "Lena Berg", role = "SDR", team = "East", managerId = app.ManagerRepId,
            territories = new[] { "DACH", "Nordics" }, tier1Capacity = 40, timeZone = "Europe/Berlin",
            outOfOfficeFrom = "2026-12-20T00:00:00Z", outOfOfficeUntil = "2027-01-04T00:00:00Z",
        }, Api.Json)).ReadAsync<RepRow>();

        Assert.Equal("rep-lena-berg", created.Id);
        Assert.Equal(["DACH", "Nordics"], created.Territories);
        Assert.Equal(new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc), created.OutOfOfficeFrom);
    }

    [Fact]
    public async Task NamesEachBadFieldGivenInvalidRep()
    {
        var response = await app.ClientAs(UserRole.Admin).PostAsJsonAsync("/api/reps", new
        {
            email = "no-at-sign", name = "X", role = "AE", timeZone = "Mars/Olympus", managerId = "rep-nobody",
        }, Api.Json);

        var problem = await response.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Mars/Olympus", errors.GetProperty("timeZone")[0].GetString());
        Assert.Contains("rep-nobody", errors.GetProperty("managerId")[0].GetString());
        Assert.True(errors.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task NamesTheUnknownFieldGivenTypoInBody()
    {
        var response = await app.ClientAs(UserRole.Admin).PostAsync("/api/reps", new StringContent(
            """{"email":"t@example.test","name":"T","role":"AE","teritories":["EMEA"]}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        Assert.Contains("teritories", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Answers409GivenStaleVersion()
    {
        var admin = app.ClientAs(UserRole.Admin);
        var rep = await (await admin.PostAsJsonAsync("/api/reps", new { email = "stale@example.test", name = "Stale", role = "AE" }, Api.Json))
            .ReadAsync<RepRow>();
        await (await admin.PutAsJsonAsync($"/api/reps/{rep.Id}", new { email = "stale@example.test", name = "Fresh", role = "AE", version = rep.Version }, Api.Json))
            .ReadAsync<RepRow>();

        var stale = await admin.PutAsJsonAsync($"/api/reps/{rep.Id}", new { email = "stale@example.test", name = "Lost update", role = "AE", version = rep.Version }, Api.Json);

        await stale.ProblemAsync(409);
    }

    [Fact]
    public async Task Answers413GivenOversizedBody()
    {
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await app.ClientAs(UserRole.Admin).PostAsJsonAsync("/api/reps", new { email = "big@example.test", name = huge, role = "AE" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private sealed record RepRow(string Id, List<string> Territories, DateTime? OutOfOfficeFrom, Guid Version);
}

public sealed class RepsApiSaveOnSqlite(SqliteApp app) : RepsApiSave<SqliteApp>(app);

public sealed class RepsApiSaveOnPostgres(PostgresApp app) : RepsApiSave<PostgresApp>(app);
