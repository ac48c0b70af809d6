using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Rules;

/// Holds the live ruleset and is the one way to change it: validate → build a new engine → golden cases → cost budget → swap.
/// A bad version never goes live; the last good one stays. Every attempt is recorded with its files, so any
/// version can be rolled back to. A version new to the database requests a full re-evaluation (one request per
/// publish across the cluster: a node that merely loads the live version at start requests none).
public sealed class RulesetRegistry(IServiceScopeFactory scopes, EvaluationRequests evaluations, TimeProvider clock,
    ILogger<RulesetRegistry> logger)
{
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly SemaphoreSlim _folder = new(1, 1);
    private Ruleset? _active;
    private string? _lastAttemptHash;

    /// The live ruleset; null until one has been accepted. Read it once per evaluation and keep the reference.
    public Ruleset? Active => Volatile.Read(ref _active);

    public Task<PublishResult> PublishAsync(IReadOnlyList<RuleFile> rules, IReadOnlyList<RuleFile> cases, string author,
        CancellationToken cancellationToken = default) => PublishAsync(rules, cases, author, null, cancellationToken);

    /// <paramref name="note"/>: what the author says the change is for, kept with the version (accepted or not).
    public async Task<PublishResult> PublishAsync(IReadOnlyList<RuleFile> rules, IReadOnlyList<RuleFile> cases, string author, string? note,
        CancellationToken cancellationToken = default)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            var hash = RulesetCompiler.HashOf(rules);
            if (Active is { } live && live.Hash == hash)
            {
                // Only the golden cases changed: they must still pass against the live rules.
                var failures = GoldenCases.Run(live, cases);
                foreach (var failure in failures)
                {
                    logger.LogWarning("Golden case fails against the live rules {Version}: {Problem}", live.Version, failure.ToString());
                }
                return new PublishResult(failures.Count == 0, live.Version, failures, Unchanged: true);
            }
            var (ruleset, result) = await ValidateAsync(rules, cases, cancellationToken);
            var wasLive = false;
            if (_lastAttemptHash != hash || note is not null)
            {
                wasLive = await RecordAsync(hash, author, note, rules, result, cancellationToken);
                _lastAttemptHash = hash;
            }
            if (ruleset is null)
            {
                foreach (var problem in result.Problems)
                {
                    logger.LogWarning("Rules {Version} from {Author} rejected: {Problem}", result.Version, author, problem.ToString());
                }
                return result;
            }
            var previous = Interlocked.Exchange(ref _active, ruleset);
            logger.LogInformation("Rules {Version} from {Author} are live (was {Previous})", ruleset.Version, author, previous?.Version ?? "none");
            if (!wasLive)
            {
                await evaluations.RequestAsync($"rules {ruleset.Version} published by {author}", CancellationToken.None);
            }
            return result;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// One at a time: publishing what the folder holds (the watcher) and publishing from the API then writing those files
    /// to the folder. Otherwise the watcher, woken by an earlier save, could read the folder between an API publish and
    /// the write of its files, and publish the old files again (seen undoing a rollback for a moment).
    public async Task<T> WithFolderAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _folder.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _folder.Release();
        }
    }

    /// At start-up: the folder's rules, or if they are broken, the last version that was live. Files that are the live
    /// version already (a restart, a second node) are taken as they are: they passed their checks when published, and
    /// judging them again could refuse them on noise alone (the cost budget is timed) and leave the server with no
    /// live rules. Their golden cases are still run, and a failure is reported as for an edit of the cases alone.
    public async Task LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var stored = await StoredLiveAsync(cancellationToken);
        if (!Directory.Exists(folder))
        {
            logger.LogError("The rules folder {Folder} does not exist; set Rules:Folder", Path.GetFullPath(folder));
        }
        else
        {
            var (rules, cases) = RulesFolder.Read(folder);
            if (stored is { } same && same.Hash == RulesetCompiler.HashOf(rules))
            {
                Adopt(same);
                foreach (var failure in GoldenCases.Run(same, cases))
                {
                    logger.LogWarning("Golden case fails against the live rules {Version}: {Problem}", same.Version, failure.ToString());
                }
                logger.LogInformation("Rules {Version} are live, as stored", same.Version);
                return;
            }
            if ((await PublishAsync(rules, cases, "startup", cancellationToken)).Accepted)
            {
                return;
            }
        }
        if (stored is not null)
        {
            Adopt(stored);
            logger.LogWarning("Rules in {Folder} are invalid; serving the last good version {Version}", folder, stored.Version);
        }
    }

    /// The version the database says is live, compiled here (null when none is stored or it does not compile).
    private async Task<Ruleset?> StoredLiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Rulesets.AsNoTracking().Where(r => r.Status == RulesetStatus.Active).FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : RulesetCompiler.Compile(Files(record)).Ruleset;
    }

    private void Adopt(Ruleset ruleset)
    {
        Volatile.Write(ref _active, ruleset);
        _lastAttemptHash = ruleset.Hash;
    }

    /// Another node published (or rolled back to) a version: its stored files are compiled here and swapped in, without
    /// recording anything or queuing a re-evaluation (the publishing node did both after its validation and golden
    /// cases). Returns the files for the caller to mirror into the folder; null when the version is live already, is
    /// not stored, or does not compile here (the live version stays, and the error is logged).
    public async Task<IReadOnlyList<RuleFile>?> AdoptAsync(string version, CancellationToken cancellationToken = default)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            if (Active?.Version == version)
            {
                return null;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Rulesets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version, cancellationToken);
            if (record is null)
            {
                return null;
            }
            var files = Files(record);
            var (ruleset, problems) = RulesetCompiler.Compile(files);
            if (ruleset is null)
            {
                foreach (var problem in problems)
                {
                    logger.LogError("Rules {Version} from the database do not compile on this node: {Problem}", version, problem.ToString());
                }
                return null;
            }
            var previous = Interlocked.Exchange(ref _active, ruleset);
            _lastAttemptHash = record.Hash;
            logger.LogInformation("Rules {Version} published by {Author} on another node are live here (was {Previous})", ruleset.Version,
                record.Author, previous?.Version ?? "none");
            return files;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// Publishes the files of an earlier version again (and the caller writes them back to the folder).
    public async Task<(PublishResult Result, IReadOnlyList<RuleFile> Files)?> RollbackAsync(string version, IReadOnlyList<RuleFile> cases,
        string author, string? note = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Rulesets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version, cancellationToken);
        if (record is null)
        {
            return null;
        }
        var files = Files(record);
        return (await PublishAsync(files, cases, $"{author} (rollback to {version})", note, cancellationToken), files);
    }

    /// Compile, golden cases and the cost budget on stored accounts (ADR 0028).
    private async Task<(Ruleset? Ruleset, PublishResult Result)> ValidateAsync(IReadOnlyList<RuleFile> rules, IReadOnlyList<RuleFile> cases,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RulesetValidation.ValidateAsync(rules, cases, scope.ServiceProvider.GetRequiredService<RuleCostCheck>(), cancellationToken);
    }

    private static List<RuleFile> Files(RulesetRecord record) => record.Files.Select(f => new RuleFile(f.Key, f.Value)).ToList();

    /// True when the version was already the live one in the database (a restart, another node's publish).
    private async Task<bool> RecordAsync(string hash, string author, string? note, IReadOnlyList<RuleFile> rules, PublishResult result,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var wasLive = await db.Rulesets.AnyAsync(r => r.Id == result.Version && r.Status == RulesetStatus.Active, cancellationToken);
        if (result.Accepted)
        {
            // Tracked, not a bulk update: the supersede is audited and commits with the new version.
            foreach (var active in await db.Rulesets.Where(r => r.Status == RulesetStatus.Active).ToListAsync(cancellationToken))
            {
                active.Status = RulesetStatus.Superseded;
            }
        }
        var record = await db.Rulesets.SingleOrDefaultAsync(r => r.Id == result.Version, cancellationToken);
        if (record is null)
        {
            record = new RulesetRecord { Id = result.Version, Hash = hash, Author = author };
            db.Rulesets.Add(record);
        }
        record.Author = author;
        // Publishing the same files again (a rollback) without a note keeps the note they were first published with.
        record.Note = note ?? record.Note;
        record.CreatedAt = clock.GetUtcNow().UtcDateTime;
        record.Status = result.Accepted ? RulesetStatus.Active : RulesetStatus.Rejected;
        record.Messages = result.Messages.ToList();
        record.Files = rules.ToDictionary(f => f.Name, f => f.Content);
        await db.SaveChangesAsync(cancellationToken);
        return wasLive;
    }
}
