import type { components } from '../api/schema';

/** Short names for the team view's generated schema types. */
type Schemas = components['schemas'];
export type TeamOverview = Schemas['TeamOverview'];
export type TeamMember = Schemas['TeamMember'];
export type TeamQueue = Schemas['TeamQueue'];
export type TeamCounts = Schemas['TeamCounts'];
