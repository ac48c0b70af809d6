import { Button, Group, Stack, Text } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { problemText, type RuleProblem } from '../ruleProblems';
import { fixLabel, fixRange, type RuleFix } from './quickFixes';

/** The server's problems under the editor: where, what, the "did you mean", and the fix as a button when it still
 *  applies to the text. */
export function ProblemList({ problems, text, onFix }: { problems: RuleProblem[]; text: string; onFix: (fix: RuleFix) => void }) {
  return (
    <Stack gap={2} aria-label="Problems" component="section" mah={160} style={{ overflow: 'auto' }}>
      {problems.map((p, i) => {
        const fix = p.fix && fixRange(text, p.fix) ? p.fix : null;
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="center">
            <Text size="xs" c="red.8" style={{ flex: 1 }}>
              {p.line ? `line ${p.line} · ` : ''}{p.workflow ?? ''}{p.rule ? ` · ${p.rule}` : ''}: {problemText(p)}
            </Text>
            {fix && (
              <Button size="compact-xs" variant="light" leftSection={<IconWand size={12} />} onClick={() => onFix(fix)}
                aria-label={`${fixLabel(fix)} (line ${fix.line}: ${fix.replace})`}>
                {fixLabel(fix)}
              </Button>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
