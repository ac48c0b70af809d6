using AccountPlaybooks.Domain.Tasks;

namespace AccountPlaybooks.Application.Tasks;

/// A task as the inbox shows it: with the account's name, tier and score, and the outcomes the rep may choose.
public sealed record TaskView(
    string Id, string AccountId, string AccountName, string? Tier, double? Score, string Kind, string Channel, string Title, string Body,
    string AssigneeRole, string? AssigneeRepId, string? Queue, string Status, IReadOnlyList<string> Outcomes, DateTime DueAt,
    DateTime? SlaDueAt, bool SlaBreached, bool? SlaMet, DateTime? SnoozedUntil, string? Outcome, string? Note, string? PlaybookId,
    string? NodeId, string? EscalatedFromId, DateTime CreatedAt, DateTime? CompletedAt, Guid Version)
{
    public static TaskView From(OutreachTask t, string accountName, string? tier, double? score) => new(
        t.Id, t.AccountId, accountName, tier, score, t.Kind.ToString(), t.Channel, t.Title, t.Body, t.AssigneeRole, t.AssigneeRepId, t.Queue,
        t.Status.ToString(), TaskOutcomes.For(t.Outcomes), t.DueAt, t.SlaDueAt, t.SlaBreachedAt is not null, t.SlaMet, t.SnoozedUntil,
        t.Outcome, t.Note, t.PlaybookId, t.NodeId, t.EscalatedFromId, t.CreatedAt, t.CompletedAt, t.Version);
}
