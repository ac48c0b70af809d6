import {
  IconArrowsSplit, IconBell, IconBolt, IconClock, IconFlag, IconGitMerge, IconHelpHexagon, IconListCheck, IconPlayerPlay,
  IconSignal4g, IconSpeakerphone, IconUserCheck, type Icon,
} from '@tabler/icons-react';

/** How each activity type looks; unknown (future) types still draw, with a neutral icon. */
const styles: Record<string, { icon: Icon; color: string }> = {
  Start: { icon: IconPlayerPlay, color: 'teal' },
  End: { icon: IconFlag, color: 'gray' },
  Delay: { icon: IconClock, color: 'yellow' },
  WaitForSignal: { icon: IconSignal4g, color: 'cyan' },
  Decision: { icon: IconHelpHexagon, color: 'grape' },
  Fork: { icon: IconArrowsSplit, color: 'blue' },
  Join: { icon: IconGitMerge, color: 'blue' },
  AssignOwner: { icon: IconUserCheck, color: 'indigo' },
  CreateTask: { icon: IconListCheck, color: 'indigo' },
  Escalate: { icon: IconSpeakerphone, color: 'red' },
  Notify: { icon: IconBell, color: 'orange' },
};

export function activityStyle(type: string): { icon: Icon; color: string } {
  return styles[type] ?? { icon: IconBolt, color: 'gray' };
}

/** "CreateTask" → "Create task". */
export function activityLabel(type: string): string {
  const words = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
