import { Box, Text } from '@mantine/core';
import { compositeMarks, type Explanation, tierColor } from './explanationView';

/** The composite on a 0–100 bar with the tier thresholds marked: where the account sits and how far the next line is. */
export function CompositeScale({ explanation }: { explanation: Explanation }) {
  const marks = compositeMarks(explanation);
  const value = Math.max(0, Math.min(100, explanation.composite));
  const color = `var(--mantine-color-${tierColor(explanation.tier)}-6)`;
  return (
    <Box pt={16} pb={2} role="img" aria-label={`Composite ${explanation.composite} of 100${marks.map((m) => `; ${m.tier} from ${m.at}`).join('')}`}>
      <Box pos="relative" h={8} style={{ borderRadius: 4, background: 'var(--mantine-color-gray-2)' }}>
        <Box pos="absolute" left={0} top={0} h={8} w={`${value}%`} style={{ borderRadius: 4, background: color, opacity: 0.75 }} />
        {marks.map((m) => (
          <Box key={m.tier} pos="absolute" top={-15} left={`${m.at}%`} style={{ transform: 'translateX(-1px)' }}>
            <Text size="10px" c="dimmed" lh={1} mb={2} style={{ whiteSpace: 'nowrap', transform: 'translateX(-50%)', marginLeft: 1 }}>{m.tier} {m.at}</Text>
            <Box w={2} h={19} style={{ background: 'var(--mantine-color-dark-2)' }} />
          </Box>
        ))}
        <Box pos="absolute" top={-3} left={`${value}%`} w={14} h={14}
          style={{ transform: 'translateX(-7px)', borderRadius: 7, background: 'white', border: `3px solid ${color}` }} />
      </Box>
      <Box pos="relative" h={14} mt={4}>
        <Text size="10px" c="dimmed" pos="absolute" left={0}>0</Text>
        <Text size="10px" c="dimmed" pos="absolute" right={0}>100</Text>
      </Box>
    </Box>
  );
}
