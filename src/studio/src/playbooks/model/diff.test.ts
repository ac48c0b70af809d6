import { describe, expect, it } from 'vitest';
import { diffDefinitions, unionDefinition } from './diff';
import type { PlaybookDefinition } from './definition';

const before: PlaybookDefinition = {
  id: 'p', name: 'P', triggers: [{ type: 'tierEntered', tier: 'Tier1' }],
  nodes: [
    { id: 'start', type: 'Start', inputs: {}, ui: { x: 0, y: 0 } },
    { id: 'task', type: 'CreateTask', inputs: { template: 'a', due: 'P1D' }, ui: { x: 200, y: 0 } },
    { id: 'old', type: 'Delay', inputs: { duration: 'P2D' } },
  ],
  edges: [{ from: 'start', port: 'Done', to: 'task' }, { from: 'task', port: 'Done', to: 'old' }],
};

describe('diffDefinitions', () => {
  it('marks nodes and edges added, removed and changed; moving a node is not a change', () => {
    const after: PlaybookDefinition = {
      ...before,
      triggers: [{ type: 'tierEntered', tier: 'Tier2' }],
      nodes: [
        { id: 'start', type: 'Start', inputs: {}, ui: { x: 50, y: 50 } },
        { id: 'task', type: 'CreateTask', inputs: { due: 'P2D', template: 'a' }, ui: { x: 200, y: 0 } },
        { id: 'end', type: 'End', inputs: {} },
      ],
      edges: [{ from: 'start', port: 'Done', to: 'task' }, { from: 'task', port: 'Done', to: 'end' }],
    };
    const diff = diffDefinitions(before, after);
    expect(Object.fromEntries(diff.nodes)).toEqual({ start: 'same', task: 'changed', end: 'added', old: 'removed' });
    expect(Object.fromEntries(diff.edges)).toEqual({ 'start:Done->task': 'same', 'task:Done->end': 'added', 'task:Done->old': 'removed' });
    expect(diff.settingsChanged).toEqual(['triggers']);
  });
  it('treats inputs in another key order as unchanged', () => {
    const after = { ...before, nodes: before.nodes!.map((n) => (n.id === 'task' ? { ...n, inputs: { due: 'P1D', template: 'a' } } : n)) };
    expect(diffDefinitions(before, after).nodes.get('task')).toBe('same');
  });
  it('draws removed nodes and edges in the union', () => {
    const after = { ...before, nodes: before.nodes!.slice(0, 2), edges: before.edges!.slice(0, 1) };
    const union = unionDefinition(before, after);
    expect(union.nodes!.map((n) => n.id)).toEqual(['start', 'task', 'old']);
    expect(union.edges).toHaveLength(2);
  });
});
