import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

interface Props extends Omit<NumberInputProps, 'value' | 'onChange' | 'min' | 'max'> {
  value: number;
  min: number;
  max: number;
  /** Called with every in-range number typed, so the JSON (and the counts) follow the keystrokes. */
  onCommit: (value: number) => void;
}

/** A number written into the rule file as it is typed. While the field has focus it shows what was typed (an empty
 *  field, a lone "-"), which is not yet a number to write; on blur it shows the file's value again. */
export function NumberField({ value, min, max, onCommit, ...props }: Props) {
  const [draft, setDraft] = useState<string | number | null>(null);
  return (
    <NumberInput
      size="xs"
      {...props}
      min={min}
      max={max}
      value={draft ?? value}
      clampBehavior="blur"
      onFocus={() => setDraft(value)}
      onBlur={() => setDraft(null)}
      onChange={(next) => {
        setDraft(next);
        if (typeof next === 'number' && next >= min && next <= max && next !== value) onCommit(next);
      }}
    />
  );
}
