import type { EdgeDefinition, NodeDefinition, PlaybookDefinition } from './definition';
import { newNodeId, positionOf } from './definition';

/** What Ctrl+C puts on the clipboard: the selected nodes and the edges between them, as JSON text, so a paste works
 *  within a playbook, between playbooks and between browser tabs. */
export interface Fragment {
  kind: 'accountplaybooks/nodes';
  nodes: NodeDefinition[];
  edges: EdgeDefinition[];
}

export function copyFragment(d: PlaybookDefinition, ids: Set<string>): Fragment {
  return {
    kind: 'accountplaybooks/nodes',
    nodes: (d.nodes ?? []).filter((n) => ids.has(n.id) && n.type !== 'Start'),
    edges: (d.edges ?? []).filter((e) => ids.has(e.from) && ids.has(e.to)),
  };
}

export function readFragment(text: string): Fragment | null {
  try {
    const parsed = JSON.parse(text) as Partial<Fragment>;
    return parsed.kind === 'accountplaybooks/nodes' && Array.isArray(parsed.nodes) && Array.isArray(parsed.edges) ? (parsed as Fragment) : null;
  } catch {
    return null;
  }
}

/** Adds a fragment with fresh ids, shifted so the copy does not sit on the original; returns the new ids. */
export function pasteFragment(d: PlaybookDefinition, fragment: Fragment, offset = 40): [PlaybookDefinition, string[]] {
  const taken = new Set((d.nodes ?? []).map((n) => n.id));
  const ids = new Map<string, string>();
  const nodes = fragment.nodes.map((n) => {
    const id = taken.has(n.id) ? newNodeId(n.type, taken) : n.id;
    taken.add(id);
    ids.set(n.id, id);
    const p = positionOf(n) ?? { x: 0, y: 0 };
    return { ...n, id, ui: { x: p.x + offset, y: p.y + offset } };
  });
  const edges = fragment.edges.map((e) => ({ ...e, from: ids.get(e.from)!, to: ids.get(e.to)! }));
  return [{ ...d, nodes: [...(d.nodes ?? []), ...nodes], edges: [...(d.edges ?? []), ...edges] }, [...ids.values()]];
}
