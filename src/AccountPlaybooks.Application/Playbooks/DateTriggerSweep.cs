using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Playbooks;

/// Starts the playbooks whose dateApproaching trigger is due: "90 days before renewal_date". An account is due from
/// N days before its date until the date has passed. Each firing is stored under (account, playbook, date) in the
/// same transaction as the start, so the same date never fires twice (not across sweeps, restarts or nodes), and a
/// changed date — the renewal moved a year on — arms the trigger again (ADR 0036).
public sealed class DateTriggerSweep(AppDbContext db, PlaybookCatalog catalog, PlaybookEnrollment enrollment, TimeProvider clock,
    ILogger<DateTriggerSweep> logger)
{
    private const int PageSize = 1000;

    /// The variable a started instance gets: the date that fired it (its templates can say "renews on …").
    public const string DateVariable = "triggerDate";

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var triggers = catalog.Published
            .SelectMany(d => d.Triggers.Where(t => t.Type == EnrollmentPolicy.DateApproaching && t.Field is not null && t.DaysBefore is not null)
                .Select(t => (Definition: d, Trigger: t)))
            .ToList();
        var started = 0;
        foreach (var byField in triggers.GroupBy(t => t.Trigger.Field!))
        {
            started += await SweepFieldAsync(byField.Key, byField.ToList(), cancellationToken);
        }
        if (started > 0)
        {
            logger.LogInformation("Date triggers: {Started} playbooks started", started);
        }
        return started;
    }

    /// Accounts that carry the field, a page at a time in id order.
    private async Task<int> SweepFieldAsync(string field, List<(PlaybookDefinition Definition, TriggerDefinition Trigger)> triggers,
        CancellationToken cancellationToken)
    {
        var started = 0;
        var after = "";
        // The custom fields are a JSON object in one column: the key's text narrows the read, the parse decides.
        var key = $"%{System.Text.Json.JsonSerializer.Serialize(field)}:%";
        while (true)
        {
            var page = await db.Accounts.FromSqlRaw("SELECT * FROM \"Accounts\" WHERE \"CustomFields\" LIKE {0}", key).AsNoTracking()
                .Where(a => string.Compare(a.Id, after) > 0).OrderBy(a => a.Id).Take(PageSize)
                .Select(a => new { a.Id, a.CustomFields }).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return started;
            }
            after = page[^1].Id;
            var now = clock.GetUtcNow().UtcDateTime;
            var due = page
                .Select(a => (a.Id, Date: a.CustomFields.TryGetValue(field, out var text) ? CustomFieldValues.ParseDate(text) : null))
                .Where(a => a.Date is { } date && date.Date >= now.Date)
                .SelectMany(a => triggers.Where(t => now >= a.Date!.Value.Date.AddDays(-t.Trigger.DaysBefore!.Value)).Select(t => (a.Id, a.Date!.Value, t)))
                .ToList();
            if (due.Count > 0)
            {
                started += await FireAsync(field, due, cancellationToken);
            }
        }
    }

    private async Task<int> FireAsync(string field, List<(string AccountId, DateTime Date, (PlaybookDefinition Definition, TriggerDefinition Trigger) Due)> due,
        CancellationToken cancellationToken)
    {
        var ids = due.Select(d => d.AccountId).Distinct().ToList();
        var fired = (await db.DateTriggerFirings.AsNoTracking().Where(f => ids.Contains(f.AccountId))
            .Select(f => new { f.AccountId, f.PlaybookId, f.Date }).ToListAsync(cancellationToken))
            .Select(f => (f.AccountId, f.PlaybookId, f.Date)).ToHashSet();
        var tiers = await db.AccountScores.AsNoTracking().Where(s => ids.Contains(s.AccountId)).ToDictionaryAsync(s => s.AccountId, s => s.Tier, cancellationToken);
        var started = 0;
        foreach (var (accountId, date, (definition, trigger)) in due)
        {
            if (fired.Contains((accountId, definition.Id, date)) ||
                (trigger.Tiers.Count > 0 && !(tiers.TryGetValue(accountId, out var tier) && trigger.Tiers.Contains(tier))))
            {
                continue;
            }
            started += await FireOneAsync(field, accountId, date, definition, trigger, cancellationToken) ? 1 : 0;
            fired.Add((accountId, definition.Id, date));
        }
        return started;
    }

    /// The firing and the start in one transaction; another node that fired it first makes the key refuse this one.
    private async Task<bool> FireOneAsync(string field, string accountId, DateTime date, PlaybookDefinition definition, TriggerDefinition trigger,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var instance = await enrollment.StartAsync(definition, accountId, $"{trigger.DaysBefore} days before {field} {date:yyyy-MM-dd}", cancellationToken,
                new Dictionary<string, string> { [DateVariable] = date.ToString("yyyy-MM-dd") });
            db.DateTriggerFirings.Add(new DateTriggerFiring
            {
                AccountId = accountId, PlaybookId = definition.Id, Date = date, Field = field, FiredAt = clock.GetUtcNow().UtcDateTime, InstanceId = instance?.Id,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return instance is not null;
        }
        catch (DbUpdateException exception)
        {
            await transaction.RollbackAsync(cancellationToken);
            logger.LogDebug("Date trigger of {Playbook} for account {AccountId} on {Date:yyyy-MM-dd} fired elsewhere ({Error})", definition.Id, accountId,
                date, exception.GetBaseException().Message);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
