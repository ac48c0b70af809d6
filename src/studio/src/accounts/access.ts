/** Who may import accounts: the server's Ops policy (ops and admins); the import page and its button follow it. */
export function canImportAccounts(role: string | undefined): boolean {
  return role === 'ops' || role === 'admin';
}
