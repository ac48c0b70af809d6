using System.ComponentModel.DataAnnotations;

namespace AccountPlaybooks.Application.Hosting;

/// The "LiveContent" configuration section: how a node keeps up with content published on other nodes (ADR 0027).
public sealed class LiveContentOptions
{
    public const string Section = "LiveContent";

    /// How often the node asks the database for newer published rules, playbooks and templates; 0 turns the check off
    /// (a single node never needs it, but it costs three indexed queries).
    [Range(0, 600_000)]
    public int SyncMilliseconds { get; set; } = 2000;
}
