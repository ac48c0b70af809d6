import { Badge, Text, Tooltip } from '@mantine/core';
import { dateTime, timeAgo } from '../common/time';
import type { TemplateSummary } from './queries';

/** Which version is live and who made it live when: "Live 3f2a9c1b7d4e · saved by ops@… 2 hours ago", or changed in the
 *  templates folder, or no live version at all (a file that never validated). */
export function LiveVersion({ summary }: { summary: TemplateSummary | undefined }) {
  if (!summary) return null;
  if (!summary.hash) return <Badge color="red" variant="light">no live version</Badge>;
  const how = summary.savedBy ? `saved by ${summary.savedBy}` : summary.savedAt ? 'changed in the templates folder' : null;
  return (
    <Tooltip label={summary.savedAt ? `${how} on ${dateTime(summary.savedAt)} · version ${summary.hash}` : `version ${summary.hash}`} multiline maw={360}>
      <Text size="xs" c="dimmed" truncate>
        <Badge size="xs" color="teal" variant="light" mr={6}>live {summary.hash.slice(0, 12)}</Badge>
        {how}{summary.savedAt ? ` ${timeAgo(summary.savedAt)}` : ''}
      </Text>
    </Tooltip>
  );
}
