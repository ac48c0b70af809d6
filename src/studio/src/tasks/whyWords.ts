import type { components } from '../api/schema';

type TaskTierWhy = components['schemas']['TaskTierWhy'];
type TaskSignalWhy = components['schemas']['TaskSignalWhy'];

const kinds: Record<string, string> = {
  score: 'its score',
  trigger: 'a trigger rule',
  'rules-changed': 'a ruleset change',
  'first-evaluation': 'its first evaluation',
};

/** "by its score (rules Pricing page visits, Email replies)" — how the account came to be in its tier. */
export function tierCauseWords(tier: TaskTierWhy): string {
  const how = tier.kind ? kinds[tier.kind] ?? tier.kind : 'the live rules';
  return tier.rules.length ? `by ${how} (${tier.rules.length > 1 ? 'rules' : 'rule'} ${tier.rules.join(', ')})` : `by ${how}`;
}

/** "page_visit page=/pricing, utm=ads" — a signal's type and properties on one line. */
export function signalWords(signal: TaskSignalWhy): string {
  const properties = Object.entries(signal.properties).map(([k, v]) => `${k}=${v}`);
  return properties.length ? `${signal.type} ${properties.join(', ')}` : signal.type;
}
