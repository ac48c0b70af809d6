namespace AccountPlaybooks.Application.Accounts;

/// Who owns the account and why: the AE and SDR, the assignment step's reason, and when it was decided.
public sealed record AccountOwners(OwnerView? Ae, OwnerView? Sdr, string? Reason, DateTime? AssignedAt);

/// An owner as the account page shows them; Name is null when the id names no rep (an import with an unknown id).
public sealed record OwnerView(string Id, string? Name, string? Email, string? Role, string? Team, bool OutOfOffice);
