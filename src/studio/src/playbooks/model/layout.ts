import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import type { EdgeDefinition, PlaybookDefinition, Position } from './definition';
import { positionOf } from './definition';

export interface Size {
  width: number;
  height: number;
}

export interface LayoutRequest {
  definition: PlaybookDefinition;
  /** The ports of each node, in the order the node draws them (kept by the layout). */
  ports: (nodeId: string) => string[];
  sizes: (nodeId: string) => Size;
  /** The nodes the layout may move; every other node stays where a person put it. */
  move: Set<string>;
}

const options = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

function graphOf({ definition, ports, sizes }: LayoutRequest): ElkNode {
  const ids = new Set((definition.nodes ?? []).map((n) => n.id));
  const edges = (definition.edges ?? []).filter((e) => ids.has(e.from) && ids.has(e.to));
  return {
    id: 'root',
    layoutOptions: options,
    children: (definition.nodes ?? []).map((n) => ({
      id: n.id,
      ...sizes(n.id),
      // Ports in the order the node lists them, on its right side, so the layout never crosses its own outcomes.
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        { id: `${n.id}::in`, layoutOptions: { 'elk.port.side': 'WEST' } },
        ...ports(n.id).map((p, i) => ({ id: `${n.id}::${p}`, layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) } })),
      ],
    })),
    edges: edges.map((e: EdgeDefinition, i) => ({ id: `e${i}`, sources: [`${e.from}::${e.port}`], targets: [`${e.to}::in`] })),
  };
}

/** New positions for the nodes in `move`. A moved group keeps its place next to the nodes a person placed: it is
 *  shifted by the offset between the layout and the canvas of the nearest fixed node it connects to. */
export async function layoutNodes(elk: ELK, request: LayoutRequest): Promise<Map<string, Position>> {
  const laid = await elk.layout(graphOf(request));
  const computed = new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const nodes = request.definition.nodes ?? [];
  const anchor = nodes.find((n) => !request.move.has(n.id) && positionOf(n) &&
    (request.definition.edges ?? []).some((e) => (e.from === n.id && request.move.has(e.to)) || (e.to === n.id && request.move.has(e.from))))
    ?? nodes.find((n) => !request.move.has(n.id) && positionOf(n));
  let offset = { x: 0, y: 0 };
  if (anchor && request.move.size < nodes.length) {
    const placed = positionOf(anchor)!;
    const there = computed.get(anchor.id)!;
    offset = { x: placed.x - there.x, y: placed.y - there.y };
  }
  const result = new Map<string, Position>();
  for (const id of request.move) {
    const p = computed.get(id);
    if (p) result.set(id, { x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) });
  }
  return result;
}
