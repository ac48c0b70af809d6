import { TextInput } from '@mantine/core';
import { durationInWords } from '../../model/durations';

/** An ISO-8601 duration with what the engine will make of it, in words, under the field. */
export function DurationField({ label, description, value, required, business, hoursPerDay, onChange }: {
  label: string; description?: string; value: string; required: boolean; business: boolean; hoursPerDay?: number; onChange: (value: string) => void;
}) {
  const words = value ? durationInWords(value, { business, hoursPerDay }) : null;
  const invalid = value !== '' && words === null;
  return (
    <TextInput label={label} withAsterisk={required} placeholder={business ? 'P1D' : 'P3D'} value={value}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase())}
      description={words && !invalid ? `${value} → ${words}` : description}
      error={invalid ? 'Not a duration: use ISO-8601 such as P2D (days), PT4H (hours), P5D (a working week); weeks, months and years are not allowed' : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      rightSection={null}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
    />
  );
}
