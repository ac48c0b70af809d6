import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor } from '../../api/types';
import { mayConnect } from './connections';
import type { PlaybookDefinition } from './definition';

const descriptor = (type: string, ports: string[]): ActivityDescriptor =>
  ({ type, category: 'Flow', description: '', inputs: [], ports, waits: false, portsInput: null });
const descriptors = new Map([['Start', descriptor('Start', ['Done'])], ['Delay', descriptor('Delay', ['Done'])]]);
const d: PlaybookDefinition = {
  id: 'p', name: 'P', edges: [],
  nodes: [{ id: 'start', type: 'Start' }, { id: 'a', type: 'Delay' }, { id: 'b', type: 'Delay' }],
};

describe('mayConnect', () => {
  it('lets a port connect to another step', () => {
    expect(mayConnect(d, descriptors, { from: 'a', port: 'Done', to: 'b' })).toBe(true);
  });
  it('refuses Start as a target, a node to itself, and a port the node does not have', () => {
    expect(mayConnect(d, descriptors, { from: 'a', port: 'Done', to: 'start' })).toBe(false);
    expect(mayConnect(d, descriptors, { from: 'a', port: 'Done', to: 'a' })).toBe(false);
    expect(mayConnect(d, descriptors, { from: 'a', port: 'TimedOut', to: 'b' })).toBe(false);
    expect(mayConnect(d, descriptors, { from: 'a', port: 'Done', to: 'missing' })).toBe(false);
  });
});
