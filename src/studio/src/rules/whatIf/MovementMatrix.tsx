import { Table, Text, UnstyledButton } from '@mantine/core';
import type { CellKind, MovementMatrix as Matrix } from './movement';

const cellColor: Record<CellKind, string | undefined> = { up: 'teal.0', down: 'orange.0', new: 'blue.0', stay: undefined };
const cellText: Record<CellKind, string> = { up: 'teal.9', down: 'orange.9', new: 'blue.9', stay: 'dimmed' };

/** From (rows: the tier each account has today) × to (columns: the tier the draft gives it). A cell with movers is
 *  a button that filters the movers below; the totals say how each tier grows or shrinks. */
export function MovementMatrix({ matrix, selected, onSelect }: {
  matrix: Matrix;
  selected: { from: string; to: string } | null;
  onSelect: (cell: { from: string; to: string } | null) => void;
}) {
  return (
    <Table withTableBorder withColumnBorders fz="sm" aria-label="Tier movement: from (rows) to (columns)" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}><Text size="xs" c="dimmed">today ↓ · draft →</Text></Table.Th>
          {matrix.columns.map((to) => <Table.Th key={to} ta="right">{to}</Table.Th>)}
          <Table.Th ta="right" w={90}><Text size="xs" c="dimmed" span>today</Text></Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {matrix.rows.map((from, r) => (
          <Table.Tr key={from}>
            <Table.Th>{from}</Table.Th>
            {matrix.cells[r]!.map((cell) => {
              const movers = cell.kind !== 'stay' && cell.count > 0;
              const active = selected?.from === cell.from && selected.to === cell.to;
              return (
                <Table.Td key={cell.to} ta="right" p={0} bg={movers ? cellColor[cell.kind] : undefined}
                  style={active ? { outline: '2px solid var(--mantine-color-blue-6)', outlineOffset: -2 } : undefined}>
                  {movers ? (
                    <UnstyledButton w="100%" px="sm" py={6} ta="right" onClick={() => onSelect(active ? null : cell)} aria-pressed={active}
                      aria-label={`${cell.count.toLocaleString()} from ${cell.from} to ${cell.to}: show them`}>
                      <Text size="sm" fw={700} c={cellText[cell.kind]}>{cell.kind === 'up' ? '▲ ' : cell.kind === 'down' ? '▼ ' : ''}{cell.count.toLocaleString()}</Text>
                    </UnstyledButton>
                  ) : (
                    <Text size="sm" px="sm" py={6} c={cell.count ? 'dark' : 'gray.4'}>{cell.count.toLocaleString()}</Text>
                  )}
                </Table.Td>
              );
            })}
            <Table.Td ta="right"><Text size="sm" c="dimmed">{(matrix.before[from] ?? 0).toLocaleString()}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th><Text size="xs" c="dimmed">with the draft</Text></Table.Th>
          {matrix.columns.map((to) => {
            const delta = (matrix.after[to] ?? 0) - (matrix.before[to] ?? 0);
            return (
              <Table.Td key={to} ta="right">
                <Text size="sm" fw={600} span>{(matrix.after[to] ?? 0).toLocaleString()}</Text>
                {delta !== 0 && <Text size="xs" span c={delta > 0 ? 'teal.8' : 'orange.8'}> {delta > 0 ? '+' : ''}{delta.toLocaleString()}</Text>}
              </Table.Td>
            );
          })}
          <Table.Td />
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
