import { MarkerType } from '@xyflow/react';
import type { ActivityDescriptor, ProblemView } from '../../../api/types';
import type { DefinitionDiff } from '../../model/diff';
import { edgeKey, positionOf, type PlaybookDefinition } from '../../model/definition';
import { portsOf } from '../../model/ports';
import { summarise } from '../../model/summary';
import type { ActivityFlowNode, ActivityNodeData, PortEdge } from './nodeData';

export interface Overlays {
  live?: { waiting: Record<string, number>; pastSla: Record<string, number> };
  diff?: DefinitionDiff;
  simulated?: Map<string, { order: number; at: string }[]>;
  takenEdges?: Set<string>;
}

export function descriptorMap(activities: ActivityDescriptor[]): Map<string, ActivityDescriptor> {
  return new Map(activities.map((a) => [a.type, a]));
}

/** The canvas's nodes for a definition; positions come from each node's `ui` (unplaced nodes line up below). */
export function toFlowNodes(d: PlaybookDefinition, descriptors: Map<string, ActivityDescriptor>, problems: ProblemView[],
  overlays: Overlays, readOnly: boolean): ActivityFlowNode[] {
  const wiredPorts = new Map<string, string[]>();
  for (const e of d.edges ?? []) wiredPorts.set(e.from, [...(wiredPorts.get(e.from) ?? []), e.port]);
  return (d.nodes ?? []).map((node, index) => {
    const descriptor = descriptors.get(node.type);
    const data: ActivityNodeData = {
      definition: node,
      descriptor,
      ports: portsOf(descriptor, node),
      wired: wiredPorts.get(node.id) ?? [],
      summary: summarise(node, descriptor),
      problems: problems.filter((p) => p.nodeId === node.id),
      readOnly,
      live: overlays.live ? { waiting: overlays.live.waiting[node.id] ?? 0, pastSla: overlays.live.pastSla[node.id] ?? 0 } : undefined,
      change: overlays.diff?.nodes.get(node.id),
      simulated: overlays.simulated?.get(node.id),
    };
    return {
      id: node.id,
      type: 'activity',
      position: positionOf(node) ?? { x: 0, y: 400 + index * 40 },
      data,
      ariaLabel: `${node.type} ${node.id}${data.summary ? `: ${data.summary}` : ''}`,
      deletable: !readOnly && node.type !== 'Start',
    };
  });
}

export function toFlowEdges(d: PlaybookDefinition, overlays: Overlays, readOnly: boolean): PortEdge[] {
  return (d.edges ?? []).map((e) => {
    const key = edgeKey(e);
    const change = overlays.diff?.edges.get(key);
    const taken = overlays.takenEdges?.has(key);
    const stroke = change === 'added' ? 'var(--mantine-color-green-6)' : change === 'removed' ? 'var(--mantine-color-red-6)'
      : taken ? 'var(--mantine-color-violet-6)' : 'var(--mantine-color-gray-5)';
    return {
      id: key,
      source: e.from,
      sourceHandle: e.port,
      target: e.to,
      data: { change, taken },
      deletable: !readOnly,
      ariaLabel: `${e.from} ${e.port} to ${e.to}`,
      markerEnd: { type: MarkerType.ArrowClosed, color: stroke },
      style: { stroke, strokeWidth: taken || (change && change !== 'same') ? 2.5 : 1.5, strokeDasharray: change === 'removed' ? '6 4' : undefined },
      animated: !!taken,
    };
  });
}
