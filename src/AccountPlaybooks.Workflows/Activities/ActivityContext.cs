using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>What an activity sees while it runs: its node, the instance, the time, and for a Join which incoming
/// paths have arrived. The host services an activity needs are its constructor's parameters, not looked up here.</summary>
public sealed class ActivityContext
{
    internal ActivityContext(PlaybookDefinition definition, NodeDefinition node, InstanceState instance, DateTime now,
        string? arrivedFrom, Action<string> log)
    {
        Definition = definition;
        Node = node;
        Instance = instance;
        Now = now;
        ArrivedFrom = arrivedFrom;
        _log = log;
    }

    private readonly Action<string> _log;

    /// <summary>The playbook.</summary>
    public PlaybookDefinition Definition { get; }

    /// <summary>The node being run.</summary>
    public NodeDefinition Node { get; }

    /// <summary>The instance, whose variables the activity may change.</summary>
    public InstanceState Instance { get; }

    /// <summary>The time of this burst (never the clock inside an activity).</summary>
    public DateTime Now { get; }

    /// <summary>The node whose path led here, or null for the start and for resumes.</summary>
    public string? ArrivedFrom { get; }

    /// <summary>The nodes with an edge into this node.</summary>
    public IEnumerable<string> IncomingNodes => Definition.Edges.Where(e => e.To == Node.Id).Select(e => e.From).Distinct();

    /// <summary>Adds a line to the instance journal.</summary>
    public void Log(string detail) => _log(detail);
}
