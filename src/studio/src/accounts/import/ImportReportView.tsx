import { Alert, Badge, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportReport } from '../types';
import { errorsCsv } from './importFile';

/** What the import did: the counts, a file-level stop, columns it did not know, and each refused row with its reason. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const errors = report.errors ?? [];
  const failed = report.failed ?? 0;
  const stored = (report.created ?? 0) + (report.updated ?? 0);
  return (
    <Paper component="section" aria-label="Import report" withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <Group gap="xs">
          {failed === 0 && !report.aborted
            ? <IconCircleCheck size={22} color="var(--mantine-color-green-6)" aria-hidden />
            : <IconAlertTriangle size={22} color="var(--mantine-color-orange-6)" aria-hidden />}
          <Title order={2} size="h4">
            {failed === 0 && !report.aborted ? 'Imported' : `Imported with ${failed.toLocaleString()} row${failed === 1 ? '' : 's'} refused`}
          </Title>
        </Group>
        {stored > 0 && <Button component={Link} to="/accounts?sort=lastSignal" variant="light" size="xs">See the accounts</Button>}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }} mb="md">
        <Count label="Created" value={report.created} color="green" />
        <Count label="Updated" value={report.updated} color="blue" />
        <Count label="Unchanged" value={report.unchanged} color="gray" />
        <Count label="Duplicates" value={report.duplicates} color="gray" />
        <Count label="Failed" value={report.failed} color={failed > 0 ? 'red' : 'gray'} />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mb="sm">{(report.received ?? 0).toLocaleString()} rows read.</Text>
      {report.aborted && (
        <Alert color="red" title="The file stopped being readable" mb="md" role="alert">{report.aborted}</Alert>
      )}
      {(report.ignoredColumns ?? []).length > 0 && (
        <Group gap={6} mb="md">
          <Text size="sm" c="dimmed">Columns not imported (no such field):</Text>
          {report.ignoredColumns!.map((c) => <Badge key={c} variant="default" tt="none">{c}</Badge>)}
        </Group>
      )}
      {errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">Refused rows{failed > errors.length ? ` (the first ${errors.length.toLocaleString()} of ${failed.toLocaleString()})` : ''}</Text>
            <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} component="a"
              download={`${fileName.replace(/\.[^.]+$/, '')}-errors.csv`} href={`data:text/csv;charset=utf-8,${encodeURIComponent(errorsCsv(report))}`}>
              Download as CSV
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420}>
            <Table striped withTableBorder aria-label="Refused rows" stickyHeader>
              <Table.Thead>
                <Table.Tr><Table.Th w={80}>Row</Table.Th><Table.Th w={220}>Column</Table.Th><Table.Th>Why</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.map((error, i) => (
                  <Table.Tr key={`${error.row}-${error.column}-${i}`}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{error.row}</Table.Td>
                    <Table.Td>{error.column ?? <Text span c="dimmed" size="sm">the whole row</Text>}</Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed">Rows are numbered as in a spreadsheet: the header is row 1, the first account row 2 (in JSON, the position from 1).</Text>
        </Stack>
      )}
    </Paper>
  );
}

function Count({ label, value, color }: { label: string; value: number | undefined; color: string }) {
  return (
    <Paper withBorder radius="md" p="sm" aria-label={`${label}: ${value ?? 0}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={26} fw={700} c={(value ?? 0) > 0 ? `${color}.7` : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>{(value ?? 0).toLocaleString()}</Text>
    </Paper>
  );
}
