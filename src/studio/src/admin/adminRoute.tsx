import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../auth/RequireRole';

const AdminLayout = lazy(() => import('./AdminLayout').then((m) => ({ default: m.AdminLayout })));
const UsersPage = lazy(() => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() => import('./tokens/TokensPage').then((m) => ({ default: m.TokensPage })));
const RepsPage = lazy(() => import('./reps/RepsPage').then((m) => ({ default: m.RepsPage })));
const DeadLettersPage = lazy(() => import('./deadLetters/DeadLettersPage').then((m) => ({ default: m.DeadLettersPage })));
const CrmSyncPage = lazy(() => import('./crmSync/CrmSyncPage').then((m) => ({ default: m.CrmSyncPage })));
const ImportRunsPage = lazy(() => import('./importRuns/ImportRunsPage').then((m) => ({ default: m.ImportRunsPage })));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));

/** /admin/...: admins only; each page loads on first use. */
export const adminRoute: RouteObject = {
  element: <RequireRole area="admin" />,
  children: [{
    path: 'admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <Navigate to="users" replace /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'tokens', element: <TokensPage /> },
      { path: 'reps', element: <RepsPage /> },
      { path: 'dead-letters', element: <DeadLettersPage /> },
      { path: 'crm-sync', element: <CrmSyncPage /> },
      { path: 'imports', element: <ImportRunsPage /> },
      { path: 'audit', element: <AuditLogPage /> },
    ],
  }],
};
