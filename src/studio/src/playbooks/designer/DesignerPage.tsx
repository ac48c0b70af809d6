import { ReactFlowProvider } from '@xyflow/react';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../common/QueryStates';
import { useActivities, usePlaybook, useVocabulary } from '../queries';
import { Designer } from './Designer';
import type { DesignerView } from './toolbar/DesignerToolbar';

const views: DesignerView[] = ['edit', 'outline', 'live', 'versions', 'simulate'];

/** /playbooks/:id — the view (?view=), the version compared (?compare=2..3) live in the URL, so a link shows the same;
 *  ?node=ID opens with that step selected and in view (the Templates page links to the steps that use a template). */
export function DesignerPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // The designer opens the newest draft when one is newer than the live version: that is the work in progress.
  const shown = usePlaybook(id);
  const draft = shown.data?.latestDraft != null && shown.data.latestDraft !== shown.data.version.number ? shown.data.latestDraft : undefined;
  const latest = usePlaybook(id, draft, draft !== undefined);
  const playbook = draft !== undefined ? latest : shown;
  const activities = useActivities();
  const vocabulary = useVocabulary();
  const view = (views as string[]).includes(params.get('view') ?? '') ? (params.get('view') as DesignerView) : 'edit';
  const compareMatch = /^(\d+)\.\.(\d+)$/.exec(params.get('compare') ?? '');
  const compare: [number, number] | null = compareMatch ? [Number(compareMatch[1]), Number(compareMatch[2])] : null;
  const update = (changes: Record<string, string | null>) => setParams((p) => {
    const next = new URLSearchParams(p);
    for (const [k, v] of Object.entries(changes)) if (v === null || v === 'edit') next.delete(k); else next.set(k, v);
    return next;
  }, { replace: true });

  if (playbook.isPending || activities.isPending) return <LoadingState label="Opening the playbook" />;
  if (playbook.error) return <ErrorState error={playbook.error} title={`Could not open playbook ${id}`} onRetry={() => void playbook.refetch()} />;
  if (activities.error) return <ErrorState error={activities.error} title="Could not load the activities" onRetry={() => void activities.refetch()} />;
  return (
    <ReactFlowProvider>
      <Designer key={playbook.data.id} detail={playbook.data} activities={activities.data}
        vocabulary={vocabulary} view={view} focus={params.get('node') ?? undefined} onView={(v) => update({ view: v, compare: null })}
        compare={compare} onCompare={(c) => update({ compare: c ? `${c[0]}..${c[1]}` : null, view: c ? 'versions' : params.get('view') })} />
    </ReactFlowProvider>
  );
}
