import { Badge, Group, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { useTemplateFields } from '../queries';
import { listedFields, searchFields, type TemplateField, type TemplateVariable } from './fieldSearch';
import classes from './FieldPanel.module.css';

/** Every variable and field a template can read (from the server, generated from the model), searchable; a click or
 *  Enter on a field inserts it at the cursor, and Enter in the search box inserts the first match. Read-only viewers
 *  look fields up without inserting. */
export function FieldPanel({ onInsert }: { onInsert?: (field: TemplateField) => void }) {
  const fields = useTemplateFields();
  const [search, setSearch] = useState('');
  const shown = useMemo(() => searchFields(fields.data ?? [], search), [fields.data, search]);

  if (fields.isPending) return <LoadingState label="Loading the fields" />;
  if (fields.error) return <ErrorState error={fields.error} title="Could not load the fields" onRetry={() => void fields.refetch()} />;
  const first = listedFields(shown)[0];
  return (
    <Stack gap="xs" h="100%">
      <TextInput size="sm" label="Search fields" placeholder="name, revenue, date, signal…" leftSection={<IconSearch size={14} />}
        value={search} onChange={(e) => setSearch(e.currentTarget.value)}
        description={onInsert ? 'Click a field, or press Enter for the first match, to insert it at the cursor' : 'Read only: ops and admins insert fields'}
        onKeyDown={(e) => { if (e.key === 'Enter' && first && onInsert) { e.preventDefault(); onInsert(first); } }} />
      <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto" offsetScrollbars>
        {shown.length === 0 ? <EmptyState title="No field matches">Try another word: the fields are in English, e.g. “revenue” or “due”.</EmptyState>
          : shown.map((variable) => <VariableFields key={variable.name} variable={variable} onInsert={onInsert} />)}
      </ScrollArea>
    </Stack>
  );
}

function VariableFields({ variable, onInsert }: { variable: TemplateVariable; onInsert?: (field: TemplateField) => void }) {
  const single = variable.fields.length === 1 && variable.fields[0]!.path === variable.name;
  return (
    <Stack gap={2} mb="sm" component="section" aria-label={`Fields of ${variable.name}`}>
      {!single && (
        <Group gap={6} px={6} pt={4}>
          <Text size="sm" fw={700} ff="monospace">{variable.name}</Text>
          {variable.mayBeMissing && <Badge size="xs" color="orange" variant="light">may be missing</Badge>}
        </Group>
      )}
      {!single && <Text size="xs" c="dimmed" px={6} mb={2}>{variable.description}</Text>}
      {variable.fields.map((field) => <FieldRow key={field.path} field={field} onInsert={onInsert} />)}
    </Stack>
  );
}

function FieldRow({ field, onInsert }: { field: TemplateField; onInsert?: (field: TemplateField) => void }) {
  const content = (
    <>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text size="sm" ff="monospace" fw={600} truncate>{field.path}</Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {field.mayBeEmpty && <Badge size="xs" color="gray" variant="outline">may be empty</Badge>}
          <Badge size="xs" variant="light" tt="none">{field.type}</Badge>
        </Group>
      </Group>
      <Text size="xs" c="dark.4">{field.description}</Text>
      {field.example && <Text size="xs" c="dimmed" truncate>e.g. <Text span ff="monospace" size="xs">{field.example}</Text></Text>}
    </>
  );
  return onInsert ? (
    <UnstyledButton className={classes.field} onClick={() => onInsert(field)} aria-label={`Insert ${field.insert}`} title={`Inserts {{ ${field.print} }} in the text, ${field.insert} inside {{ … }}`}>
      {content}
    </UnstyledButton>
  ) : (
    <div className={classes.field}>{content}</div>
  );
}
