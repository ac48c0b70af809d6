import { MultiSelect, NumberInput, Select, Switch, TagsInput, TextInput } from '@mantine/core';
import type { InputDescriptor } from '../../../api/types';
import { isBusinessTime } from '../../model/businessTime';
import { DurationField } from './DurationField';
import { ExpressionField } from './ExpressionField';
import { MapField } from './MapField';
import { TemplateField } from './TemplateField';

export interface Vocabulary {
  signalTypes: string[];
  tiers: string[];
  triggerRules: string[];
  /** The live rules' segments and customer motions, and custom fields accounts carry (for date triggers). */
  segments: string[];
  motions: string[];
  customFields: string[];
  /** The working day's length, for wording business-time durations. */
  hoursPerDay: number;
}

/** The server sends defaults as JSON text ("\"owner\"", "true"). */
export function defaultOf(input: InputDescriptor): unknown {
  if (input.default == null) return undefined;
  try {
    return JSON.parse(input.default) as unknown;
  } catch {
    return input.default;
  }
}

function label(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return name === 'sla' ? 'SLA' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** One input of a node, edited the way its kind says (InputKind on the server). */
export function InputField({ input, activityType, value, vocabulary, onChange }: {
  input: InputDescriptor; activityType: string; value: unknown; vocabulary: Vocabulary; onChange: (value: unknown) => void;
}) {
  const common = { label: label(input.name), description: input.description, withAsterisk: input.required };
  const fallback = defaultOf(input);
  switch (input.kind) {
    case 'Boolean':
      return <Switch label={common.label} description={input.description} checked={(value ?? fallback ?? false) === true}
        onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'Number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : undefined)} />;
    case 'Choice':
      return <Select {...common} data={input.options} value={(value as string | undefined) ?? null} clearable={!input.required}
        placeholder={fallback ? `default: ${String(fallback)}` : 'Choose'} onChange={(v) => onChange(v ?? undefined)} />;
    case 'Duration':
      return <DurationField {...common} required={input.required} value={(value as string | undefined) ?? ''} onChange={onChange}
        business={isBusinessTime(activityType, input.name)} hoursPerDay={vocabulary.hoursPerDay} />;
    case 'Expression':
      return <ExpressionField {...common} required={input.required} value={(value as string | undefined) ?? ''} onChange={onChange} kind="decision" />;
    case 'Template':
      return <TemplateField {...common} required={input.required} value={(value as string | undefined) ?? ''} onChange={onChange} />;
    case 'TextList': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      // Signal types come from the documented vocabulary; other lists (a task's outcomes) are free text.
      return input.name === 'types'
        ? <MultiSelect {...common} data={[...new Set([...vocabulary.signalTypes, ...list])]} value={list} searchable onChange={onChange} />
        : <TagsInput {...common} value={list} onChange={onChange} placeholder="Type and press Enter" />;
    }
    case 'Map':
      return <MapField label={common.label} description={input.description} value={(value as Record<string, string> | undefined) ?? {}} onChange={onChange} />;
    default:
      return <TextInput {...common} value={(value as string | undefined) ?? ''} placeholder={fallback ? `default: ${String(fallback)}` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
