/** Signal types in words, for the vocabulary of docs/signals.md; other types are spelled out from their name. */
const words: Record<string, string> = {
  funding_round: 'Funding round',
  exec_hire: 'Executive hire',
  job_posting: 'Job posting',
  champion_joined: 'Champion joined',
  competitor_review: 'Competitor review',
  email_open: 'Email opened',
  email_click: 'Email link clicked',
  email_reply: 'Email reply',
  page_visit: 'Page visit',
  webinar_attended: 'Webinar attended',
  content_download: 'Content downloaded',
  intent_surge: 'Intent surge',
  meeting_booked: 'Meeting booked',
  unsubscribe: 'Unsubscribed',
  deal_lost: 'Deal lost',
  competitor_customer: 'Became a competitor’s customer',
  product_usage: 'Product usage',
  support_ticket: 'Support ticket',
};

export function signalLabel(type: string): string {
  const known = words[type];
  if (known) return known;
  const spaced = type.replace(/[_.]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The properties that say most about a signal, in one line: "/pricing · ana@acme.com". */
export function signalSummary(properties: Record<string, string> | undefined): string {
  if (!properties) return '';
  const first = ['page', 'round', 'title', 'role', 'topic', 'site', 'competitor', 'campaign', 'webinar', 'asset', 'reason', 'with']
    .map((key) => properties[key]).filter((v): v is string => !!v);
  // A customer's usage and support signals (docs/signals.md): "trend down · 31 active users", "urgent · T-10040".
  if (properties.trend) first.push(`trend ${properties.trend}`);
  if (properties.activeUsers) first.push(`${properties.activeUsers} active users`);
  if (properties.severity) first.push(properties.severity);
  if (properties.ticket) first.push(properties.ticket);
  const contact = properties.contact ? [properties.contact] : [];
  return [...first, ...contact].join(' · ');
}
