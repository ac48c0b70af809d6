namespace AccountPlaybooks.Domain.Playbooks;

/// One append-only journal line of an instance (kept for Playbooks:JournalRetentionDays).
public sealed class JournalLine
{
    public long Id { get; set; }
    public required string InstanceId { get; set; }
    public DateTime At { get; set; }
    public string? NodeId { get; set; }
    public required string Event { get; set; }
    public string? Port { get; set; }
    public string? Detail { get; set; }
}
