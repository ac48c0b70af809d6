import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { errorMessage } from '../../api/problem';
import { parsePlaybookFile } from '../designer/toolbar/PlaybookJsonImport';

/** Imports a playbook file as a new draft of the playbook it names (created if it does not exist yet). */
export function ImportPlaybookButton() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const importFile = useMutation({
    mutationFn: async (file: File) => {
      const result = parsePlaybookFile(await file.text(), file.name);
      if ('error' in result) throw new Error(result.error);
      const { definition } = result;
      const saved = await call(api.PUT('/api/playbooks/{id}', { params: { path: { id: definition.id } }, body: definition }));
      return saved;
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['playbooks'] });
      notifications.show({ color: 'green', message: `Imported as draft v${saved.version} of ${saved.id}` });
      navigate(`/playbooks/${encodeURIComponent(saved.id)}`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not imported', message: errorMessage(error), autoClose: false }),
  });
  return (
    <FileButton onChange={(f) => f && importFile.mutate(f)} accept="application/json,.json">
      {(props) => <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} loading={importFile.isPending}>Import JSON</Button>}
    </FileButton>
  );
}
