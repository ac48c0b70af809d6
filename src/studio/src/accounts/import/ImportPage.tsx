import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { useMe } from '../../auth/useMe';
import { canImportAccounts } from '../access';
import { accountKeys } from '../queries';
import { FileDrop } from './FileDrop';
import { csvRowEstimate, fileSize, importFormat, sampleCsv } from './importFile';
import { ImportColumns } from './ImportColumns';
import { ImportReportView } from './ImportReportView';
import { uploadWithProgress } from './uploadWithProgress';

interface Chosen { file: File; rows: number | null }

/** Ops and admins upload a CSV or JSON file of accounts, watch it go in, and read what was created, updated and refused. */
export function ImportPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [sent, setSent] = useState(0);

  const upload = useMutation({
    mutationFn: (file: File) => call(api.POST('/api/accounts', {
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': importFormat(file.name)!.contentType },
      fetch: uploadWithProgress((done, total) => setSent(total > 0 ? done / total : 0)),
    })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });

  const choose = (file: File) => {
    upload.reset();
    setSent(0);
    const format = importFormat(file.name);
    if (!format) {
      setChosen(null);
      setRefused(`${file.name} is not a file the import reads: choose a .csv, .json or .ndjson file.`);
      return;
    }
    setRefused(null);
    setChosen({ file, rows: null });
    if (format.label === 'CSV') void file.text().then((text) => setChosen((c) => (c?.file === file ? { file, rows: csvRowEstimate(text) } : c)));
  };

  if (me.data && !canImportAccounts(me.data.role)) {
    return (
      <Stack maw={560} mx="auto" mt="xl">
        <Alert color="orange" title="Importing is for ops and admins" role="alert">
          You are signed in as {me.data.name} ({me.data.role}). Ask RevOps to import accounts, or open the accounts list.
        </Alert>
        <Button component={Link} to="/accounts" variant="light">Go to the accounts</Button>
      </Stack>
    );
  }

  return (
    <Stack p="lg" gap="md" maw={1100} w="100%" mx="auto">
      <Breadcrumbs>
        <Anchor component={Link} to="/accounts" size="sm">Accounts</Anchor>
        <Text size="sm" c="dimmed">Import</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">Import accounts</Title>
        <Text c="dimmed" size="sm">
          Columns in the file overwrite (an empty cell clears), columns not in the file stay as they are. Good rows are stored even when
          others fail: fix them and import the file again, unchanged rows are left alone.
        </Text>
      </div>

      <FileDrop onFile={choose} disabled={upload.isPending}>
        <Button variant="default" leftSection={<IconDownload size={16} />} component="a" download="accounts-sample.csv"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(sampleCsv)}`}>Sample CSV</Button>
      </FileDrop>
      {refused && <Alert color="red" role="alert" title="Not an import file" icon={<IconX size={18} />}>{refused}</Alert>}

      {chosen && (
        <Paper withBorder radius="lg" p="md" component="section" aria-label="Chosen file">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <IconFileSpreadsheet size={28} color="var(--mantine-color-indigo-6)" aria-hidden />
              <div>
                <Text fw={600}>{chosen.file.name}</Text>
                <Text size="sm" c="dimmed">
                  {importFormat(chosen.file.name)?.label} · {fileSize(chosen.file.size)}{chosen.rows != null ? ` · about ${chosen.rows.toLocaleString()} rows` : ''}
                </Text>
              </div>
            </Group>
            <Button onClick={() => upload.mutate(chosen.file)} loading={upload.isPending} disabled={upload.isSuccess}>
              {upload.isSuccess ? 'Imported' : 'Import'}
            </Button>
          </Group>
          {upload.isPending && <UploadProgress sent={sent} />}
        </Paper>
      )}

      {upload.error && (
        <Alert color="red" role="alert" title="The import was refused" icon={<IconX size={18} />}>{errorMessage(upload.error)}</Alert>
      )}
      {upload.data && <ImportReportView report={upload.data} fileName={chosen?.file.name ?? 'accounts'} />}
      {!chosen && <ImportColumns />}
    </Stack>
  );
}

/** While the body goes up the server is storing it; once it is all sent the last chunk is being stored and scored. */
function UploadProgress({ sent }: { sent: number }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 4000);
    return () => clearTimeout(timer);
  }, []);
  const done = sent >= 1;
  return (
    <Stack gap={4} mt="md" role="status" aria-live="polite">
      <Progress value={done ? 100 : Math.round(sent * 100)} animated={done} striped={done} size="lg" radius="xl" aria-label="Import progress" />
      <Text size="sm" c="dimmed">
        {done ? 'Storing and scoring the last rows…' : `Sending and storing: ${Math.round(sent * 100)}%`}
        {slow ? ' Large files take a while: about 10 seconds per 100,000 rows.' : ''}
      </Text>
    </Stack>
  );
}
