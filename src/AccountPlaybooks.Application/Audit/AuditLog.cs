using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Audit;

/// Reads the audit log. Entries are written by the data layer in the same transaction as each change
/// (AccountPlaybooks.Data.Audit.AuditRecorder), so this side only filters and pages.
public sealed class AuditLog(AppDbContext db)
{
    /// The page and the number of entries matching the filters; throws ValidationException for an unknown kind.
    public async Task<(List<AuditEntryView> Items, int Total)> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Kind is { } kind && !AuditKinds.All.Contains(kind))
        {
            throw new ValidationException("kind", $"kind must be one of {string.Join(", ", AuditKinds.All)}, not \"{kind}\"");
        }
        if (query.Since is { } since && query.Until is { } until && until <= since)
        {
            throw new ValidationException("until", "until must be after since");
        }
        var entries = db.AuditEntries.AsNoTracking();
        if (query.Kind is not null)
        {
            entries = entries.Where(e => e.Kind == query.Kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Actor.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }
        if (query.Since is { } from)
        {
            var utc = from.ToUniversalTime();
            entries = entries.Where(e => e.At >= utc);
        }
        if (query.Until is { } to)
        {
            var utc = to.ToUniversalTime();
            entries = entries.Where(e => e.At < utc);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return (page.Select(AuditEntryView.From).ToList(), total);
    }
}
