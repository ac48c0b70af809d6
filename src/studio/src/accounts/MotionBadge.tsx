import { Badge, type BadgeProps, Group } from '@mantine/core';
import { IconHeartHandshake, IconShieldHalfFilled, IconSpeakerphone, IconTrendingUp, type Icon } from '@tabler/icons-react';

/** The shipped motions get a colour and an icon (defend is the one to notice); motions ops add stay plain. */
const looks: Record<string, { color: string; icon: Icon }> = {
  Defend: { color: 'red', icon: IconShieldHalfFilled },
  Expand: { color: 'green', icon: IconTrendingUp },
  Advocate: { color: 'grape', icon: IconSpeakerphone },
  Maintain: { color: 'gray', icon: IconHeartHandshake },
};

export function motionColor(motion: string): string {
  return looks[motion]?.color ?? 'gray';
}

export function MotionBadge({ motion, ...props }: { motion: string } & BadgeProps) {
  const Icon = looks[motion]?.icon;
  return (
    <Badge variant="light" color={motionColor(motion)} tt="none" leftSection={Icon ? <Icon size={12} aria-hidden /> : undefined} {...props}>
      {motion}
    </Badge>
  );
}

/** Inline, in a line of small text: "Customer · Defend". */
export function MotionLabel({ motion }: { motion: string }) {
  const Icon = looks[motion]?.icon;
  return (
    <Group component="span" gap={3} display="inline-flex" wrap="nowrap" c={`${motionColor(motion)}.7`}>
      {Icon && <Icon size={12} aria-hidden />}Customer · {motion}
    </Group>
  );
}
