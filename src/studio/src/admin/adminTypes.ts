import type { components } from '../api/schema';

/** Short names for the admin pages' generated schema types. */
type Schemas = components['schemas'];
export type UserView = Schemas['UserView'];
export type TokenView = Schemas['TokenView'];
export type Rep = Schemas['RepView'];
export type RepInput = Schemas['RepInput'];
export type NotificationView = Schemas['NotificationView'];
export type CrmUpdateView = Schemas['CrmUpdateView'];
export type ImportRunRow = Schemas['ImportRunRow'];
export type UserRole = Schemas['UserRole'];
export type AuditEntryView = Schemas['AuditEntryView'];
export type AuditChange = Schemas['AuditChange'];
