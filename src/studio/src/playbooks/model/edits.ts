import type { EdgeDefinition, NodeDefinition, PlaybookDefinition, Position } from './definition';
import { edgeKey, newNodeId, positionOf } from './definition';

/** Every change the designer makes to a definition, as pure functions (so undo, tests and the outline share them). */
export function addNode(d: PlaybookDefinition, type: string, at: Position, inputs: Record<string, unknown> = {}): [PlaybookDefinition, string] {
  const id = newNodeId(type, d.nodes?.map((n) => n.id) ?? []);
  return [{ ...d, nodes: [...(d.nodes ?? []), { id, type, inputs, ui: { x: Math.round(at.x), y: Math.round(at.y) } }] }, id];
}

export function removeNodes(d: PlaybookDefinition, ids: Set<string>): PlaybookDefinition {
  return {
    ...d,
    nodes: (d.nodes ?? []).filter((n) => !ids.has(n.id)),
    edges: (d.edges ?? []).filter((e) => !ids.has(e.from) && !ids.has(e.to)),
  };
}

export function removeEdges(d: PlaybookDefinition, keys: Set<string>): PlaybookDefinition {
  return { ...d, edges: (d.edges ?? []).filter((e) => !keys.has(edgeKey(e))) };
}

/** Connects a port. A Fork's port starts every path wired to it; any other port leads to one node (parallel paths
 *  are drawn with an explicit Fork), so connecting it again moves the connection. */
export function connect(d: PlaybookDefinition, edge: EdgeDefinition, fromFork: boolean): PlaybookDefinition {
  const edges = d.edges ?? [];
  if (edges.some((e) => edgeKey(e) === edgeKey(edge)) || edge.from === edge.to) return d;
  const others = fromFork ? edges : edges.filter((e) => !(e.from === edge.from && e.port === edge.port));
  return { ...d, edges: [...others, edge] };
}

export function updateNode(d: PlaybookDefinition, id: string, change: (n: NodeDefinition) => NodeDefinition): PlaybookDefinition {
  return { ...d, nodes: (d.nodes ?? []).map((n) => (n.id === id ? change(n) : n)) };
}

export function setInput(d: PlaybookDefinition, id: string, name: string, value: unknown): PlaybookDefinition {
  return updateNode(d, id, (n) => {
    const inputs = { ...(n.inputs ?? {}) };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete inputs[name];
    else inputs[name] = value;
    return { ...n, inputs };
  });
}

export function renameNode(d: PlaybookDefinition, from: string, to: string): PlaybookDefinition {
  if (from === to || (d.nodes ?? []).some((n) => n.id === to)) return d;
  return {
    ...d,
    nodes: (d.nodes ?? []).map((n) => (n.id === from ? { ...n, id: to } : n)),
    edges: (d.edges ?? []).map((e) => ({ ...e, from: e.from === from ? to : e.from, to: e.to === from ? to : e.to })),
  };
}

export function moveNodes(d: PlaybookDefinition, positions: Map<string, Position>): PlaybookDefinition {
  return {
    ...d,
    nodes: (d.nodes ?? []).map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, ui: { ...((n.ui as object | null) ?? {}), x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

/** Removes edges whose port no longer exists (e.g. an SLA was cleared, so SlaBreached went away). */
export function dropDanglingEdges(d: PlaybookDefinition, portsOfNode: (n: NodeDefinition) => string[]): PlaybookDefinition {
  const ports = new Map((d.nodes ?? []).map((n) => [n.id, new Set(portsOfNode(n))]));
  const edges = (d.edges ?? []).filter((e) => ports.get(e.from)?.has(e.port) && ports.has(e.to));
  return edges.length === (d.edges ?? []).length ? d : { ...d, edges };
}

/** The first place at or below `at` where a new step covers no other step (steps are 250 wide and up to ~200 tall). */
export function freeSpot(d: PlaybookDefinition, at: Position): Position {
  const taken = (d.nodes ?? []).map(positionOf).filter((p): p is Position => p !== null);
  let spot = at;
  while (taken.some((p) => Math.abs(p.x - spot.x) < 260 && Math.abs(p.y - spot.y) < 200)) spot = { x: spot.x, y: spot.y + 210 };
  return spot;
}
