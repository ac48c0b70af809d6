import type { components } from '../api/schema';

/** The report rows as the server's OpenAPI document defines them. */
type Schemas = components['schemas'];
export type TierDistributionRow = Schemas['TierDistributionRow'];
export type MovementRow = Schemas['MovementRow'];
export type TimeInTierRow = Schemas['TimeInTierRow'];
export type SlaAttainmentRow = Schemas['SlaAttainmentRow'];
export type CoverageRow = Schemas['CoverageRow'];
export type SlaBreachCell = Schemas['SlaBreachCell'];
export type Weekday = Schemas['DayOfWeek'];
export type QuietAccountRow = Schemas['QuietAccountRow'];
