/** Which activity inputs run on the rep's business calendar (ADR 0009); every other duration is wall-clock time. */
const businessInputs: Record<string, string[]> = {
  CreateTask: ['due', 'sla'],
  Escalate: ['due'],
};

export function isBusinessTime(activityType: string, input: string): boolean {
  return businessInputs[activityType]?.includes(input) ?? false;
}
