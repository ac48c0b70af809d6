/** The snooze menu's presets, in the rep's local time: in an hour, tomorrow at 9:00, next Monday at 9:00. */
export function snoozePresets(now: Date = new Date()): { label: string; until: Date }[] {
  const inAnHour = new Date(now.getTime() + 3_600_000);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const daysToMonday = ((8 - now.getDay()) % 7) || 7;
  const nextWeek = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysToMonday, 9, 0);
  return [
    { label: '1 hour', until: inAnHour },
    { label: 'Tomorrow 9:00', until: tomorrow },
    { label: 'Next week (Monday 9:00)', until: nextWeek },
  ];
}
