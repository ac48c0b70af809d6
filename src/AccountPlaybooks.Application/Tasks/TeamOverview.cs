using AccountPlaybooks.Domain.Reps;

namespace AccountPlaybooks.Application.Tasks;

/// A manager's team at a glance: who is on it (and who is away), the queues, the playbooks behind the open work, and
/// totals. "Due today" is the day in <see cref="TimeZone"/>, from <see cref="TodayFrom"/> to <see cref="TodayTo"/> (UTC).
public sealed record TeamOverview(bool Everyone, List<TeamMember> Members, List<TeamQueue> Queues, List<TeamPlaybook> Playbooks,
    TeamTotals Totals, string TimeZone, DateTime TodayFrom, DateTime TodayTo);

/// A rep on the team with their open work. <see cref="OutNow"/> when the absence has begun; a later one is still shown.
public sealed record TeamMember(string Id, string Name, string Email, RepRole Role, string? Team, string? ManagerId, string TimeZone,
    DateTime? OutOfOfficeFrom, DateTime? OutOfOfficeUntil, bool OutNow, TeamCounts Counts);

/// A queue: work no rep holds. Fallback queues take tasks nobody could be assigned (no owner, everyone away).
public sealed record TeamQueue(string Name, bool Fallback, List<string> Playbooks, DateTime? OldestOpenSince, TeamCounts Counts);

/// A playbook with open tasks on the team.
public sealed record TeamPlaybook(string Id, string Name, int Open);

/// Open tasks (snoozed ones included), of which: SLA breached, deadline today, escalations, snoozed.
public sealed record TeamCounts(int Open, int Breached, int DueToday, int Escalations, int Snoozed)
{
    public static readonly TeamCounts None = new(0, 0, 0, 0, 0);
}

/// The team's open work in all; <see cref="Queued"/> of it waits in queues.
public sealed record TeamTotals(TeamCounts Counts, int Queued, int MembersOut);
