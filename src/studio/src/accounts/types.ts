import type { components, operations } from '../api/schema';

/** Short names for the schema types of the accounts area (generated from the server's OpenAPI document). */
type Schemas = components['schemas'];
export type AccountRow = Schemas['AccountRow'];
export type AccountPage = Schemas['PageOfAccountRow'];
export type AccountFacets = Schemas['AccountFacets'];
export type AccountDetail = Schemas['AccountDetail'];
export type ScoreBreakdown = Schemas['ScoreBreakdown'];
export type TierChangeView = Schemas['TierChangeView'];
export type AccountMemberships = Schemas['AccountMemberships'];
export type MembershipChangeView = Schemas['MembershipChangeView'];
export type SignalView = Schemas['SignalView'];
export type AccountPlaybookRun = Schemas['AccountPlaybookRun'];
export type AccountOwners = Schemas['AccountOwners'];
export type OwnerView = Schemas['OwnerView'];
export type ImportReport = Schemas['ImportReport'];
export type AccountListQuery = NonNullable<operations['ListAccounts']['parameters']['query']>;
export type AccountSort = NonNullable<AccountListQuery['sort']>;
export type SortDirection = NonNullable<AccountListQuery['dir']>;
export type Lifecycle = Schemas['Lifecycle'];
