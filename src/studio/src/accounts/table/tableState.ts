import type { AccountListQuery, AccountSort, Lifecycle, SortDirection } from '../types';

/**
 * What the accounts table shows, kept in the address bar so that a link reproduces the view. The search parameters
 * have the API's names (`?tier=Tier1&tier=Tier2&owner=me&sort=score`), and defaults are left out, so `/accounts` is
 * the plain list. Values the Studio knows the full list of (sort, dir, lifecycle) are checked here; tiers, owners
 * and segments go to the server as they are, which answers an unknown one with a 400 the page shows.
 */
export interface AccountTableState {
  q: string;
  tiers: string[];
  owner: string | null;
  /** The imported segment field (the CRM's). */
  segments: string[];
  /** The rules' segments (an account may be in several). */
  inSegments: string[];
  /** Customer motions; "none" is customers without one. */
  motions: string[];
  lifecycle: Lifecycle | null;
  sort: AccountSort;
  /** null: the sort's own direction (best tier, highest score, newest signal first; names A–Z). */
  dir: SortDirection | null;
  page: number;
  pageSize: number;
}

export const sorts: readonly AccountSort[] = ['name', 'tier', 'score', 'lastSignal', 'owner'];
export const lifecycles: readonly Lifecycle[] = ['Prospect', 'Customer'];
export const pageSizes: readonly number[] = [25, 50, 100];

export const defaultTableState: AccountTableState = {
  q: '', tiers: [], owner: null, segments: [], inSegments: [], motions: [], lifecycle: null, sort: 'name', dir: null, page: 1, pageSize: 50,
};

/** The direction a column starts in, as the server orders it when no `dir` is given. */
export function naturalDirection(sort: AccountSort): SortDirection {
  return sort === 'score' || sort === 'lastSignal' ? 'desc' : 'asc';
}

export function effectiveDirection(state: AccountTableState): SortDirection {
  return state.dir ?? naturalDirection(state.sort);
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((a) => a.toLowerCase() === value?.trim().toLowerCase()) ?? null;
}

function listOf(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return [...new Set(values)];
}

function positive(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

export function stateFromParams(params: URLSearchParams): AccountTableState {
  const sort = pick(params.get('sort'), sorts) ?? defaultTableState.sort;
  const dir = pick(params.get('dir'), ['asc', 'desc'] as const);
  const size = positive(params.get('pageSize'));
  return {
    q: params.get('q')?.trim() ?? '',
    tiers: listOf(params, 'tier'),
    owner: params.get('owner')?.trim() || null,
    segments: listOf(params, 'segment'),
    inSegments: listOf(params, 'inSegment'),
    motions: listOf(params, 'motion'),
    lifecycle: pick(params.get('lifecycle'), lifecycles),
    sort,
    // The sort's own direction is the default, so it is never written out.
    dir: dir === naturalDirection(sort) ? null : dir,
    page: positive(params.get('page')) ?? 1,
    pageSize: size !== null && pageSizes.includes(size) ? size : defaultTableState.pageSize,
  };
}

/** The search parameters for a state, defaults left out, always in the same order (so equal views have equal links). */
export function paramsFromState(state: AccountTableState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  state.tiers.forEach((t) => params.append('tier', t));
  if (state.owner) params.set('owner', state.owner);
  state.segments.forEach((s) => params.append('segment', s));
  state.inSegments.forEach((s) => params.append('inSegment', s));
  state.motions.forEach((m) => params.append('motion', m));
  if (state.lifecycle) params.set('lifecycle', state.lifecycle);
  if (state.sort !== defaultTableState.sort) params.set('sort', state.sort);
  if (state.dir && state.dir !== naturalDirection(state.sort)) params.set('dir', state.dir);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== defaultTableState.pageSize) params.set('pageSize', String(state.pageSize));
  return params;
}

/** The query of GET /api/accounts for a state. */
export function apiQuery(state: AccountTableState): AccountListQuery {
  return {
    q: state.q.trim() || undefined,
    tier: state.tiers.length ? state.tiers : undefined,
    owner: state.owner ?? undefined,
    segment: state.segments.length ? state.segments : undefined,
    inSegment: state.inSegments.length ? state.inSegments : undefined,
    motion: state.motions.length ? state.motions : undefined,
    lifecycle: state.lifecycle ?? undefined,
    sort: state.sort,
    dir: effectiveDirection(state),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** A click on a column header: the same column turns around, another starts in its own direction; back to page 1. */
export function sortBy(state: AccountTableState, sort: AccountSort): AccountTableState {
  if (sort !== state.sort) return { ...state, sort, dir: null, page: 1 };
  const flipped: SortDirection = effectiveDirection(state) === 'asc' ? 'desc' : 'asc';
  return { ...state, dir: flipped === naturalDirection(sort) ? null : flipped, page: 1 };
}

/** A filter change shows the first page of the new result. */
export function withFilters(state: AccountTableState, patch: Partial<Pick<AccountTableState, FilterKey>>): AccountTableState {
  return { ...state, ...patch, page: 1 };
}

export type FilterKey = 'q' | 'tiers' | 'owner' | 'segments' | 'inSegments' | 'motions' | 'lifecycle';

export function clearFilters(state: AccountTableState): AccountTableState {
  return { ...state, q: '', tiers: [], owner: null, segments: [], inSegments: [], motions: [], lifecycle: null, page: 1 };
}

export function filterCount(state: AccountTableState): number {
  return (state.q.trim() ? 1 : 0) + (state.tiers.length ? 1 : 0) + (state.owner ? 1 : 0) + (state.segments.length ? 1 : 0) +
    (state.inSegments.length ? 1 : 0) + (state.motions.length ? 1 : 0) + (state.lifecycle ? 1 : 0);
}
