import type { ActivityDescriptor } from '../../api/types';
import type { EdgeDefinition, PlaybookDefinition } from './definition';
import { portsOf } from './ports';

/** Whether the canvas lets this connection snap: from a port the node has, to another node that is not Start. */
export function mayConnect(d: PlaybookDefinition, descriptors: Map<string, ActivityDescriptor>, edge: EdgeDefinition): boolean {
  const source = d.nodes?.find((n) => n.id === edge.from);
  const target = d.nodes?.find((n) => n.id === edge.to);
  return !!source && !!target && source.id !== target.id && target.type !== 'Start'
    && portsOf(descriptors.get(source.type), source).includes(edge.port);
}
