import type { Edge, Node } from '@xyflow/react';
import type { ActivityDescriptor, ProblemView } from '../../../api/types';
import type { Change } from '../../model/diff';
import type { NodeDefinition } from '../../model/definition';

/** What a node on the canvas draws. Overlays (live counts, diff, simulation) are optional layers on top. */
export interface ActivityNodeData extends Record<string, unknown> {
  definition: NodeDefinition;
  descriptor: ActivityDescriptor | undefined;
  ports: string[];
  wired: string[];
  summary: string;
  problems: ProblemView[];
  readOnly: boolean;
  live?: { waiting: number; pastSla: number };
  change?: Change;
  simulated?: { order: number; at: string }[];
  onConnectPort?: (port: string) => void;
  onOpenLive?: () => void;
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;
export type PortEdge = Edge<{ change?: Change; taken?: boolean }>;
