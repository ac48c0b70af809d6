import type { components } from '../../api/schema';

/** The playbook file format (workflows/*.json), as the server's OpenAPI document describes it. */
export type PlaybookDefinition = components['schemas']['PlaybookDefinition'];
export type NodeDefinition = components['schemas']['NodeDefinition'];
export type EdgeDefinition = components['schemas']['EdgeDefinition'];
export type TriggerDefinition = components['schemas']['TriggerDefinition'];

export interface Position {
  x: number;
  y: number;
}

/** Where the designer drew a node (its `ui`), or null when no one placed it yet. */
export function positionOf(node: NodeDefinition): Position | null {
  const ui = node.ui as { x?: unknown; y?: unknown } | null | undefined;
  return ui && typeof ui.x === 'number' && typeof ui.y === 'number' ? { x: ui.x, y: ui.y } : null;
}

export function edgeKey(edge: EdgeDefinition): string {
  return `${edge.from}:${edge.port}->${edge.to}`;
}

export function inputsOf(node: NodeDefinition): Record<string, unknown> {
  return node.inputs ?? {};
}

/** A fresh id for a node of this type: "createtask", "createtask-2", ... */
export function newNodeId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** An empty playbook: only its Start node. */
export function emptyPlaybook(id: string, name: string): PlaybookDefinition {
  return {
    id, name, version: 1, triggers: [], exit: { onTierChange: true, onSignals: [], onDisqualification: true },
    reenrollment: { policy: 'never' }, variables: {}, edges: [],
    nodes: [{ id: 'start', type: 'Start', inputs: {}, ui: { x: 0, y: 0 } }],
  };
}
