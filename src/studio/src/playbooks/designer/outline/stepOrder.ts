import type { NodeDefinition, PlaybookDefinition } from '../../model/definition';

/** Steps breadth-first from Start (ports in their edge order), then any step no path reaches. */
export function stepOrder(d: PlaybookDefinition): NodeDefinition[] {
  const nodes = new Map((d.nodes ?? []).map((n) => [n.id, n]));
  const start = (d.nodes ?? []).find((n) => n.type === 'Start');
  const seen = new Set<string>();
  const queue = start ? [start.id] : [];
  const ordered: NodeDefinition[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id) || !nodes.has(id)) continue;
    seen.add(id);
    ordered.push(nodes.get(id)!);
    for (const e of d.edges ?? []) if (e.from === id && !seen.has(e.to)) queue.push(e.to);
  }
  return [...ordered, ...(d.nodes ?? []).filter((n) => !seen.has(n.id))];
}
