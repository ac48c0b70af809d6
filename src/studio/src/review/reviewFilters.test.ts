import { describe, expect, it } from 'vitest';
import { decisionWords, filtersFromSearch, searchFromFilters, withFilter } from './reviewFilters';

describe('review filters', () => {
  it('round-trips through the address and defaults to pending', () => {
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual({ status: 'pending', fromTier: null, toTier: null, page: 1 });
    const filters = { status: 'rejected', fromTier: 'Tier1', toTier: 'Tier2', page: 3 };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams('status=nonsense&page=-2')).status).toBe('pending');
  });

  it('starts a changed filter at the first page', () => {
    expect(withFilter({ status: 'pending', fromTier: null, toTier: null, page: 4 }, { fromTier: 'Tier1' })).toEqual({
      status: 'pending', fromTier: 'Tier1', toTier: null, page: 1,
    });
  });

  it('says what a decision did, naming skipped proposals', () => {
    expect(decisionWords({ approved: 2, rejected: 0, skipped: 1, skippedProposals: [{ id: 7, reason: 'already approved' }] }))
      .toBe('2 approved, 1 skipped (proposal 7: already approved)');
    expect(decisionWords({ approved: 0, rejected: 0, skipped: 0, skippedProposals: [] })).toBe('nothing to decide');
  });
});
