import type { components } from './schema';

/** Short names for the generated schema types the Studio uses most. */
type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type PlaybookSummary = Schemas['PlaybookSummary'];
export type PlaybookDetail = Schemas['PlaybookDetail'];
export type ActivityDescriptor = Schemas['ActivityDescriptor'];
export type InputDescriptor = Schemas['InputDescriptor'];
export type PlaybookVersionView = Schemas['PlaybookVersionView'];
export type ProblemView = Schemas['ProblemView'];
export type InstanceCounts = Schemas['InstanceCounts'];
export type InstanceDetail = Schemas['InstanceDetail'];
export type InstanceRow = Schemas['InstanceRow'];
export type JournalLineView = Schemas['JournalLineView'];
export type TaskView = Schemas['TaskView'];
export type TaskPage = Schemas['PageOfTaskView'];
export type TierProposalView = Schemas['TierProposalView'];
export type TierProposalPage = Schemas['TierProposalPage'];
export type TierReviewView = Schemas['TierReviewView'];
