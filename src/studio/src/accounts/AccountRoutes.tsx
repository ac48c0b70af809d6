import { Route, Routes } from 'react-router';
import { ImportPage } from './import/ImportPage';
import { AccountPage } from './record/AccountPage';
import { AccountsPage } from './table/AccountsPage';

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
