import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../auth/LoginPage';
import { RequireRole } from '../auth/RequireRole';
import { homeFor } from '../auth/roles';
import { useMe } from '../auth/useMe';
import { PlaybookListPage } from '../playbooks/list/PlaybookListPage';
import { DesignerPage } from '../playbooks/designer/DesignerPage';
import { InstancePage } from '../playbooks/instances/InstancePage';
import { InboxPage } from '../tasks/InboxPage';
import { RulesPage } from '../rules/RulesPage';
import { NotFoundPage } from './NotFoundPage';
import { Shell, WelcomePage } from './Shell';

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
        element: <RequireRole area="inbox" />,
        children: [{ path: 'inbox', element: <InboxPage /> }],
      },
      { path: 'welcome', element: <WelcomePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
