import type { components } from '../../api/schema';
import { timeAgo } from '../../common/time';

export type SignalView = components['schemas']['SignalView'];

/** The value of "no signal": the task as a tier change (no triggering signal) creates it. */
export const noSignal = '(none)';

/** The signal choices of the preview: none first, then the account's recent signals, newest first, in words. */
export function signalOptions(signals: SignalView[], now: Date = new Date()): { value: string; label: string }[] {
  return [
    { value: noSignal, label: 'No signal (a task from a tier change)' },
    ...signals.map((s) => {
      const details = Object.entries(s.properties).slice(0, 2).map(([k, v]) => `${k}=${v}`).join(', ');
      return { value: s.id, label: [s.type.replace(/_/g, ' '), timeAgo(s.occurredAt, now), s.source, details].filter(Boolean).join(' · ') };
    }),
  ];
}
