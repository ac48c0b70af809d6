using System.Text.Json;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// "Try it" for a playbook draft: runs it for one account in virtual time with the real engine and activities on a
/// throwaway in-memory database seeded with copies of what the run reads, so nothing is written to the real database
/// and no notification is sent (docs/adr/0011). The run is capped by a horizon, a journal-line cap and a time limit.
public sealed class PlaybookSimulator(AppDbContext db, PlaybookCatalog catalog, SimulationSeed seed, SimulationGate gate,
    SimulationOptions options, IServiceProvider host, TimeProvider clock, ILogger<PlaybookSimulator> logger)
{
    /// Bad fields throw <see cref="ValidationException"/>; an unknown playbook or account, or a definition with problems,
    /// come back in the outcome.
    public async Task<SimulationOutcome> SimulateAsync(string playbookId, SimulationRequest request, CancellationToken cancellationToken)
    {
        var definition = request.Definition is { } json ? Read(json, playbookId) : await StoredAsync(playbookId, cancellationToken);
        if (definition is null)
        {
            return SimulationOutcome.Missing($"There is no playbook {playbookId}");
        }
        if (catalog.Validate(definition) is { Count: > 0 } problems)
        {
            return SimulationOutcome.Invalid(problems);
        }
        if ((request.AccountId is null) && (request.Account is null))
        {
            throw new ValidationException("accountId", "give accountId (a real account), account (a synthetic one), or both (a real one with changes)");
        }
        var start = DateTime.SpecifyKind(request.Start?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var horizon = request.Horizon ?? options.DefaultHorizon;
        if (!InputBinder.TryParseDuration(horizon, out var ahead) || ahead > TimeSpan.FromDays(options.MaxHorizonDays))
        {
            throw new ValidationException("horizon", $"'{horizon}' is not an ISO-8601 duration of at most {options.MaxHorizonDays} days, e.g. P60D");
        }
        var script = SimulationScript.Parse(request.Script, definition, start, options.MaxScriptEntries);

        using var slot = await gate.EnterAsync(cancellationToken);
        await using var database = await ThrowawayDatabase.CreateAsync(cancellationToken);
        string? accountId;
        await using (var copy = database.NewContext())
        {
            accountId = await seed.CopyAsync(copy, request, definition, start, cancellationToken);
        }
        if (accountId is null)
        {
            return SimulationOutcome.Missing($"There is no account {request.AccountId}");
        }
        var virtualClock = new VirtualClock(start);
        await using var services = SimulationServices.Build(host, database, virtualClock, definition);
        var run = new SimulationRun(services, virtualClock, definition, accountId, script, start + ahead, options.MaxJournalLines);
        using (var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeLimit.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            await run.RunAsync(timeLimit.Token);
        }
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = services.CreateAsyncScope();
        var result = await new SimulationReport(scope.ServiceProvider.GetRequiredService<AppDbContext>(), definition, start)
            .BuildAsync(run, accountId, virtualClock.Now, new SimulationLimits(horizon, start + ahead, options.MaxJournalLines,
                options.TimeoutSeconds, options.MaxHorizonDays), cancellationToken);
        logger.LogInformation("Simulated playbook {Playbook} v{Version} for account {AccountId}: {Steps} steps, {Reason}",
            definition.Id, definition.Version, accountId, result.Steps.Count, result.EndedReason);
        return new SimulationOutcome(result);
    }

    private static PlaybookDefinition Read(JsonElement json, string playbookId)
    {
        var (definition, error) = PlaybookJson.Read(json.GetRawText());
        if (definition is null)
        {
            throw new ValidationException("definition", $"the playbook cannot be read: {error}");
        }
        return definition.Id == playbookId ? definition
            : throw new ValidationException("definition.id", $"the definition's id is '{definition.Id}' but the address names '{playbookId}'");
    }

    /// The newest draft if it is newer than every settled version, else the published one, else the newest of any status.
    private async Task<PlaybookDefinition?> StoredAsync(string playbookId, CancellationToken cancellationToken)
    {
        var versions = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == playbookId)
            .Select(v => new { v.Number, v.Status }).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }
        var draft = versions.Where(v => v.Status == PlaybookVersionStatus.Draft).Max(v => (int?)v.Number);
        var settled = versions.Where(v => v.Status != PlaybookVersionStatus.Draft).Max(v => (int?)v.Number) ?? 0;
        var number = draft > settled ? draft.Value
            : versions.FirstOrDefault(v => v.Status == PlaybookVersionStatus.Published)?.Number ?? versions.Max(v => v.Number);
        var stored = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == playbookId && v.Number == number).Select(v => v.Json)
            .SingleAsync(cancellationToken);
        return PlaybookJson.Read(stored).Definition;
    }
}
