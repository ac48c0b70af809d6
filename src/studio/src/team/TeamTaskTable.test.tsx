import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/types';
import { renderWithProviders } from '../test/render';
import { noSelection, selectionReducer } from './selection';
import { TeamTaskTable } from './TeamTaskTable';
import type { TeamMember } from './teamTypes';

function task(id: string, title: string, extra: Partial<TaskView> = {}): TaskView {
  const now = Date.now();
  return {
    id, accountId: `acc-${id}`, accountName: `Account ${id}`, tier: 'Tier1', score: 90, kind: 'Step', channel: 'email', title, body: '',
    assigneeRole: 'ae', assigneeRepId: 'rep-jonas', queue: null, status: 'Open', outcomes: ['Done', 'Skipped'],
    dueAt: new Date(now + 8 * 3_600_000).toISOString(), slaDueAt: new Date(now - 3_600_000).toISOString(), slaBreached: true, slaMet: null,
    snoozedUntil: null, outcome: null, note: null, playbookId: 'tier1-priority', nodeId: 'brief', escalatedFromId: null,
    createdAt: new Date(now - 26 * 3_600_000).toISOString(), completedAt: null, version: '00000000-0000-0000-0000-000000000000', ...extra,
  };
}

const jonas = {
  id: 'rep-jonas', name: 'Jonas Weber', email: 'j@x.test', role: 'AE', team: 'East', managerId: 'rep-anna', timeZone: 'Europe/Berlin',
  outOfOfficeFrom: null, outOfOfficeUntil: null, outNow: false, counts: { open: 3, breached: 3, dueToday: 0, escalations: 0, snoozed: 0 },
} as TeamMember;

const tasks = [
  task('a', 'Research brief for Acme'),
  task('b', 'Call Bolt', { queue: 'marketing', assigneeRepId: null }),
  task('c', 'Escalation: Cobalt missed its SLA', { kind: 'Escalation' }),
];

function Harness() {
  const [selection, select] = useReducer(selectionReducer, noSelection);
  return (
    <>
      <TeamTaskTable tasks={tasks} members={new Map([[jonas.id, jonas]])} playbookNames={new Map([['tier1-priority', 'Tier 1 — Priority']])}
        selection={selection} onSelect={select} now={new Date()} />
      <output aria-label="Selected">{selection.ids.join(',')}</output>
    </>
  );
}

describe('TeamTaskTable', () => {
  it('shows each task with its assignee, playbook, deadline and kind', () => {
    renderWithProviders(<Harness />);
    const row = screen.getByRole('row', { name: 'Research brief for Acme — Account a' });
    expect(within(row).getByText('Jonas Weber')).toBeInTheDocument();
    expect(within(row).getByText('Tier 1 — Priority')).toBeInTheDocument();
    expect(within(row).getByText('1 h overdue')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: 'Call Bolt — Account b' })).getByText('marketing')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /^Escalation: Cobalt/ })).getByText('escalation')).toBeInTheDocument();
  });

  it('selects rows from the keyboard: arrows or j/k move, Space or x ticks, Shift ticks a range, Escape clears', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    const selected = screen.getByRole('status', { name: 'Selected' });

    await user.tab(); // the header box
    await user.tab(); // the first row
    expect(screen.getByRole('row', { name: 'Research brief for Acme — Account a' })).toHaveFocus();
    await user.keyboard(' ');
    expect(selected).toHaveTextContent('a');
    await user.keyboard('jj{Shift>}x{/Shift}');
    expect(selected.textContent?.split(',').sort()).toEqual(['a', 'b', 'c']);
    await user.keyboard('{ArrowUp}x');
    expect(selected.textContent?.split(',').sort()).toEqual(['a', 'c']);
    await user.keyboard('{Escape}');
    expect(selected).toHaveTextContent('');
  });

  it('ticks every row from the header and a range with shift-click', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    const selected = screen.getByRole('status', { name: 'Selected' });

    await user.click(screen.getByRole('checkbox', { name: 'Select every task on this page' }));
    expect(selected.textContent?.split(',').sort()).toEqual(['a', 'b', 'c']);
    await user.click(screen.getByRole('checkbox', { name: 'Select every task on this page' }));
    expect(selected).toHaveTextContent('');

    await user.click(screen.getByRole('checkbox', { name: 'Select Research brief for Acme' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Escalation: Cobalt missed its SLA' }));
    await user.keyboard('{/Shift}');
    expect(selected.textContent?.split(',').sort()).toEqual(['a', 'b', 'c']);
  });
});
