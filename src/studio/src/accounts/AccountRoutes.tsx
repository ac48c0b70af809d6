import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// Each page loads on first use: the table and the import do not wait for the record page's charts.
const AccountsPage = lazy(() => import('./table/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const ImportPage = lazy(() => import('./import/ImportPage').then((m) => ({ default: m.ImportPage })));
const AccountPage = lazy(() => import('./record/AccountPage').then((m) => ({ default: m.AccountPage })));

/** The accounts area's pages, under /accounts: the table, the import (ops and admins) and one account. */
export function AccountRoutes() {
  return (
    <Routes>
      <Route index element={<AccountsPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<AccountPage />} />
    </Routes>
  );
}
