import { Box, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState } from '../common/QueryStates';

interface ReportCardProps<T> {
  title: string;
  description: string;
  query: UseQueryResult<T[]>;
  /** The report's CSV download (csvHref), if it has one. */
  csv?: string;
  /** Nothing worth a chart in the answer (the default: no rows). */
  isEmpty?: (rows: T[]) => boolean;
  emptyTitle: string;
  emptyText: string;
  /** Controls beside the title (a view switch). */
  controls?: ReactNode;
  /** The chart's height while it loads, so the page does not jump. */
  height?: number;
  children: (rows: T[]) => ReactNode;
}

/** One dashboard card: a titled region with its report's loading, error and empty states and a CSV download. */
export function ReportCard<T>({ title, description, query, csv, isEmpty, emptyTitle, emptyText, controls, height = 260, children }: ReportCardProps<T>) {
  return (
    <Paper component="section" aria-label={title} withBorder radius="lg" p="lg" h="100%" shadow="xs">
      <Stack gap="md" h="100%">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Box miw={0} style={{ flex: '1 1 220px' }}>
            <Title order={2} size="h4">{title}</Title>
            <Text size="sm" c="dimmed">{description}</Text>
          </Box>
          <Group gap="xs" wrap="nowrap" ml="auto">
            {controls}
            {csv && (
              <Button component="a" href={csv} download variant="subtle" size="compact-sm" color="gray"
                leftSection={<IconDownload size={14} />} aria-label={`Download ${title} as CSV`}>
                Download CSV
              </Button>
            )}
          </Group>
        </Group>
        {query.isPending ? (
          <Stack gap="xs" role="status" aria-label={`Loading ${title}`}>
            <Skeleton h={height - 24} radius="md" />
            <Skeleton h={16} w="40%" radius="md" />
          </Stack>
        ) : query.error ? (
          <ErrorState error={query.error} title={`Could not load ${title.toLowerCase()}`} onRetry={() => void query.refetch()} />
        ) : (isEmpty ? isEmpty(query.data) : query.data.length === 0) ? (
          <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
        ) : (
          children(query.data)
        )}
      </Stack>
    </Paper>
  );
}
