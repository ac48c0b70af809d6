using System.Text.Json;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Crm;

namespace AccountPlaybooks.Application.Crm;

/// Queues an account's mapped CRM fields in the caller's unit of work (saved with it, rolled back with it). One row per
/// account: newer values replace unsent ones, and a delivered or dead row becomes pending again with a new revision.
public sealed class CrmUpdateQueue(AppDbContext db, CrmOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// Adds or renews the account's row (tracked, not saved). False when the CRM sync is off.
    public async Task<bool> QueueAsync(AccountState state, CancellationToken cancellationToken = default)
    {
        if (!options.SyncEnabled)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var properties = JsonSerializer.Serialize(Map(state), Json);
        var recordId = options.RecordIdCustomField is { } field
            ? state.Account.CustomFields.GetValueOrDefault(field) is { Length: > 0 } value ? value : null
            : state.Account.Id;
        var row = await db.CrmUpdates.FindAsync([state.Account.Id], cancellationToken);
        if (row is null)
        {
            row = new CrmUpdate { AccountId = state.Account.Id, Properties = properties };
            db.CrmUpdates.Add(row);
        }
        row.RecordId = recordId;
        row.Properties = properties;
        row.Revision = Guid.NewGuid();
        row.QueuedAt = now;
        row.Attempts = 0;
        row.NextAttemptAt = now;
        row.LeaseUntil = null; // a pass sending an older revision marks nothing of this one (CrmSync checks the revision)
        row.LastError = null;
        row.DeliveredAt = null;
        row.DeadLetteredAt = null;
        return true;
    }

    /// The configured CRM fields and their values for the account, in the configured order.
    public Dictionary<string, string?> Map(AccountState state) =>
        options.Fields.ToDictionary(field => field.Key, field => CrmValues.Of(field.Value, state));
}
