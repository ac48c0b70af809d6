import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { FieldPanel } from './FieldPanel';
import type { TemplateVariable } from './fieldSearch';

// The API client keeps the fetch it was created with, so the stub must be in place before the modules load.
const served = vi.hoisted(() => {
  const answer = { body: null as unknown };
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(answer.body), { headers: { 'Content-Type': 'application/json' } })));
  return answer;
});

const variables: TemplateVariable[] = [
  { name: 'account', type: 'object', description: 'The account the task is about', mayBeMissing: false, fields: [
    { path: 'account.name', type: 'text', description: "The account's name", mayBeEmpty: false, insert: 'account.name', print: 'account.name', example: 'Northwind Analytics' },
    { path: 'account.annual_revenue', type: 'decimal', description: 'Annual revenue', mayBeEmpty: true, insert: 'account.annual_revenue', print: 'account.annual_revenue | math.format "N0"', example: '38,500,000' },
  ] },
  { name: 'signal', type: 'object', description: 'What made the playbook create it', mayBeMissing: true, fields: [
    { path: 'signal.type', type: 'text', description: 'The signal type', mayBeEmpty: false, insert: 'signal?.type', print: 'signal?.type', example: 'funding_round' },
  ] },
  { name: 'now', type: 'date and time (UTC)', description: 'When the task is rendered', mayBeMissing: false, fields: [
    { path: 'now', type: 'date and time (UTC)', description: 'When the task is rendered', mayBeEmpty: false, insert: 'now', print: "now | date.to_string '%a %d %b %H:%M UTC'", example: 'Tue 24 Nov 09:00 UTC' },
  ] },
];
served.body = variables;

describe('FieldPanel', () => {
  it('lists every field with its type, description and example, grouped by variable', async () => {
    renderWithProviders(<FieldPanel onInsert={vi.fn()} />);
    const signal = await screen.findByRole('region', { name: 'Fields of signal' });
    expect(within(signal).getByText('may be missing')).toBeInTheDocument();
    const type = within(signal).getByRole('button', { name: 'Insert signal?.type' });
    expect(within(type).getByText('text')).toBeInTheDocument();
    expect(within(type).getByText('The signal type')).toBeInTheDocument();
    expect(within(type).getByText('funding_round')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Insert now' })).toBeInTheDocument();
  });

  it('inserts the clicked field', async () => {
    const onInsert = vi.fn();
    renderWithProviders(<FieldPanel onInsert={onInsert} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Insert account.annual_revenue' }));
    expect(onInsert).toHaveBeenCalledWith(variables[0]!.fields[1]);
  });

  it('narrows to the search and inserts the first match on Enter', async () => {
    const onInsert = vi.fn();
    renderWithProviders(<FieldPanel onInsert={onInsert} />);
    const search = await screen.findByLabelText('Search fields');
    fireEvent.change(search, { target: { value: 'revenue' } });
    expect(screen.queryByRole('button', { name: 'Insert account.name' })).not.toBeInTheDocument();
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onInsert).toHaveBeenCalledWith(variables[0]!.fields[1]);
  });

  it('says when nothing matches', async () => {
    renderWithProviders(<FieldPanel onInsert={vi.fn()} />);
    fireEvent.change(await screen.findByLabelText('Search fields'), { target: { value: 'zebra' } });
    expect(screen.getByText('No field matches')).toBeInTheDocument();
  });

  it('lists fields without insert buttons for a read-only viewer', async () => {
    renderWithProviders(<FieldPanel />);
    expect(await screen.findByText('account.name')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Insert/ })).not.toBeInTheDocument();
  });
});
