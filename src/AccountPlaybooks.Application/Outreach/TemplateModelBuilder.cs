using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Outreach;

/// The template model for a real account: its fields, its stored score (tier, composite, components, reasons),
/// the triggering signal if one is named, and its owner (the AE, else the SDR). Without a step, a sample email step
/// due in one business day is used (previews).
public sealed class TemplateModelBuilder(AppDbContext db, TimeProvider clock)
{
    /// The model, or what could not be found ("account X", "signal Y on account X").
    public async Task<(TaskTemplateModel? Model, string? Missing)> BuildAsync(string accountId, string? signalId = null,
        TemplateStep? step = null, TemplatePlaybook? playbook = null, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return (null, $"account {accountId}");
        }
        Signal? signal = null;
        if (signalId is not null)
        {
            signal = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signalId && s.AccountId == accountId, cancellationToken);
            if (signal is null)
            {
                return (null, $"signal {signalId} on account {accountId}");
            }
        }
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        var ownerId = account.AeOwnerId ?? account.SdrOwnerId;
        var owner = ownerId is null ? null : await db.Reps.AsNoTracking().SingleOrDefaultAsync(r => r.Id == ownerId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return (From(account, score, signal, owner, step ?? SampleStep(now, signal is not null), playbook, now), null);
    }

    /// Copies the entities into the model's plain records.
    public static TaskTemplateModel From(Account account, AccountScore? score, Signal? signal, Rep? owner, TemplateStep step,
        TemplatePlaybook? playbook, DateTime now) => new(
        new TemplateAccount(account.Id, account.Name, account.Domain, account.Industry, account.Employees, account.AnnualRevenue,
            account.Country, account.Region, account.Segment, account.FundingStage, [.. account.TechStack], account.Lifecycle.ToString(),
            score?.Tier, score?.Composite, new Dictionary<string, double>(score?.Components ?? []), [.. score?.Reasons ?? []],
            new Dictionary<string, string>(account.CustomFields), [.. score?.Segments ?? []], score?.Motion),
        signal is null ? null : new TemplateSignal(signal.Type, signal.OccurredAt, signal.Source, new Dictionary<string, string>(signal.Properties)),
        owner is null ? null : new TemplateOwner(owner.Name, owner.Email, owner.Role.ToString(), owner.Team, owner.TimeZone),
        step,
        playbook,
        now);

    /// An email step due in one business day; with a signal, also the 24-hour response SLA.
    public static TemplateStep SampleStep(DateTime now, bool signalled)
    {
        var due = now.AddDays(1);
        while (due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            due = due.AddDays(1);
        }
        return new TemplateStep("preview", "email", due, signalled ? now.AddHours(24) : null);
    }
}
