import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor } from '../../api/types';
import { copyFragment, pasteFragment, readFragment } from './clipboard';
import { emptyPlaybook } from './definition';
import { addNode, connect, dropDanglingEdges, freeSpot, removeNodes, renameNode, setInput } from './edits';
import { portsOf } from './ports';
import { summarise } from './summary';

const createTask: ActivityDescriptor = {
  type: 'CreateTask', category: 'Sales', description: '', ports: ['Done', 'Skipped'], waits: true, portsInput: 'outcomes',
  inputs: [
    { name: 'channel', kind: 'Choice', description: '', required: true, options: ['email', 'call'], default: null, addsPort: null },
    { name: 'template', kind: 'Template', description: '', required: true, options: [], default: null, addsPort: null },
    { name: 'assignee', kind: 'Choice', description: '', required: false, options: ['ae', 'owner'], default: '"owner"', addsPort: null },
    { name: 'due', kind: 'Duration', description: '', required: false, options: [], default: '"P1D"', addsPort: null },
    { name: 'sla', kind: 'Duration', description: '', required: false, options: [], default: null, addsPort: 'SlaBreached' },
    { name: 'outcomes', kind: 'TextList', description: '', required: false, options: [], default: null, addsPort: null },
  ],
};

describe('ports and summary', () => {
  it('adds SlaBreached with an SLA and one port per custom outcome', () => {
    const node = { id: 't', type: 'CreateTask', inputs: { sla: 'P1D', outcomes: ['Replied', 'Meeting'] } };
    expect(portsOf(createTask, node)).toEqual(['Done', 'Skipped', 'SlaBreached', 'Replied', 'Meeting']);
    expect(portsOf(createTask, { ...node, inputs: { sla: '' } })).toEqual(['Done', 'Skipped']);
  });
  it('summarises a task in one line', () => {
    const node = { id: 't', type: 'CreateTask', inputs: { channel: 'email', template: 'tier1-email-touch', assignee: 'ae', due: 'P2D', sla: 'P1D' } };
    expect(summarise(node, createTask)).toBe('Email · tier1-email-touch · AE · due 2 business days · SLA 1 business day');
  });
});

describe('edits', () => {
  it('adds, connects, renames and removes steps, keeping edges consistent', () => {
    let [d, id] = addNode(emptyPlaybook('p', 'P'), 'CreateTask', { x: 10.4, y: 20.6 });
    expect(id).toBe('create-task');
    d = connect(d, { from: 'start', port: 'Done', to: id }, false);
    d = connect(d, { from: 'start', port: 'Done', to: 'start' }, false);
    expect(d.edges).toEqual([{ from: 'start', port: 'Done', to: 'create-task' }]);
    d = renameNode(d, 'create-task', 'brief');
    expect(d.edges![0]!.to).toBe('brief');
    d = removeNodes(d, new Set(['brief']));
    expect(d.edges).toEqual([]);
  });
  it('drops the SlaBreached edge when the SLA is cleared', () => {
    let [d] = addNode(emptyPlaybook('p', 'P'), 'CreateTask', { x: 0, y: 0 }, { sla: 'P1D' });
    [d] = addNode(d, 'Escalate', { x: 0, y: 0 });
    d = connect(d, { from: 'create-task', port: 'SlaBreached', to: 'escalate' }, false);
    d = setInput(d, 'create-task', 'sla', '');
    d = dropDanglingEdges(d, (n) => (n.type === 'CreateTask' ? portsOf(createTask, n) : ['Done']));
    expect(d.edges).toEqual([]);
  });
  it('moves a connection when a non-fork port is connected again, but a fork keeps every path', () => {
    const d = { ...emptyPlaybook('p', 'P'), edges: [{ from: 'start', port: 'Done', to: 'a' }] };
    expect(connect(d, { from: 'start', port: 'Done', to: 'b' }, false).edges).toEqual([{ from: 'start', port: 'Done', to: 'b' }]);
    expect(connect(d, { from: 'start', port: 'Done', to: 'b' }, true).edges).toHaveLength(2);
  });
  it('copies steps with their inner edges and pastes them with fresh ids', () => {
    let [d] = addNode(emptyPlaybook('p', 'P'), 'Delay', { x: 0, y: 0 });
    [d] = addNode(d, 'End', { x: 100, y: 0 });
    d = connect(d, { from: 'delay', port: 'Done', to: 'end' }, false);
    const fragment = readFragment(JSON.stringify(copyFragment(d, new Set(['start', 'delay', 'end']))))!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(['delay', 'end']);
    const [pasted, ids] = pasteFragment(d, fragment);
    expect(ids).toEqual(['delay-2', 'end-2']);
    expect(pasted.edges).toContainEqual({ from: 'delay-2', port: 'Done', to: 'end-2' });
    expect(pasted.nodes!.find((n) => n.id === 'end-2')!.ui).toEqual({ x: 140, y: 40 });
  });
  it('finds a spot for a new step that covers no other step', () => {
    const [d] = addNode(emptyPlaybook('p', 'P'), 'Delay', { x: 0, y: 140 });
    expect(freeSpot(d, { x: 10, y: 10 })).toEqual({ x: 10, y: 430 });
    expect(freeSpot(d, { x: 400, y: 0 })).toEqual({ x: 400, y: 0 });
  });
});
