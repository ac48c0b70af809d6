import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RuleForm } from './RuleForm';

// The typed client keeps the fetch it was created with, so the stub goes in before the modules load.
vi.hoisted(() => {
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const url = new URL((input as Request).url);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/rules/score-distribution') {
      return json({
        liveVersion: 'abc', accounts: 10, unscored: 0, onOtherVersions: 0, evaluatedAt: new Date().toISOString(),
        scores: [
          { composite: 10, tier: 'Disqualified', accounts: 1 }, { composite: 30, tier: 'Tier3', accounts: 4 },
          { composite: 60, tier: 'Tier2', accounts: 2 }, { composite: 78.5, tier: 'Tier2', accounts: 1 }, { composite: 85, tier: 'Tier1', accounts: 2 },
        ],
      });
    }
    return json({ title: 'Not found' }, 404);
  };
});

const tiers = `[
  {
    "WorkflowName": "Tiering",
    "Rules": [
      { "RuleName": "PoorFit", "Expression": "score.Fit < 20",
        "Properties": { "tier": "Disqualified", "rank": 9 } },
      { "RuleName": "Tier1Threshold", "Expression": "score.Composite >= 80",
        "Properties": { "tier": "Tier1", "rank": 1, "cap": 2 } },
      { "RuleName": "Tier2Threshold", "Expression": "score.Composite >= 50",
        "Properties": { "tier": "Tier2", "rank": 2 } },
      { "RuleName": "Everyone", "Expression": "true",
        "Properties": { "tier": "Tier3", "rank": 3 } }
    ]
  }
]
`;

/** The form over a text it owns, as RuleEditor holds it; `seen` records every text the form wrote. */
function Editor({ initial, seen }: { initial: string; seen: string[] }) {
  const [text, setText] = useState(initial);
  return <RuleForm text={text} live={initial} problems={[]} onShowJson={() => {}} onChange={(t) => { seen.push(t); setText(t); }} />;
}

const tierCount = (tier: string) => screen.getByRole('region', { name: 'Accounts per tier' }).querySelector(`[aria-label^="${tier}:"]`)!.getAttribute('aria-label');

describe('RuleForm on the tiers file', () => {
  it('moves the Tier 1 threshold with the keyboard on the histogram and writes only that number', async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    renderWithProviders(<Editor initial={tiers} seen={seen} />);

    const slider = await screen.findByRole('slider', { name: 'Tier1 threshold' });
    expect(tierCount('Tier1')).toBe('Tier1: 2 accounts');
    slider.focus();
    await user.keyboard('{ArrowLeft}{PageDown}');

    expect(seen.at(-1)).toBe(tiers.replace('"score.Composite >= 80"', '"score.Composite >= 74"'));
    expect(slider).toHaveAttribute('aria-valuenow', '74');
    expect(screen.getByRole('textbox', { name: 'Tier1 threshold' })).toHaveValue('74');
    expect(tierCount('Tier1')).toBe('Tier1: 3 accounts');
    expect(tierCount('Tier2')).toBe('Tier2: 2 accounts');
    expect(screen.getByText('over its cap of 2')).toBeInTheDocument();
    expect(screen.getByLabelText('3 at or above, 7 below')).toBeInTheDocument();
  });

  it('types a threshold and switches a rule off and on again', async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    renderWithProviders(<Editor initial={tiers} seen={seen} />);

    const input = await screen.findByRole('textbox', { name: 'Tier2 threshold' });
    await user.click(input);
    await user.keyboard('{Backspace}{Backspace}');
    await user.keyboard('45');
    expect(seen.at(-1)).toBe(tiers.replace('"score.Composite >= 50"', '"score.Composite >= 45"'));

    const poorFit = screen.getByRole('switch', { name: 'PoorFit enabled' });
    await user.click(poorFit);
    expect(seen.at(-1)).toContain('{ "RuleName": "PoorFit", "Enabled": false, "Expression": "score.Fit < 20",');
    expect(poorFit).not.toBeChecked();
    await user.click(poorFit);
    expect(seen.at(-1)).toBe(tiers.replace('"score.Composite >= 50"', '"score.Composite >= 45"'));
  });

  it('lists every tier rule in order, first match wins', async () => {
    renderWithProviders(<Editor initial={tiers} seen={[]} />);
    const table = await screen.findByRole('table', { name: 'Tier rules, first match wins' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2]!.textContent))
      .toEqual(['DisqualifiedPoorFit', 'Tier1Tier1Thresholdcap 2 accounts', 'Tier2Tier2Threshold', 'Tier3Everyone']);
  });
});

describe('RuleForm on a broken file', () => {
  it('says where the JSON is broken and offers the JSON view', async () => {
    const user = userEvent.setup();
    const showJson = vi.fn();
    renderWithProviders(<RuleForm text={'[ { "WorkflowName": "Fit" '} live="[]" problems={[]} onChange={() => {}} onShowJson={showJson} />);

    expect(screen.getByRole('alert')).toHaveTextContent('This is not valid JSON: "," or "}" expected at line 1.');
    await user.click(screen.getByRole('button', { name: 'Fix it in the JSON view' }));
    expect(showJson).toHaveBeenCalled();
  });
});
