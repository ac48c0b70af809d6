import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';

const TierReviewPage = lazy(() => import('./TierReviewPage').then((m) => ({ default: m.TierReviewPage })));

/** /review: the tier proposals of review mode, for managers and admins; loads on first use. */
export const reviewRoute: RouteObject = {
  element: <RequireRole area="review" />,
  children: [{ path: 'review', element: <TierReviewPage /> }],
};
