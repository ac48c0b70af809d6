import type { ActivityDescriptor } from '../../api/types';
import type { NodeDefinition } from './definition';
import { durationShort } from './durations';
import { isBusinessTime } from './businessTime';

const labels: Record<string, string> = { ae: 'AE', sdr: 'SDR', owner: 'owner', manager: 'manager', queue: 'queue' };

function text(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.join(', ') : null;
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${String(v)}`).join(', ') || null;
  return String(value);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One line that says what a node does with its inputs, e.g. "Email · tier1-email-touch · AE · due 2 business days · SLA 1 business day". */
export function summarise(node: NodeDefinition, descriptor: ActivityDescriptor | undefined): string {
  const inputs = node.inputs ?? {};
  const parts: string[] = [];
  for (const input of descriptor?.inputs ?? []) {
    const value = text(inputs[input.name]);
    if (value === null) continue;
    switch (input.kind) {
      case 'Duration':
        parts.push(`${input.name === 'duration' ? 'wait' : input.name === 'sla' ? 'SLA' : input.name} ${durationShort(value, isBusinessTime(node.type, input.name))}`);
        break;
      case 'Boolean':
        if (value === 'true' && input.default !== 'true') parts.push(input.name.replace(/([A-Z])/g, ' $1').toLowerCase());
        break;
      case 'Choice':
        if (JSON.stringify(inputs[input.name]) !== input.default) parts.push(input.name === 'channel' ? capitalise(value) : labels[value] ?? value);
        break;
      case 'Expression':
        parts.push(value.length > 48 ? `${value.slice(0, 47)}…` : value);
        break;
      default:
        parts.push(input.name === 'outcomes' ? `outcomes ${value}` : value);
    }
  }
  return parts.join(' · ');
}
