using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>Runs playbook instances in bursts: from a start or a resumed bookmark, activities run and paths follow
/// their ports until every path is waiting on a bookmark or has ended. The runner touches no storage; the host
/// stores the <see cref="BurstResult"/> in one transaction.</summary>
/// <param name="registry">The activity types.</param>
/// <param name="services">Where each activity's declared services (its constructor's parameters) come from when the
/// runner builds it for a step; the runner is the only place that resolves them.</param>
public sealed class WorkflowRunner(ActivityRegistry registry, IServiceProvider services)
{
    /// <summary>A burst that runs this many activities without waiting is a runaway loop: the instance faults.</summary>
    public const int MaxStepsPerBurst = 10_000;

    /// <summary>Starts a new instance of a definition for a subject; <c>variables</c> are values the host knows at the
    /// start (e.g. the triggering signal), set over the definition's.</summary>
    public async Task<BurstResult> StartAsync(PlaybookDefinition definition, string instanceId, string subject, DateTime now,
        CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? variables = null)
    {
        var state = new InstanceState
        {
            Id = instanceId, DefinitionId = definition.Id, Version = definition.Version, Subject = subject, StartedAt = now,
            Variables = new Dictionary<string, string>(definition.Variables),
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            state.Variables[name] = value;
        }
        var burst = new Burst(definition, state, now);
        burst.Journal.Add(new JournalEntry(now, null, "Started", Detail: $"{definition.Id} v{definition.Version}"));
        var start = definition.Nodes.Single(n => n.Type == nameof(Start));
        burst.Queue.Enqueue((start.Id, null));
        await RunAsync(burst, cancellationToken);
        return burst.Result();
    }

    /// <summary>Resumes one open bookmark with a stimulus. A bookmark is burned on resume (with the others of its
    /// node), so the same stimulus delivered twice changes nothing the second time (<see cref="BurstResult.Applied"/> false).</summary>
    public async Task<BurstResult> ResumeAsync(PlaybookDefinition definition, InstanceState state, string bookmarkId, Stimulus stimulus, DateTime now,
        CancellationToken cancellationToken = default)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
        var burst = new Burst(definition, state, now);
        if (bookmark is null || state.Status != InstanceStatus.Waiting)
        {
            return burst.Result() with { Applied = false };
        }
        burst.BurnNode(bookmark.NodeId);
        var node = definition.Nodes.Single(n => n.Id == bookmark.NodeId);
        if (bookmark.Kind == BookmarkKinds.Retry)
        {
            burst.Journal.Add(new JournalEntry(now, node.Id, "Retrying"));
            burst.Queue.Enqueue((node.Id, bookmark.Data.GetValueOrDefault("from")));
        }
        else
        {
            burst.Journal.Add(new JournalEntry(now, node.Id, "Resumed", Detail: Describe(bookmark, stimulus)));
            await StepAsync(burst, node, null, (activity, context) => activity.ResumeAsync(context, bookmark, stimulus, cancellationToken));
        }
        await RunAsync(burst, cancellationToken);
        return burst.Result();
    }

    /// <summary>Cancels an instance: all its bookmarks (and so its timers) are burned.</summary>
    public static BurstResult Cancel(PlaybookDefinition definition, InstanceState state, DateTime now, string reason)
    {
        var burst = new Burst(definition, state, now);
        if (state.Status != InstanceStatus.Waiting)
        {
            return burst.Result() with { Applied = false };
        }
        burst.BurnAll();
        state.Status = InstanceStatus.Cancelled;
        state.EndedAt = now;
        burst.Journal.Add(new JournalEntry(now, null, "Cancelled", Detail: reason));
        return burst.Result();
    }

    private async Task RunAsync(Burst burst, CancellationToken cancellationToken)
    {
        var steps = 0;
        while (burst.Queue.TryDequeue(out var item) && burst.State.Status == InstanceStatus.Waiting)
        {
            if (++steps > MaxStepsPerBurst)
            {
                Fault(burst, item.NodeId, $"more than {MaxStepsPerBurst} activities ran without waiting: a loop needs a Delay or a wait");
                break;
            }
            var node = burst.Definition.Nodes.Single(n => n.Id == item.NodeId);
            await StepAsync(burst, node, item.From, (activity, context) => activity.ExecuteAsync(context, cancellationToken));
        }
        if (burst.State.Status == InstanceStatus.Waiting && burst.State.Bookmarks.Count == 0 && burst.Queue.Count == 0)
        {
            burst.State.Status = InstanceStatus.Finished;
            burst.State.EndedAt = burst.Now;
            burst.Journal.Add(new JournalEntry(burst.Now, null, "Finished"));
        }
    }

    private async Task StepAsync(Burst burst, NodeDefinition node, string? from, Func<Activity, ActivityContext, ValueTask<ActivityResult>> run)
    {
        var descriptor = registry.Find(node.Type) ?? throw new InvalidOperationException($"unknown activity type {node.Type}");
        var context = new ActivityContext(burst.Definition, node, burst.State, burst.Now, from,
            detail => burst.Journal.Add(new JournalEntry(burst.Now, node.Id, "Note", Detail: detail)));
        ActivityResult result;
        try
        {
            result = await run(InputBinder.Bind(descriptor, node, services), context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Failed(burst, node, from, exception);
            return;
        }
        burst.State.Failures.Remove(node.Id);
        Apply(burst, node, result);
    }

    private static void Apply(Burst burst, NodeDefinition node, ActivityResult result)
    {
        if (result.EndsInstance)
        {
            burst.BurnAll();
            burst.Queue.Clear();
            burst.Journal.Add(new JournalEntry(burst.Now, node.Id, "Ended"));
            return;
        }
        if (result.CancelsUpstream)
        {
            var upstream = Upstream(burst.Definition, node.Id);
            burst.BurnWhere(b => upstream.Contains(b.NodeId));
            var keep = burst.Queue.Where(q => !upstream.Contains(q.NodeId)).ToList();
            burst.Queue.Clear();
            keep.ForEach(burst.Queue.Enqueue);
        }
        foreach (var request in result.Bookmarks)
        {
            burst.Create(node.Id, request);
        }
        if (result.Bookmarks.Count > 0)
        {
            burst.Journal.Add(new JournalEntry(burst.Now, node.Id, "Suspended", Detail: string.Join(", ", result.Bookmarks.Select(b => b.Kind))));
        }
        if (result.Ports.Count == 0 && result.Bookmarks.Count == 0)
        {
            burst.Journal.Add(new JournalEntry(burst.Now, node.Id, node.Type == nameof(End) ? "Path ended" : "Waiting for other paths"));
        }
        foreach (var port in result.Ports)
        {
            burst.Journal.Add(new JournalEntry(burst.Now, node.Id, "Completed", port));
            foreach (var edge in burst.Definition.Edges.Where(e => e.From == node.Id && e.Port == port))
            {
                burst.Queue.Enqueue((edge.To, node.Id));
            }
        }
    }

    /// <summary>A failed run is retried after a backoff (doubling) until the node's attempts are used; then the
    /// instance records an incident and stops. The host never sees the exception.</summary>
    private static void Failed(Burst burst, NodeDefinition node, string? from, Exception exception)
    {
        var policy = node.Retry ?? RetryPolicy.Default;
        var failures = burst.State.Failures[node.Id] = burst.State.Failures.GetValueOrDefault(node.Id) + 1;
        if (failures < policy.Attempts && InputBinder.TryParseDuration(policy.Backoff, out var backoff))
        {
            var due = burst.Now + backoff * Math.Pow(2, failures - 1);
            burst.Create(node.Id, new BookmarkRequest(BookmarkKinds.Retry, DueAt: due,
                Data: from is null ? null : new Dictionary<string, string> { ["from"] = from }));
            burst.Journal.Add(new JournalEntry(burst.Now, node.Id, "Failed", Detail: $"attempt {failures} of {policy.Attempts}: {exception.Message}; retry at {due:O}"));
            return;
        }
        Fault(burst, node.Id, $"{exception.GetType().Name}: {exception.Message}", failures);
    }

    private static void Fault(Burst burst, string nodeId, string message, int attempts = 1)
    {
        burst.BurnAll();
        burst.Queue.Clear();
        burst.State.Status = InstanceStatus.Faulted;
        burst.State.EndedAt = burst.Now;
        burst.State.Incident = new Incident(nodeId, message, burst.Now, attempts);
        burst.Journal.Add(new JournalEntry(burst.Now, nodeId, "Faulted", Detail: message));
    }

    /// <summary>Every node from which <paramref name="nodeId"/> can be reached.</summary>
    private static HashSet<string> Upstream(PlaybookDefinition definition, string nodeId)
    {
        var found = new HashSet<string>();
        var stack = new Stack<string>([nodeId]);
        while (stack.TryPop(out var current))
        {
            foreach (var edge in definition.Edges.Where(e => e.To == current && found.Add(e.From)))
            {
                stack.Push(edge.From);
            }
        }
        found.Remove(nodeId);
        return found;
    }

    private static string Describe(Bookmark bookmark, Stimulus stimulus) =>
        stimulus.Data.Count == 0 ? bookmark.Kind : $"{bookmark.Kind}: {string.Join(", ", stimulus.Data.Select(d => $"{d.Key}={d.Value}"))}";

    /// <summary>The state of one burst while it runs.</summary>
    private sealed class Burst(PlaybookDefinition definition, InstanceState state, DateTime now)
    {
        public PlaybookDefinition Definition { get; } = definition;
        public InstanceState State { get; } = state;
        public DateTime Now { get; } = now;
        public Queue<(string NodeId, string? From)> Queue { get; } = new();
        public List<JournalEntry> Journal { get; } = [];
        public List<Bookmark> Created { get; } = [];
        public List<string> Burned { get; } = [];

        public void Create(string nodeId, BookmarkRequest request)
        {
            var bookmark = new Bookmark(Guid.NewGuid().ToString("N"), nodeId, request.Kind, request.Key, request.DueAt,
                request.Data ?? new Dictionary<string, string>(), Now);
            State.Bookmarks.Add(bookmark);
            Created.Add(bookmark);
        }

        public void BurnNode(string nodeId) => BurnWhere(b => b.NodeId == nodeId);

        public void BurnAll() => BurnWhere(_ => true);

        public void BurnWhere(Func<Bookmark, bool> predicate)
        {
            foreach (var bookmark in State.Bookmarks.Where(predicate).ToList())
            {
                State.Bookmarks.Remove(bookmark);
                if (!Created.Remove(bookmark))
                {
                    Burned.Add(bookmark.Id);
                }
            }
        }

        public BurstResult Result() => new(State, Journal, Created, Burned);
    }
}
