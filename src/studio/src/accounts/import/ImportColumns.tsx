import { Code, Group, Paper, Table, Text, Title } from '@mantine/core';

/** The fields the import reads and the CRM column names it also takes (the full list is in docs/import.md). */
const columns: [field: string, alsoAccepted: string, value: string][] = [
  ['id', 'Record ID, Account ID, Company ID', 'if missing, the domain is the id'],
  ['name', 'Company name, Account Name', 'required'],
  ['domain', 'Company Domain Name, Website', 'https://www.Acme.com/about → acme.com'],
  ['industry · employees · annualRevenue', 'Industry, Number of Employees, Annual Revenue', '1,250 · $1.2M, 850k'],
  ['country · region', 'Country/Region, Sales Region', 'EMEA, NA, LATAM, APAC'],
  ['fundingStage · fundingDate', 'Latest Funding Stage, Last Funding Date', 'Series A · 2026-09-01'],
  ['techStack', 'Technologies', 'Salesforce; HubSpot'],
  ['aeOwnerId · sdrOwnerId', 'Account Owner, SDR Owner', 'a rep id'],
  ['segment · lifecycle', 'Primary Segment, Lifecycle Stage', 'Customer when it says customer'],
  ['custom.NAME', 'customFields.NAME', 'any text, kept as a custom field'],
];

export function ImportColumns() {
  return (
    <Paper component="section" aria-label="Columns the import reads" withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">Columns the import reads</Title>
        <Text size="xs" c="dimmed">Names match ignoring case, spaces and punctuation; other columns are listed as ignored.</Text>
      </Group>
      <Table verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr><Table.Th>Field</Table.Th><Table.Th>Also accepted</Table.Th><Table.Th>Values</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map(([field, also, value]) => (
            <Table.Tr key={field}>
              <Table.Td><Code>{field}</Code></Table.Td>
              <Table.Td c="dimmed">{also}</Table.Td>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
