using System.Text.Json;
using AccountPlaybooks.Domain.Crm;

namespace AccountPlaybooks.Server.Crm;

/// One account's queued CRM update: the record and fields it writes, and how delivery went. Status is pending,
/// delivered or dead. The CRM's URL and token are never returned.
public sealed record CrmUpdateView(string AccountId, string? RecordId, IReadOnlyDictionary<string, string?> Properties, string Status,
    string Revision, DateTime QueuedAt, int Attempts, DateTime NextAttemptAt, DateTime? LeaseUntil, string? LastError, DateTime? DeliveredAt,
    DateTime? DeadLetteredAt)
{
    public static CrmUpdateView From(CrmUpdate u) => new(u.AccountId, u.RecordId,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(u.Properties) ?? [], CrmApi.StatusOf(u), u.Revision.ToString("N"), u.QueuedAt,
        u.Attempts, u.NextAttemptAt, u.LeaseUntil, u.LastError, u.DeliveredAt, u.DeadLetteredAt);
}

/// The CRM sync at a glance: whether it is on, which CRM, and how many accounts wait, were sent or are dead letters.
public sealed record CrmSyncSummary(bool Enabled, string? Kind, string? EventsWebhook, int Pending, int Delivered, int Dead);
