import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';

const TeamPage = lazy(() => import('./TeamPage').then((m) => ({ default: m.TeamPage })));

/** /team: managers and admins; loads on first use. */
export const teamRoute: RouteObject = {
  element: <RequireRole area="team" />,
  children: [{ path: 'team', element: <TeamPage /> }],
};
