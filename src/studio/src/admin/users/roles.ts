import type { UserRole } from '../adminTypes';

/** The roles, in the order of how much they may do, with what each opens (the server enforces the same). */
export const roleOptions: { value: UserRole; label: string }[] = [
  { value: 'Admin', label: 'Admin — everything, users and tokens' },
  { value: 'Ops', label: 'Ops — rules, templates, data loading' },
  { value: 'Manager', label: 'Manager — playbooks, team view' },
  { value: 'Rep', label: 'Rep — their own inbox' },
];

export const roleColors: Record<UserRole, string> = { Admin: 'red', Ops: 'cyan', Manager: 'violet', Rep: 'blue' };
