/** ISO-8601 durations as the engine reads them (P2D, PT4H, P1DT12H; no weeks, months or years), and in words. */
export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

// Weeks are refused like months: the engine's parser (XmlConvert) does not take them; write P5D or P7D.
const pattern = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/i;

export function parseDuration(text: string): DurationParts | null {
  const match = pattern.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return null;
  const [, d, h, m] = match;
  return { days: Number(d ?? 0), hours: Number(h ?? 0), minutes: Number(m ?? 0) };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface DurationReading {
  /** Task due dates, SLAs and escalations run on the rep's business calendar; delays, wait timeouts and cooldowns
   *  run on the wall clock (ADR 0009). */
  business: boolean;
  hoursPerDay?: number;
}

/** In words, as the engine will read it: "2 business days in the rep's time zone", "24 working hours (3 working
 *  days of 8 h)", or on the wall clock "2 days 4 hours". Null when the text is not a duration the engine takes. */
export function durationInWords(text: string, { business, hoursPerDay = 8 }: DurationReading): string | null {
  const parts = parseDuration(text);
  if (!parts) return null;
  if (!business) {
    const days = parts.days;
    const words = [days ? plural(days, 'day') : '', parts.hours ? plural(parts.hours, 'hour') : '', parts.minutes ? plural(parts.minutes, 'minute') : '']
      .filter(Boolean).join(' ');
    return words ? `${words} (calendar time)` : 'no time at all';
  }
  const phrases: string[] = [];
  const days = parts.days;
  if (days) phrases.push(plural(days, 'business day'));
  if (parts.hours || parts.minutes) {
    const worked = parts.hours + parts.minutes / 60;
    const hm = [parts.hours ? plural(parts.hours, 'working hour') : '', parts.minutes ? plural(parts.minutes, 'minute') : '']
      .filter(Boolean).join(' ');
    phrases.push(worked >= hoursPerDay ? `${hm} (${formatDays(worked / hoursPerDay)} working days of ${hoursPerDay} h)` : hm);
  }
  if (phrases.length === 0) return 'no time at all';
  return `${phrases.join(' and ')} in the rep's time zone`;
}

function formatDays(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** A short form for node summaries: "2 business days", "3 days", "4 h". */
export function durationShort(text: string, business: boolean): string {
  const parts = parseDuration(text);
  if (!parts) return text;
  const days = parts.days;
  const out = [days ? plural(days, business ? 'business day' : 'day') : '', parts.hours ? `${parts.hours} h` : '', parts.minutes ? `${parts.minutes} min` : '']
    .filter(Boolean);
  return out.join(' ') || '0';
}
