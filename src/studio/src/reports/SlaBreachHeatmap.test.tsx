import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { rangeFor } from './range';
import { SlaBreachHeatmap } from './SlaBreachHeatmap';
import type { SlaBreachCell } from './types';

// The typed client keeps the fetch it was created with, so the stub goes in before the modules load.
const server = vi.hoisted(() => {
  const state = { answer: (): Response => new Response('[]'), requests: [] as string[] };
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const url = new URL((input as Request).url);
    state.requests.push(url.pathname + url.search);
    return state.answer();
  };
  return state;
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const cell = (nodeId: string, weekday: SlaBreachCell['weekday'], due: number, breached: number): SlaBreachCell =>
  ({ playbookId: 'tier1-priority', playbook: 'Tier 1 — priority accounts', nodeId, weekday, due, breached, breachPercent: due ? (100 * breached) / due : null });
const range = rangeFor(30, new Date('2026-11-24T12:00:00Z'));

beforeEach(() => {
  server.requests = [];
});

// Mantine's tables take seconds to render in jsdom when the machine is busy; the default 5 s is too tight for that.
describe('SlaBreachHeatmap', { timeout: 30_000 }, () => {
  it('asks for the range, shows breaches per step and weekday with the numbers in the cells, and offers the CSV', async () => {
    server.answer = () => json([cell('research', 'Friday', 2, 1), cell('research', 'Monday', 3, 0), cell('email', 'Thursday', 4, 4)]);
    renderWithProviders(<SlaBreachHeatmap range={range} />);

    const grid = await screen.findByRole('table', { name: 'SLA breaches per step and weekday' });
    const rows = within(grid).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('email');
    const research = rows.find((r) => within(r).queryByText('research'))!;
    expect(within(research).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '0breached of 3 due', '·nothing due', '·nothing due', '·nothing due', '1breached of 2 due', '·nothing due', '·nothing due', '1 / 5']);
    expect(server.requests[0]).toBe('/api/reports/sla-breaches?from=2026-10-26T00%3A00%3A00.000Z&to=2026-11-25T00%3A00%3A00.000Z');
    expect(screen.getByRole('link', { name: 'Download SLA breaches by step and weekday as CSV' }))
      .toHaveAttribute('href', '/api/reports/sla-breaches?from=2026-10-26T00%3A00%3A00.000Z&to=2026-11-25T00%3A00%3A00.000Z&format=csv');
  });

  it('lists the same numbers as a plain table', async () => {
    server.answer = () => json([cell('research', 'Friday', 2, 1)]);
    renderWithProviders(<SlaBreachHeatmap range={range} />);
    await screen.findByRole('table', { name: 'SLA breaches per step and weekday' });

    await userEvent.setup().click(screen.getByRole('radio', { name: 'Table' }));

    const table = screen.getByRole('table', { name: 'SLA breaches as a table' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent)))
      .toEqual([['research', 'Tier 1 — priority accounts', 'Friday', '2', '1', '50%']]);
  });

  it('says so when no SLA came due', async () => {
    server.answer = () => json([]);
    renderWithProviders(<SlaBreachHeatmap range={range} />);

    expect(await screen.findByText('No SLA came due in this range')).toBeInTheDocument();
  });

  it('shows the server\'s own words when the report fails, with a way to try again', async () => {
    server.answer = () => json({ title: 'The request has invalid fields', errors: { from: ['a report covers at most 366 days'] } }, 400);
    renderWithProviders(<SlaBreachHeatmap range={range} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load sla breaches by step and weekday');
    expect(alert).toHaveTextContent('from: a report covers at most 366 days');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
