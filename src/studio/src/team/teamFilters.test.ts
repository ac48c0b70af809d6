import { describe, expect, it } from 'vitest';
import {
  activeFilterCount, assigneeValue, filtersFromSearch, noFilters, parseAssignee, searchFromFilters, tasksQuery, withFilter,
} from './teamFilters';

describe('team filters in the URL', () => {
  it('reads every filter from the address', () => {
    const filters = filtersFromSearch(new URLSearchParams('rep=rep-jonas&playbook=tier1-priority&breached=1&due=today&kind=escalation&page=3'));
    expect(filters).toEqual({ rep: 'rep-jonas', queue: null, playbook: 'tier1-priority', breached: true, dueToday: true, escalations: true, page: 3 });
  });

  it('reads an empty or odd address as no filters', () => {
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(noFilters);
    expect(filtersFromSearch(new URLSearchParams('breached=yes&due=tomorrow&page=-2&rep=%20'))).toEqual(noFilters);
  });

  it('lets a rep win over a queue in a hand-made link', () => {
    expect(filtersFromSearch(new URLSearchParams('queue=marketing&rep=rep-a'))).toMatchObject({ rep: 'rep-a', queue: null });
  });

  it('writes only what is set, and reads back what it wrote', () => {
    const filters = { ...noFilters, queue: 'marketing', breached: true, page: 2 };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe('queue=marketing&breached=1&page=2');
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchFromFilters(noFilters).toString()).toBe('');
  });

  it('starts at page 1 when a filter changes and keeps one assignee', () => {
    const onPage3 = { ...noFilters, queue: 'marketing', page: 3 };
    expect(withFilter(onPage3, { breached: true })).toMatchObject({ breached: true, queue: 'marketing', page: 1 });
    expect(withFilter(onPage3, { rep: 'rep-a' })).toMatchObject({ rep: 'rep-a', queue: null });
    expect(withFilter({ ...noFilters, rep: 'rep-a' }, { queue: 'unassigned' })).toMatchObject({ rep: null, queue: 'unassigned' });
  });

  it('counts the active filters', () => {
    expect(activeFilterCount(noFilters)).toBe(0);
    expect(activeFilterCount({ ...noFilters, rep: 'a', breached: true, dueToday: true, page: 4 })).toBe(3);
  });

  it('turns the assignee picker value into a rep or a queue and back', () => {
    expect(parseAssignee('rep:rep-a')).toEqual({ rep: 'rep-a', queue: null });
    expect(parseAssignee('queue:marketing')).toEqual({ rep: null, queue: 'marketing' });
    expect(parseAssignee(null)).toEqual({ rep: null, queue: null });
    expect(assigneeValue({ rep: null, queue: 'marketing' })).toBe('queue:marketing');
  });

  it('asks the server for the same tasks', () => {
    expect(tasksQuery({ ...noFilters, rep: 'rep-a', breached: true, escalations: true, page: 2 }, 'Europe/Berlin')).toEqual({
      rep: 'rep-a', queue: undefined, playbook: undefined, breached: true, dueToday: undefined, kind: 'Escalation',
      timeZone: 'Europe/Berlin', page: 2, pageSize: 50,
    });
  });
});
