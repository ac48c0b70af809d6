import type { PlaybookDefinition } from './definition';
import { edgeKey } from './definition';

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DefinitionDiff {
  nodes: Map<string, Change>;
  edges: Map<string, Change>;
  /** Triggers, exit or re-enrollment differ (not drawn on the canvas; listed beside it). */
  settingsChanged: string[];
}

const stable = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);

/** What changed from `before` to `after`: nodes by id (type, inputs or retry; moving a node is not a change),
 *  edges by from/port/to, and the playbook-level settings. */
export function diffDefinitions(before: PlaybookDefinition, after: PlaybookDefinition): DefinitionDiff {
  const nodes = new Map<string, Change>();
  const old = new Map((before.nodes ?? []).map((n) => [n.id, n]));
  for (const n of after.nodes ?? []) {
    const was = old.get(n.id);
    nodes.set(n.id, !was ? 'added'
      : was.type !== n.type || stable(was.inputs ?? {}) !== stable(n.inputs ?? {}) || stable(was.retry ?? null) !== stable(n.retry ?? null) ? 'changed' : 'same');
  }
  for (const id of old.keys()) if (!nodes.has(id)) nodes.set(id, 'removed');

  const edges = new Map<string, Change>();
  const oldEdges = new Set((before.edges ?? []).map(edgeKey));
  const newEdges = new Set((after.edges ?? []).map(edgeKey));
  for (const k of newEdges) edges.set(k, oldEdges.has(k) ? 'same' : 'added');
  for (const k of oldEdges) if (!newEdges.has(k)) edges.set(k, 'removed');

  const settingsChanged = (['name', 'description', 'triggers', 'exit', 'reenrollment', 'variables'] as const)
    .filter((key) => stable(before[key] ?? null) !== stable(after[key] ?? null));
  return { nodes, edges, settingsChanged };
}

/** The union of both versions, so removed nodes and edges can be drawn where they were. */
export function unionDefinition(before: PlaybookDefinition, after: PlaybookDefinition): PlaybookDefinition {
  const ids = new Set((after.nodes ?? []).map((n) => n.id));
  const keys = new Set((after.edges ?? []).map(edgeKey));
  return {
    ...after,
    nodes: [...(after.nodes ?? []), ...(before.nodes ?? []).filter((n) => !ids.has(n.id))],
    edges: [...(after.edges ?? []), ...(before.edges ?? []).filter((e) => !keys.has(edgeKey(e)))],
  };
}
