import type { ActivityDescriptor } from '../../api/types';
import type { NodeDefinition } from './definition';

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** A node's outcome ports, as the server computes them (ActivityDescriptor.PortsOf): the type's own, one per
 *  input that adds a port when given (sla → SlaBreached), and the values of the ports input (a task's outcomes). */
export function portsOf(descriptor: ActivityDescriptor | undefined, node: NodeDefinition): string[] {
  if (!descriptor) return [];
  const inputs = node.inputs ?? {};
  const added = descriptor.inputs.filter((i) => i.addsPort && given(inputs[i.name])).map((i) => i.addsPort!);
  const listed = descriptor.portsInput && Array.isArray(inputs[descriptor.portsInput])
    ? (inputs[descriptor.portsInput] as unknown[]).filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
  return [...new Set([...descriptor.ports, ...added, ...listed])];
}
