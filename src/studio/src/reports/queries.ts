import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import type { paths } from '../api/schema';
import type { ReportRange } from './range';

/** Query keys and calls of the dashboard's reports (docs/reports.md); answers stay fresh for a minute. */
export const reportKeys = {
  all: ['reports'] as const,
  tiers: () => [...reportKeys.all, 'tier-distribution'] as const,
  movements: (range: ReportRange, interval: string) => [...reportKeys.all, 'movements', range.from, range.to, interval] as const,
  timeInTier: (range: ReportRange) => [...reportKeys.all, 'time-in-tier', range.from, range.to] as const,
  sla: (range: ReportRange, by: SlaGrouping) => [...reportKeys.all, 'sla-attainment', range.from, range.to, by] as const,
  coverage: () => [...reportKeys.all, 'coverage'] as const,
  breaches: (range: ReportRange) => [...reportKeys.all, 'sla-breaches', range.from, range.to] as const,
  quiet: (tier: string | undefined, days: number) => [...reportKeys.all, 'quiet-accounts', tier ?? '', days] as const,
};

export type SlaGrouping = 'rep' | 'playbook';
const staleTime = 60_000;

export function useTierDistribution() {
  return useQuery({ queryKey: reportKeys.tiers(), staleTime, queryFn: async () => jsonRows(await call(api.GET('/api/reports/tier-distribution'))) });
}

export function useMovements(range: ReportRange, interval: 'day' | 'week') {
  return useQuery({
    queryKey: reportKeys.movements(range, interval), staleTime,
    queryFn: async () => jsonRows(await call(api.GET('/api/reports/movements', { params: { query: { from: range.from, to: range.to, interval } } }))),
  });
}

export function useTimeInTier(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.timeInTier(range), staleTime,
    queryFn: async () => jsonRows(await call(api.GET('/api/reports/time-in-tier', { params: { query: { from: range.from, to: range.to } } }))),
  });
}

export function useSlaAttainment(range: ReportRange, by: SlaGrouping) {
  return useQuery({
    queryKey: reportKeys.sla(range, by), staleTime,
    queryFn: async () => jsonRows(await call(api.GET('/api/reports/sla-attainment', { params: { query: { from: range.from, to: range.to, by } } }))),
  });
}

export function useCoverage() {
  return useQuery({ queryKey: reportKeys.coverage(), staleTime, queryFn: async () => jsonRows(await call(api.GET('/api/reports/coverage'))) });
}

export function useSlaBreaches(range: ReportRange) {
  return useQuery({
    queryKey: reportKeys.breaches(range), staleTime,
    queryFn: async () => jsonRows(await call(api.GET('/api/reports/sla-breaches', { params: { query: { from: range.from, to: range.to } } }))),
  });
}

/** Accounts in a tier (undefined: the best) with no signal and no worked task for `days` days, quietest first. */
export function useQuietAccounts(tier: string | undefined, days: number) {
  return useQuery({
    queryKey: reportKeys.quiet(tier, days), staleTime,
    queryFn: async () => jsonRows(await call(api.GET('/api/reports/quiet-accounts', { params: { query: { tier, days } } }))),
  });
}

/** The rows of a JSON answer. (The document lists text/csv for the same answer, so the generated type allows a string;
 *  the Studio asks for JSON and gets it.) */
function jsonRows<T>(data: T[] | string): T[] {
  if (typeof data === 'string') throw new ApiError(200, { title: 'The server answered CSV where the Studio asked for JSON' });
  return data;
}

type ReportPath = Extract<keyof paths, `/api/reports/${string}`>;

/**
 * The address of a report's CSV download: the same endpoint and parameters as its JSON, plus `format=csv`.
 * The browser sends the sign-in cookie with the link, and the server names the file.
 */
export function csvHref(path: ReportPath, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  params.set('format', 'csv');
  return `${path}?${params.toString()}`;
}
