import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ExplanationBody } from './AccountExplanation';
import { testExplanation } from './testExplanation';

describe('ExplanationBody', () => {
  it('shows the tier, the nearest change, each component with its rules and what would change the tier', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ExplanationBody explanation={testExplanation()} />);

    expect(screen.getByText('Tier2, by score: Tier2Threshold.')).toBeInTheDocument();
    expect(within(screen.getByLabelText('Nearest changes')).getByText('one more page_visit with page /pricing in 14 days → Tier1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Engagement: 60 of 100, 1 of 2 rules pass' }));
    const replied = await screen.findByRole('listitem', { name: 'RepliedEmail: passed' }); // once the panel has opened
    expect(within(replied).getByText('+30')).toBeInTheDocument();
    expect(within(replied).getByText('1')).toBeInTheDocument(); // the value read
    expect(within(replied).getByText('email_reply · 3 days ago · a@goodfit1.com')).toBeInTheDocument();

    const change = screen.getByRole('region', { name: 'What would change the tier' });
    expect(within(change).getByText(/29.5 to go/)).toBeInTheDocument();
    expect(within(within(change).getByRole('region', { name: 'Moves up' })).getByRole('article', { name: 'one more page_visit with page /pricing in 14 days → Tier1' }))
      .toHaveTextContent('PricingPageThreeTimes fires');
    expect(within(within(change).getByRole('region', { name: 'Moves down' })).getByText('no email_reply in 30 days (now 1)')).toBeInTheDocument();
  }, 30_000); // Mantine's accordion in jsdom is slow on a busy machine
});
