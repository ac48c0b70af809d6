/**
 * The team view's filters and how they live in the URL, so a link (or a reload) shows the same tasks:
 * `?rep=ID` or `?queue=NAME`, `?playbook=ID`, `?breached=1`, `?due=today`, `?kind=escalation`, `?page=N`.
 */
export interface TeamFilters {
  rep: string | null;
  queue: string | null;
  playbook: string | null;
  breached: boolean;
  dueToday: boolean;
  escalations: boolean;
  page: number;
}

export const noFilters: TeamFilters = { rep: null, queue: null, playbook: null, breached: false, dueToday: false, escalations: false, page: 1 };

/** Tasks per page of the team view (the server's bulk reassign takes at most 200). */
export const teamPageSize = 50;

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value : null;
}

export function filtersFromSearch(params: URLSearchParams): TeamFilters {
  const rep = text(params, 'rep');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    rep,
    // One assignee at a time: a rep wins over a queue in a hand-made link.
    queue: rep ? null : text(params, 'queue'),
    playbook: text(params, 'playbook'),
    breached: params.get('breached') === '1',
    dueToday: params.get('due') === 'today',
    escalations: params.get('kind') === 'escalation',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** Only what differs from no filters, in a fixed order (links stay short and stable). */
export function searchFromFilters(filters: TeamFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.rep) params.set('rep', filters.rep);
  else if (filters.queue) params.set('queue', filters.queue);
  if (filters.playbook) params.set('playbook', filters.playbook);
  if (filters.breached) params.set('breached', '1');
  if (filters.dueToday) params.set('due', 'today');
  if (filters.escalations) params.set('kind', 'escalation');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** A changed filter starts again at page 1; choosing a rep clears the queue and the other way round. */
export function withFilter(filters: TeamFilters, change: Partial<Omit<TeamFilters, 'page'>>): TeamFilters {
  const next = { ...filters, ...change, page: 1 };
  if (change.rep) next.queue = null;
  if (change.queue) next.rep = null;
  return next;
}

export function activeFilterCount(filters: TeamFilters): number {
  return [filters.rep ?? filters.queue, filters.playbook, filters.breached, filters.dueToday, filters.escalations].filter(Boolean).length;
}

/** The assignee picker's value: "rep:ID" or "queue:NAME". */
export function assigneeValue(filters: Pick<TeamFilters, 'rep' | 'queue'>): string | null {
  return filters.rep ? `rep:${filters.rep}` : filters.queue ? `queue:${filters.queue}` : null;
}

export function parseAssignee(value: string | null): { rep: string | null; queue: string | null } {
  if (value?.startsWith('rep:')) return { rep: value.slice(4), queue: null };
  if (value?.startsWith('queue:')) return { rep: null, queue: value.slice(6) };
  return { rep: null, queue: null };
}

/** The query of GET /api/team/tasks for these filters; "today" is the day in the browser's time zone. */
export function tasksQuery(filters: TeamFilters, timeZone: string) {
  return {
    rep: filters.rep ?? undefined,
    queue: filters.queue ?? undefined,
    playbook: filters.playbook ?? undefined,
    breached: filters.breached ? true : undefined,
    dueToday: filters.dueToday ? true : undefined,
    kind: filters.escalations ? 'Escalation' : undefined,
    timeZone,
    page: filters.page,
    pageSize: teamPageSize,
  };
}

/** The browser's IANA time zone ("Europe/Berlin"), which the server uses for "due today". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
