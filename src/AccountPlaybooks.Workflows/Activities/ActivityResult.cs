using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>How an activity run ended: through ports, suspended on bookmarks, absorbed (a Join still waiting for
/// other paths), or ending the whole instance.</summary>
public sealed record ActivityResult
{
    private ActivityResult()
    {
    }

    /// <summary>The ports to continue through.</summary>
    public IReadOnlyList<string> Ports { get; private init; } = [];

    /// <summary>The bookmarks to wait on.</summary>
    public IReadOnlyList<BookmarkRequest> Bookmarks { get; private init; } = [];

    /// <summary>Ends the instance: every other path and bookmark is dropped.</summary>
    public bool EndsInstance { get; private init; }

    /// <summary>Drops the bookmarks of the paths that lead into this node (Join "any").</summary>
    public bool CancelsUpstream { get; private init; }

    /// <summary>Continue through a port.</summary>
    public static ActivityResult Complete(string port = "Done", bool cancelUpstream = false) => new() { Ports = [port], CancelsUpstream = cancelUpstream };

    /// <summary>Wait on one or more bookmarks; the first to resume burns them all.</summary>
    public static ActivityResult Suspend(params BookmarkRequest[] bookmarks) => new() { Bookmarks = bookmarks };

    /// <summary>Continue through a port and keep waiting on bookmarks of this node too (an SLA breach branches off
    /// while the task is still awaited).</summary>
    public static ActivityResult Branch(string port, params BookmarkRequest[] bookmarks) => new() { Ports = [port], Bookmarks = bookmarks };

    /// <summary>This path stops here for now (a Join waiting for the others).</summary>
    public static ActivityResult Absorb() => new();

    /// <summary>End the instance.</summary>
    public static ActivityResult End() => new() { EndsInstance = true };
}
