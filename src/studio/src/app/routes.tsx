import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { RequireRole } from '../auth/RequireRole';
import { homeFor } from '../auth/roles';
import { useMe } from '../auth/useMe';
import { adminRoute } from '../admin/adminRoute';
import { NotFoundPage } from './NotFoundPage';
import { Shell, WelcomePage } from './Shell';
import { reviewRoute } from '../review/reviewRoute';
import { teamRoute } from '../team/teamRoute';

// Each area loads when first opened: the sign-in page does not wait for the canvas, the editor or the layout engine.
const PlaybookListPage = lazy(() => import('../playbooks/list/PlaybookListPage').then((m) => ({ default: m.PlaybookListPage })));
const DesignerPage = lazy(() => import('../playbooks/designer/DesignerPage').then((m) => ({ default: m.DesignerPage })));
const InstancePage = lazy(() => import('../playbooks/instances/InstancePage').then((m) => ({ default: m.InstancePage })));
const InboxPage = lazy(() => import('../tasks/InboxPage').then((m) => ({ default: m.InboxPage })));
const RulesPage = lazy(() => import('../rules/RulesPage').then((m) => ({ default: m.RulesPage })));
const NotificationSettingsPage = lazy(() => import('../reps/NotificationSettingsPage').then((m) => ({ default: m.NotificationSettingsPage })));
const AccountRoutes = lazy(() => import('../accounts/AccountRoutes').then((m) => ({ default: m.AccountRoutes })));
const DashboardPage = lazy(() => import('../reports/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const TemplatesPage = lazy(() => import('../templates/TemplatesPage').then((m) => ({ default: m.TemplatesPage })));

function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeFor(me.data.role)} replace /> : null;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      {
        element: <RequireRole area="playbooks" />,
        children: [
          { path: 'playbooks', element: <PlaybookListPage /> },
          { path: 'playbooks/:id', element: <DesignerPage /> },
          { path: 'playbooks/:id/instances/:instanceId', element: <InstancePage /> },
        ],
      },
      {
        element: <RequireRole area="rules" />,
        children: [
          { path: 'rules', element: <RulesPage /> },
          { path: 'rules/:name', element: <RulesPage /> },
        ],
      },
      {
        element: <RequireRole area="templates" />,
        children: [
          { path: 'templates', element: <TemplatesPage /> },
          { path: 'templates/:name', element: <TemplatesPage /> },
        ],
      },
      { element: <RequireRole area="dashboard" />, children: [{ path: 'dashboard', element: <DashboardPage /> }] },
      {
        element: <RequireRole area="inbox" />,
        children: [{ path: 'inbox', element: <InboxPage /> }],
      },
      teamRoute,
      reviewRoute,
      adminRoute,
      { path: 'settings/notifications', element: <NotificationSettingsPage /> },
      { element: <RequireRole area="accounts" />, children: [{ path: 'accounts/*', element: <AccountRoutes /> }] },
      { path: 'welcome', element: <WelcomePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
