using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.Application.Playbooks;

/// The step from an evaluated account or a signal to its playbooks, inside the caller's unit of work: an account's
/// tier change and fired trigger rules (<see cref="EvaluationWriter"/> calls it behind the account's savepoint), and
/// each signal (<see cref="Signals.SignalProcessor"/>): the waits it resumes, the instances it ends, the playbooks it
/// starts.
public sealed class PlaybookDelivery(PlaybookRuntime runtime, PlaybookEnrollment enrollment, PlaybooksOptions options, TimeProvider clock)
{
    /// A tier change ends and starts playbooks; then segment and motion changes; fired trigger rules start theirs.
    public async Task DeliverAsync(ScoreWrite change, CancellationToken cancellationToken = default)
    {
        var (account, decided) = (change.Account.Account.Id, change.Account.Decision.Tier);
        if (change.Account.PreviousTier != decided)
        {
            await enrollment.TierChangedAsync(account, change.Account.PreviousTier, decided, change.Disqualified, cancellationToken);
        }
        if (change.Memberships.Any)
        {
            await enrollment.MembershipsChangedAsync(account, change.Memberships, cancellationToken);
        }
        if (change.Account.Outcome.Triggers.Count > 0)
        {
            await enrollment.TriggersFiredAsync(account, change.Account.Outcome.Triggers.Select(t => t.Rule), cancellationToken);
        }
    }

    /// A signal resumes the waits it matches, then ends instances whose exit policy names it, then starts the
    /// playbooks it triggers. <paramref name="tier"/>: the account's tier after the signal's evaluation.
    public async Task DeliverSignalAsync(Signal signal, string? tier, CancellationToken cancellationToken = default)
    {
        if (signal.OccurredAt < clock.GetUtcNow().UtcDateTime.AddHours(-options.SignalMaxAgeHours))
        {
            return; // history: it counts in the score, not as news
        }
        await runtime.ResumeWaitsAsync(signal, cancellationToken);
        await enrollment.SignalArrivedAsync(signal, tier, cancellationToken);
    }

    /// A tier move made outside an evaluation (a manager approving a proposal of review mode): the same playbook
    /// consequences as an evaluation's tier change.
    public Task TierMovedAsync(string accountId, string? from, string to, bool disqualified, CancellationToken cancellationToken = default) =>
        enrollment.TierChangedAsync(accountId, from, to, disqualified, cancellationToken);
}
