import { describe, expect, it } from 'vitest';
import {
  apiQuery, clearFilters, defaultTableState, filterCount, paramsFromState, sortBy, stateFromParams, withFilters,
} from './tableState';

const parse = (search: string) => stateFromParams(new URLSearchParams(search));

describe('accounts table state in the URL', () => {
  it('reads the plain address as the default view and writes it back as nothing', () => {
    expect(parse('')).toEqual(defaultTableState);
    expect(paramsFromState(defaultTableState).toString()).toBe('');
  });

  it('round-trips every filter, the sort and the page', () => {
    const search = 'q=acme&tier=Tier1&tier=Tier2&owner=rep-ravi&segment=Mid-Market+SaaS&inSegment=Enterprise&inSegment=Renewal+Due' +
      '&motion=Defend&lifecycle=Customer&sort=score&dir=asc&page=3&pageSize=25';
    const state = parse(search);

    expect(state).toEqual({
      q: 'acme', tiers: ['Tier1', 'Tier2'], owner: 'rep-ravi', segments: ['Mid-Market SaaS'], inSegments: ['Enterprise', 'Renewal Due'],
      motions: ['Defend'], lifecycle: 'Customer', sort: 'score', dir: 'asc', page: 3, pageSize: 25,
    });
    expect(paramsFromState(state).toString()).toBe(search);
  });

  it('accepts comma lists and any case, and drops what it cannot read', () => {
    const state = parse('tier=Tier1,Tier3&tier=Tier1&lifecycle=customer&sort=LASTSIGNAL&dir=sideways&page=-2&pageSize=7');

    expect(state.tiers).toEqual(['Tier1', 'Tier3']);
    expect(state.lifecycle).toBe('Customer');
    expect(state.sort).toBe('lastSignal');
    expect(state.dir).toBeNull();
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(50);
  });

  it('leaves a sort in its own direction out of the link', () => {
    expect(parse('sort=score&dir=desc').dir).toBeNull();
    expect(paramsFromState(parse('sort=score&dir=desc')).toString()).toBe('sort=score');
    expect(paramsFromState(parse('sort=name&dir=desc')).toString()).toBe('dir=desc');
  });

  it('passes tiers, owner and segments to the API as they are, for the server to check', () => {
    expect(apiQuery(parse('tier=Tier9&owner=nobody&segment=Whatever'))).toMatchObject({ tier: ['Tier9'], owner: 'nobody', segment: ['Whatever'] });
  });

  it('asks the API with the direction spelled out and without empty filters', () => {
    expect(apiQuery(parse('sort=lastSignal'))).toEqual({
      q: undefined, tier: undefined, owner: undefined, segment: undefined, lifecycle: undefined,
      sort: 'lastSignal', dir: 'desc', page: 1, pageSize: 50,
    });
  });
});

describe('changing the view', () => {
  it('turns a column around on a second click and starts another in its own direction', () => {
    const byName = sortBy({ ...defaultTableState, page: 4 }, 'name');
    expect([byName.sort, byName.dir, byName.page]).toEqual(['name', 'desc', 1]);
    expect(sortBy(byName, 'name').dir).toBeNull();
    const byScore = sortBy(byName, 'score');
    expect([byScore.sort, byScore.dir]).toEqual(['score', null]);
    expect(apiQuery(byScore).dir).toBe('desc');
    expect(apiQuery(sortBy(byScore, 'score')).dir).toBe('asc');
  });

  it('goes back to the first page when a filter changes, and counts the filters in use', () => {
    const state = withFilters({ ...defaultTableState, page: 5 }, { tiers: ['Tier1'], owner: 'none' });

    expect(state.page).toBe(1);
    expect(filterCount(state)).toBe(2);
    expect(filterCount(clearFilters({ ...state, q: 'x', lifecycle: 'Prospect' }))).toBe(0);
  });
});
