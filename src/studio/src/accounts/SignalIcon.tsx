import { ThemeIcon } from '@mantine/core';
import {
  IconActivity, IconBriefcase, IconChartLine, IconLifebuoy, IconCalendarEvent, IconCash, IconClick, IconDownload, IconEyeCheck, IconFlame, IconMailOpened,
  IconMessageReply, IconPresentation, IconStar, IconUserMinus, IconUserPlus, IconUserStar, IconWorldWww, IconX,
} from '@tabler/icons-react';

const icons: Record<string, { icon: typeof IconActivity; color: string }> = {
  funding_round: { icon: IconCash, color: 'green' },
  exec_hire: { icon: IconUserPlus, color: 'violet' },
  job_posting: { icon: IconBriefcase, color: 'blue' },
  champion_joined: { icon: IconUserStar, color: 'violet' },
  competitor_review: { icon: IconStar, color: 'orange' },
  email_open: { icon: IconMailOpened, color: 'cyan' },
  email_click: { icon: IconClick, color: 'cyan' },
  email_reply: { icon: IconMessageReply, color: 'teal' },
  page_visit: { icon: IconWorldWww, color: 'indigo' },
  webinar_attended: { icon: IconPresentation, color: 'grape' },
  content_download: { icon: IconDownload, color: 'grape' },
  intent_surge: { icon: IconFlame, color: 'red' },
  meeting_booked: { icon: IconCalendarEvent, color: 'green' },
  unsubscribe: { icon: IconUserMinus, color: 'gray' },
  deal_lost: { icon: IconX, color: 'red' },
  competitor_customer: { icon: IconEyeCheck, color: 'orange' },
  product_usage: { icon: IconChartLine, color: 'blue' },
  support_ticket: { icon: IconLifebuoy, color: 'orange' },
};

/** A signal type's icon in a tinted circle; types outside the recommended vocabulary get a neutral one. */
export function SignalIcon({ type, size = 24 }: { type: string; size?: number }) {
  const { icon: Icon, color } = icons[type] ?? { icon: IconActivity, color: 'gray' };
  return (
    <ThemeIcon size={size} radius="xl" variant="light" color={color} aria-hidden>
      <Icon size={Math.round(size * 0.6)} />
    </ThemeIcon>
  );
}
