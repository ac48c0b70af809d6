/** The tier review page's filters, kept in the address so a filtered view can be shared and survives a reload. */
export interface ReviewFilters {
  status: string;
  fromTier: string | null;
  toTier: string | null;
  page: number;
}

export const reviewPageSize = 50;
export const statuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export function filtersFromSearch(search: URLSearchParams): ReviewFilters {
  const status = search.get('status');
  const page = Number(search.get('page'));
  return {
    status: status && (statuses as readonly string[]).includes(status) ? status : 'pending',
    fromTier: search.get('from') || null,
    toTier: search.get('to') || null,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function searchFromFilters(filters: ReviewFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status !== 'pending') search.set('status', filters.status);
  if (filters.fromTier) search.set('from', filters.fromTier);
  if (filters.toTier) search.set('to', filters.toTier);
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

/** A filter change starts again at the first page. */
export function withFilter(filters: ReviewFilters, change: Partial<Omit<ReviewFilters, 'page'>>): ReviewFilters {
  return { ...filters, ...change, page: 1 };
}

/** "2 approved", "1 rejected, 1 skipped (proposal 7: already approved)": what a decision did, in words. */
export function decisionWords(result: { approved: number; rejected: number; skipped: number; skippedProposals: { id: number; reason: string }[] }): string {
  const parts = [
    result.approved > 0 && `${result.approved} approved`,
    result.rejected > 0 && `${result.rejected} rejected`,
    result.skipped > 0 && `${result.skipped} skipped` + (result.skippedProposals.length > 0 ? ` (${result.skippedProposals.map((s) => `proposal ${s.id}: ${s.reason}`).join('; ')})` : ''),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing to decide';
}
