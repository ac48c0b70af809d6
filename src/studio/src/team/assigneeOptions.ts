import type { TeamMember, TeamQueue } from './teamTypes';

/** The options of an assignee picker: people, then queues (values "rep:ID" and "queue:NAME"). People away now are shown
 *  but cannot be chosen as a target when <paramref name="forTarget"/>: the server refuses to hand work to someone away. */
export function assigneeOptions(members: TeamMember[], queues: TeamQueue[], forTarget = false) {
  return [
    {
      group: 'People',
      items: members.map((m) => ({
        value: `rep:${m.id}`,
        label: forTarget && m.outNow ? `${m.name} (away)` : m.name,
        disabled: forTarget && m.outNow,
      })),
    },
    { group: 'Queues', items: queues.map((q) => ({ value: `queue:${q.name}`, label: `Queue: ${q.name}` })) },
  ];
}
