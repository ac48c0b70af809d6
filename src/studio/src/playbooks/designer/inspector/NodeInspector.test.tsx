import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ActivityDescriptor } from '../../../api/types';
import { renderWithProviders } from '../../../test/render';
import type { NodeDefinition, PlaybookDefinition } from '../../model/definition';
import { NodeInspector, type NodeEdits } from './NodeInspector';

vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify([{ name: 'tier1-email-touch', hash: 'h', sampleTitle: 'Email Acme', problems: [] }]),
  { headers: { 'Content-Type': 'application/json' } })));

const descriptor: ActivityDescriptor = {
  type: 'CreateTask', category: 'Sales', description: 'Creates a task', ports: ['Done', 'Skipped'], waits: true, portsInput: 'outcomes',
  inputs: [
    { name: 'channel', kind: 'Choice', description: 'How', required: true, options: ['email', 'call'], default: null, addsPort: null },
    { name: 'template', kind: 'Template', description: 'Which', required: true, options: [], default: null, addsPort: null },
    { name: 'due', kind: 'Duration', description: 'Due after', required: false, options: [], default: '"P1D"', addsPort: null },
    { name: 'sla', kind: 'Duration', description: 'SLA', required: false, options: [], default: null, addsPort: 'SlaBreached' },
    { name: 'skipOutOfOffice', kind: 'Boolean', description: 'Skip', required: false, options: [], default: 'true', addsPort: null },
  ],
};

function renderInspector(node: NodeDefinition, edits: Partial<NodeEdits> = {}) {
  const definition: PlaybookDefinition = {
    id: 'p', name: 'P',
    nodes: [{ id: 'start', type: 'Start', inputs: {} }, node, { id: 'escalate', type: 'Escalate', inputs: {} }],
    edges: [{ from: 'brief', port: 'Done', to: 'escalate' }],
  };
  const all: NodeEdits = { setInput: vi.fn(), rename: vi.fn(), connect: vi.fn(), remove: vi.fn(), ...edits };
  renderWithProviders(<NodeInspector node={node} descriptor={descriptor} definition={definition} vocabulary={{ tiers: [], signalTypes: [], triggerRules: [], segments: [], motions: [], customFields: [], hoursPerDay: 8 }}
    problems={[{ nodeId: 'brief', where: 'port Skipped', message: 'the port is not wired', text: '' }]} edits={all} />);
  return all;
}

/** Mantine labels both a select's input and its option list; the input holds the value. */
const inputLabelled = (label: string) => screen.getAllByLabelText(label).find((e) => e instanceof HTMLInputElement);

describe('NodeInspector', () => {
  it('generates a field per input from the descriptor, with the duration in business words', () => {
    renderInspector({ id: 'brief', type: 'CreateTask', inputs: { channel: 'email', due: 'P2D' } });
    expect(screen.getByRole('heading', { name: 'Create task' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Due/)).toHaveValue('P2D');
    expect(screen.getByText("P2D → 2 business days in the rep's time zone")).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Skip out of office/ })).toBeChecked();
  });

  it('reports edits of an input by name', () => {
    const edits = renderInspector({ id: 'brief', type: 'CreateTask', inputs: {} });
    fireEvent.change(screen.getByLabelText(/SLA/), { target: { value: 'pt4h' } });
    expect(edits.setInput).toHaveBeenCalledWith('sla', 'PT4H');
  });

  it('shows an error for a duration the engine refuses', () => {
    renderInspector({ id: 'brief', type: 'CreateTask', inputs: { due: 'P1M' } });
    expect(screen.getByText(/Not a duration/)).toBeInTheDocument();
  });

  it('lists where each port leads, with the server problem on the unwired port', () => {
    renderInspector({ id: 'brief', type: 'CreateTask', inputs: { sla: 'P1D' } });
    expect(inputLabelled('When Done')).toHaveValue('escalate (Escalate)');
    expect(inputLabelled('When SlaBreached')).toHaveValue('');
    expect(screen.getByText('the port is not wired', { selector: 'p' })).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(/port Skipped/)).toBeInTheDocument();
  });

  it('renames the step only to a free, valid id', () => {
    const edits = renderInspector({ id: 'brief', type: 'CreateTask', inputs: {} });
    const id = screen.getByLabelText('Step id');
    fireEvent.change(id, { target: { value: 'escalate' } });
    expect(screen.getByText('Another step has this id')).toBeInTheDocument();
    fireEvent.change(id, { target: { value: 'research' } });
    fireEvent.blur(id);
    expect(edits.rename).toHaveBeenCalledWith('research');
  });
});
