namespace AccountPlaybooks.Domain.Accounts;

/// A B2B company we sell to. <see cref="Id"/> is the external id from the CRM (upsert key).
public sealed class Account
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public int? Employees { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? FundingStage { get; set; }
    public DateTime? FundingDate { get; set; }
    public List<string> TechStack { get; set; } = [];
    public string? AeOwnerId { get; set; }
    public string? SdrOwnerId { get; set; }

    /// Why the owners are who they are (the AssignOwner step's reason), and when that was decided.
    public string? OwnerReason { get; set; }
    public DateTime? OwnerAssignedAt { get; set; }
    public Lifecycle Lifecycle { get; set; } = Lifecycle.Prospect;
    public string? Segment { get; set; }
    public Dictionary<string, string> CustomFields { get; set; } = [];
    /// When the newest signal of the account occurred, kept by whoever stores signals (<c>Accounts.LatestSignals</c>):
    /// the accounts table sorts by it through an index.
    public DateTime? LastSignalAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// Application-managed concurrency token, renewed on every save.
    public Guid Version { get; set; }
}
