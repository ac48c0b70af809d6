import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import type { WhatIfMover, WhatIfReport } from './whatIf/types';
import { WhatIfPanel } from './WhatIfPanel';

const mover = (id: string, from: string, to: string, rules: string[], enters: string[] = [], leaves: string[] = []): WhatIfMover =>
  ({ accountId: id, name: `Account ${id}`, from, to, composite: 72, reasons: ['Replied in 30 days (+30 Engagement)'], rules, enters, leaves });

const report: WhatIfReport = {
  draftVersion: 'aaaaaaaaaaaa', liveVersion: 'bbbbbbbbbbbb', evaluatedAt: '2026-11-30T09:00:00Z', accounts: 60,
  tiers: ['Tier1', 'Tier2', 'Tier3'],
  movement: { Tier1: { Tier1: 5 }, Tier2: { Tier1: 2, Tier2: 10 }, Tier3: { Tier2: 1, Tier3: 42 } },
  moversTotal: 3, moversListedPerCell: 100,
  movers: [mover('a', 'Tier2', 'Tier1', ['Tier1Threshold'], ['tier1-priority'], ['tier2-target']), mover('b', 'Tier2', 'Tier1', ['Tier1Threshold']),
    mover('c', 'Tier3', 'Tier2', ['Tier2Threshold'])],
  tierCounts: { Tier1: 7, Tier2: 11, Tier3: 42 }, topTier: 'Tier1', topTierCap: 50, topTierLoadPerRep: [],
  playbooks: [{ playbookId: 'tier1-priority', name: 'Tier 1 — Priority', version: 1, entering: 2, leaving: 0, openTasksCancelled: 0, tasksPerEntry: 4,
    tasksCreated: 8, sampleAccountId: 'a', sampleAccountName: 'Account a', estimateNote: null, steps: [] }],
  tasksPerRep: [], taskHorizonDays: 7,
};

// A modal of tables renders slowly on a busy machine; the default 5 s is not about this behaviour.
describe('WhatIfPanel', { timeout: 20_000 }, () => {
  it('lists the movers of the clicked cell with the rules and playbooks, and all of them again', async () => {
    renderWithProviders(<WhatIfPanel fileName="tiers.json" state={{ status: 'done', text: 'x', report }} stale={false}
      onCancel={vi.fn()} onRun={vi.fn()} onClose={vi.fn()} />);
    const movers = () => within(screen.getByRole('table', { name: 'Accounts that would move' }));
    expect(movers().getAllByRole('row')).toHaveLength(4);

    await userEvent.click(screen.getByRole('button', { name: '2 from Tier2 to Tier1: show them' }));

    expect(movers().getAllByRole('row')).toHaveLength(3);
    expect(movers().getByText('enters Tier 1 — Priority')).toBeInTheDocument();
    expect(movers().getAllByText('Tier1Threshold')).toHaveLength(2);
    expect(screen.getByText('From Tier2 to Tier1')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show every mover' }));
    expect(movers().getAllByRole('row')).toHaveLength(4);
  });

  it('shows progress and cancels', async () => {
    const onCancel = vi.fn();
    renderWithProviders(<WhatIfPanel fileName="tiers.json" stale={false} onCancel={onCancel} onRun={vi.fn()} onClose={vi.fn()}
      state={{ status: 'running', text: 'x', progress: { phase: 'accounts', done: 1000, total: 100000, detail: '' } }} />);
    expect(screen.getByText('1,000 of 100,000 accounts evaluated')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
