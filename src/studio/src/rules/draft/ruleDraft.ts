import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useSyncExternalStore } from 'react';

/** What the rule editor holds for a file: its text now and the stored (published) text. */
export interface RuleDraft {
  name: string;
  text: string;
  stored: string;
}

// The editor owns the text; panels beside it (golden cases, explain) read it from here, so the editor needs no
// props or callbacks for them (one hook call).
const drafts = new Map<string, RuleDraft>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the editor: shares its current text for `name` while it is open. */
export function useShareRuleDraft(name: string, text: string, stored: string) {
  useEffect(() => {
    drafts.set(name, { name, text, stored });
    emit();
  }, [name, text, stored]);
  useEffect(() => () => {
    drafts.delete(name);
    emit();
  }, [name]);
}

/** The editor's text for `name`, or null when the file is not open in an editor. */
export function useRuleDraft(name: string | undefined): RuleDraft | null {
  return useSyncExternalStore(subscribe, () => (name ? drafts.get(name) ?? null : null));
}

/** The draft a request should carry: only when it differs from the published file. */
export function changedDraft(draft: RuleDraft | null): RuleDraft | null {
  return draft && draft.text !== draft.stored ? draft : null;
}

/** The editor's changed text for `name`, settled for `delay` ms (null when it matches the published file): what a
 *  panel sends to run something on the draft as the person types. */
export function useDebouncedDraft(name: string | undefined, delay = 600): { name: string; text: string } | null {
  const draft = changedDraft(useRuleDraft(name));
  const [text] = useDebouncedValue(draft?.text ?? null, delay);
  return useMemo(() => (name && text !== null ? { name, text } : null), [name, text]);
}
