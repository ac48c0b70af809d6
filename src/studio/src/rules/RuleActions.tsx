import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartArrows, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PublishDialog } from './publish/PublishDialog';
import { ruleKeys } from './queries';
import type { RuleProblem } from './ruleProblems';
import { useWhatIf } from './whatIf/useWhatIf';
import { WhatIfPanel } from './WhatIfPanel';

/** The rule editor's "What if…" and "Publish…": a streamed what-if of the draft (progress, cancel, the report), and
 *  the publish dialog, which shows the server's check and the last what-if and takes a note. */
export function RuleActions({ name, text, stored, problems, checking }: {
  name: string;
  text: string;
  stored: string;
  /** The server's problems with the current text (rules and golden cases). */
  problems: RuleProblem[];
  /** The server is still checking the current text. */
  checking: boolean;
}) {
  const queryClient = useQueryClient();
  const whatIf = useWhatIf(name);
  const [panelOpen, setPanelOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const state = whatIf.state;
  const report = state.status === 'done' ? { report: state.report, stale: state.text !== text } : null;

  const runWhatIf = () => {
    whatIf.run(text);
    setPanelOpen(true);
  };

  return (
    <Group gap="xs">
      <Button size="xs" variant="default" leftSection={<IconChartArrows size={14} />} loading={state.status === 'running' && !panelOpen}
        onClick={() => (state.status === 'done' && !report?.stale) || state.status === 'running' ? setPanelOpen(true) : runWhatIf()}>What if…</Button>
      <Button size="xs" leftSection={<IconRocket size={14} />} disabled={text === stored} onClick={() => setPublishing(true)}>Publish</Button>
      {panelOpen && state.status !== 'idle' && (
        <WhatIfPanel fileName={`${name}.json`} state={state} stale={state.text !== text} onRun={runWhatIf}
          onCancel={whatIf.cancel} onClose={() => setPanelOpen(false)} />
      )}
      {publishing && (
        <PublishDialog name={name} text={text} problems={problems} checking={checking} whatIf={report}
          onRunWhatIf={() => { setPublishing(false); runWhatIf(); }} onClose={() => setPublishing(false)}
          onPublished={(result) => {
            setPublishing(false);
            whatIf.reset();
            queryClient.setQueryData(ruleKeys.file(name), text);
            void queryClient.invalidateQueries({ queryKey: ruleKeys.ruleset });
            void queryClient.invalidateQueries({ queryKey: ruleKeys.versions });
            notifications.show({ color: 'green', title: result.unchanged ? 'Nothing changed' : `Ruleset ${result.version.slice(0, 12)} is live`,
              message: result.unchanged ? 'The file is the same as the live one.' : 'Accounts are re-evaluated with it.' });
          }} />
      )}
    </Group>
  );
}
