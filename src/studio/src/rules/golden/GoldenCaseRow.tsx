import { ActionIcon, Badge, Box, Collapse, Group, Paper, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconCircleCheckFilled, IconCircleXFilled, IconChevronDown, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { dateTime } from '../../common/time';
import { comparisonRows, type GoldenCaseResult, type RowStatus } from './goldenRows';

const statusColor: Record<RowStatus, string | undefined> = { pass: undefined, fail: 'var(--mantine-color-red-0)', unchecked: undefined };

/** One golden case: pass or fail at a glance (expected → actual tier); open it for the expected-versus-actual table.
 *  Failing cases start open. */
export function GoldenCaseRow({ result, onRemove }: { result: GoldenCaseResult; onRemove?: () => void }) {
  const [open, { toggle }] = useDisclosure(!result.passed);
  const rows = comparisonRows(result);
  const label = `${result.name}: ${result.passed ? 'passes' : 'fails'}`;
  return (
    <Paper withBorder radius="md" p={0} component="article" aria-label={label}
      style={{ borderColor: result.passed ? undefined : 'var(--mantine-color-red-3)', overflow: 'hidden' }}>
      <Group gap="xs" wrap="nowrap" px="sm" py={8}>
        <UnstyledButton onClick={toggle} aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} expected and actual for ${result.name}`}
          style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            {result.passed
              ? <IconCircleCheckFilled size={18} color="var(--mantine-color-teal-6)" aria-hidden />
              : <IconCircleXFilled size={18} color="var(--mantine-color-red-6)" aria-hidden />}
            <Text size="sm" fw={600} lineClamp={2} style={{ flex: 1 }} title={result.name}>{result.name}</Text>
            <Badge size="sm" variant="light" color={result.passed ? 'teal' : 'red'}>{result.passed ? 'passes' : 'fails'}</Badge>
          </Group>
        </UnstyledButton>
        {onRemove && (
          <Tooltip label={`Remove ${result.file}`}>
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={onRemove} aria-label={`Remove ${result.file}`}><IconTrash size={14} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Group gap={6} px="sm" pb={open ? 4 : 8} pl={44}>
        <Text size="xs" c="dimmed">tier</Text>
        <Badge size="xs" variant="outline" color="gray" tt="none">{result.tier.expected ?? 'any'}</Badge>
        <IconArrowRight size={12} color="var(--mantine-color-gray-6)" aria-hidden />
        <Badge size="xs" variant="light" color={result.tier.passed ? 'teal' : 'red'} tt="none">{result.tier.actual}</Badge>
        <Text size="xs" c="dimmed">· composite {rows[1]!.actual}</Text>
      </Group>
      <Collapse expanded={open}>
        <Box px="sm" pb="sm">
          {result.pinned && (
            <Text size="xs" c="dimmed" mb={6}>
              Pinned from <b>{result.pinned.accountName}</b> ({result.pinned.accountId}) by {result.pinned.by}, {dateTime(result.pinned.at)}
            </Text>
          )}
          <Table fz="xs" withTableBorder verticalSpacing={4} layout="fixed" aria-label={`Expected and actual for ${result.name}`}>
            <Table.Thead>
              <Table.Tr><Table.Th>Part</Table.Th><Table.Th>Expected</Table.Th><Table.Th>Actual</Table.Th><Table.Th w={28} /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.part} bg={statusColor[row.status]}>
                  <Table.Td fw={500}>{row.part}</Table.Td>
                  <Table.Td c={row.status === 'unchecked' ? 'dimmed' : undefined}>{row.expected}</Table.Td>
                  <Table.Td c={row.status === 'fail' ? 'red.8' : undefined} fw={row.status === 'fail' ? 600 : undefined}>
                    {row.actual}{row.note && <Text size="xs" c="dimmed">{row.note}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {row.status === 'pass' && <IconCircleCheckFilled size={14} color="var(--mantine-color-teal-6)" aria-label="matches" />}
                    {row.status === 'fail' && <IconCircleXFilled size={14} color="var(--mantine-color-red-6)" aria-label="differs" />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      </Collapse>
    </Paper>
  );
}
