import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskView } from '../api/types';
import { renderWithProviders } from '../test/render';
import { InboxPage } from './InboxPage';

// The typed client keeps the fetch it was created with, so the stub goes in before the modules load.
const server = vi.hoisted(() => {
  const state = { tasks: [] as unknown[], complete: null as null | ((id: string, body: unknown) => Response), requests: [] as string[] };
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const url = new URL(request.url);
    state.requests.push(`${request.method} ${url.pathname}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const completed = /^\/api\/tasks\/([^/]+)\/complete$/.exec(url.pathname);
    if (completed && state.complete) return state.complete(completed[1]!, await request.json());
    if (url.pathname.endsWith('/snooze')) {
      const id = url.pathname.split('/')[3];
      state.tasks = state.tasks.filter((t) => (t as { id: string }).id !== id);
      return json({ id });
    }
    if (url.pathname.endsWith('/why')) {
      return json({ step: { playbookId: 'p', playbookName: 'Tier 1 priority', version: 2, nodeId: 'n', nodeType: 'CreateTask', template: 't',
        instanceId: 'i', instanceStatus: 'Waiting', startedBy: 'entered Tier1', startedAt: new Date().toISOString() }, tier: null, signal: null });
    }
    if (url.pathname === '/api/tasks') return json({ items: state.tasks, pageNumber: 1, pageSize: 100, total: state.tasks.length });
    return json({ title: 'Not found' }, 404);
  };
  return state;
});

function task(id: string, title: string, extra: Partial<TaskView> = {}): TaskView {
  const now = Date.now();
  return {
    id, accountId: `acc-${id}`, accountName: `Account ${id}`, tier: 'Tier1', score: 90, kind: 'Step', channel: 'email', title,
    body: `Write to **Account ${id}**.\n\n- mention the webinar`, assigneeRole: 'ae', assigneeRepId: 'rep-1', queue: null, status: 'Open',
    outcomes: ['Done', 'Skipped', 'Replied'], dueAt: new Date(now + 8 * 3_600_000).toISOString(), slaDueAt: new Date(now + 3 * 3_600_000).toISOString(),
    slaBreached: false, slaMet: null, snoozedUntil: null, outcome: null, note: null, playbookId: 'p', nodeId: 'n', escalatedFromId: null,
    createdAt: new Date(now - 3_600_000).toISOString(), completedAt: null, version: '00000000-0000-0000-0000-000000000000', ...extra,
  };
}

beforeEach(() => {
  server.tasks = [task('a', 'Email Acme'), task('b', 'Call Bolt')];
  server.requests = [];
  server.complete = (id, body) => {
    server.tasks = server.tasks.filter((t) => (t as TaskView).id !== id);
    return new Response(JSON.stringify({ ...task(id, 'done'), status: 'Done', ...(body as object) }), { headers: { 'Content-Type': 'application/json' } });
  };
});

describe('InboxPage', () => {
  it('lists the tasks with their SLA, opens one with j/k/Enter and completes it with d', async () => {
    const user = userEvent.setup();
    renderWithProviders(<InboxPage />);
    const list = await screen.findByRole('list', { name: 'Tasks' });
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label')))
      .toEqual(['Email Acme — Account a · Tier1 · email · SLA due in 3 h', 'Call Bolt — Account b · Tier1 · email · SLA due in 3 h']);

    await user.keyboard('jjk{Enter}');
    const open = screen.getByRole('region', { name: 'Task: Email Acme' });
    expect(within(open).getByText('Account a', { selector: 'strong' })).toBeInTheDocument();
    expect(within(open).getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
    const why = await within(open).findByRole('region', { name: 'Why this task' });
    expect(why).toHaveTextContent('Step n of playbook Tier 1 priority v2');
    expect(why).toHaveTextContent('started by “entered Tier1”');

    await user.keyboard('d');
    expect(await screen.findByRole('region', { name: 'Task: Call Bolt' })).toBeInTheDocument();
    await waitFor(() => expect(within(list).queryByRole('button', { name: /^Email Acme — / })).toBeNull());
    expect(server.requests).toContain('POST /api/tasks/a/complete');
  });

  it('completes with the chosen outcome and the note, and shows the server refusal where it happened', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    server.complete = (_id, body) => (sent = body, new Response(JSON.stringify({ title: 'The task is no longer open', status: 409 }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    renderWithProviders(<InboxPage />);
    await user.click(await screen.findByRole('button', { name: /^Call Bolt — Account b/ }));
    const open = screen.getByRole('region', { name: 'Task: Call Bolt' });
    await user.click(within(open).getByRole('button', { name: 'Replied' }));
    await user.type(within(open).getByLabelText('Note'), 'They wrote back');
    await user.click(within(open).getByRole('button', { name: 'Complete as Replied' }));
    expect(await within(open).findByRole('alert')).toHaveTextContent('The task is no longer open');
    expect(sent).toEqual({ outcome: 'Replied', note: 'They wrote back' });
  });

  it('snoozes the open task from the s menu', async () => {
    const user = userEvent.setup();
    renderWithProviders(<InboxPage />);
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('{Enter}s');
    await user.click(await screen.findByRole('menuitem', { name: /^1 hour/ }));
    await waitFor(() => expect(server.requests).toContain('POST /api/tasks/a/snooze'));
  });

  it('lists the shortcuts on ?', async () => {
    const user = userEvent.setup();
    renderWithProviders(<InboxPage />);
    await screen.findByRole('list', { name: 'Tasks' });
    await user.keyboard('?');
    expect(await screen.findByRole('table', { name: 'Keyboard shortcuts' })).toHaveTextContent('Snooze the open task');
  });

  it('says when there is nothing to do', async () => {
    server.tasks = [];
    renderWithProviders(<InboxPage />);
    expect(await screen.findByText('Nothing to do — new tasks appear here')).toBeInTheDocument();
  });
});
