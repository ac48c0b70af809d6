import { Anchor, Breadcrumbs, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { mayOpen } from '../../auth/roles';
import { useMe } from '../../auth/useMe';
import { EmptyState, ErrorState, LoadingState } from '../../common/QueryStates';
import { AccountExplanation } from '../explain/AccountExplanation';
import { useAccount } from '../queries';
import { AboutPanel } from './AboutPanel';
import { AccountHeader } from './AccountHeader';
import { AccountTasksPanel } from './AccountTasksPanel';
import { OwnersPanel } from './OwnersPanel';
import { PlaybookRunsPanel } from './PlaybookRunsPanel';
import { ScorePanel } from './ScorePanel';
import { SegmentsPanel } from './SegmentsPanel';
import { SignalTimeline } from './SignalTimeline';
import { TierHistoryPanel } from './TierHistoryPanel';

/**
 * One account's record: header (tier since when, score), then on the left why it has its tier (score, every rule
 * explained, history with causes, signals) and on the right what is being done about it (owners, playbook runs,
 * tasks) and its fields.
 */
export function AccountPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  // The table passes its own address along, so "Accounts" goes back to the same filtered view.
  const back = `/accounts${(location.state as { from?: string } | null)?.from ?? ''}`;
  const account = useAccount(id);
  const me = useMe();

  const crumbs = (
    <Breadcrumbs component="nav" aria-label="Breadcrumb">
      <Anchor component={Link} to={back} size="sm">Accounts</Anchor>
      <Text size="sm" c="dimmed" truncate maw={360}>{account.data?.account.name ?? id}</Text>
    </Breadcrumbs>
  );
  if (account.isPending) return <Stack p="lg">{crumbs}<LoadingState label="Loading the account" /></Stack>;
  if (account.error) {
    return (
      <Stack p="lg" maw={1400} w="100%" mx="auto">
        {crumbs}
        {account.error instanceof ApiError && account.error.status === 404
          ? <EmptyState title="No such account">There is no account with id {id}. It may have been imported under another id.</EmptyState>
          : <ErrorState error={account.error} title="Could not load the account" onRetry={() => void account.refetch()} />}
      </Stack>
    );
  }

  const detail = account.data;
  return (
    <Stack p="lg" gap="md" maw={1400} w="100%" mx="auto">
      {crumbs}
      <AccountHeader detail={detail} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ScorePanel detail={detail} />
            <TierHistoryPanel history={detail.tierHistory} />
            <Paper component="section" aria-label="Rule by rule" withBorder radius="lg" p="lg">
              <Title order={2} size="h4" mb="sm">Rule by rule</Title>
              <AccountExplanation accountId={detail.account.id} />
            </Paper>
            <SignalTimeline accountId={detail.account.id} total={detail.signalCount} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <OwnersPanel owners={detail.owners} />
            <SegmentsPanel memberships={detail.memberships} isCustomer={detail.account.lifecycle === 'Customer'} />
            <PlaybookRunsPanel runs={detail.playbooks} canOpen={!!me.data && mayOpen(me.data.role, 'playbooks')} />
            <AccountTasksPanel tasks={detail.tasks} owners={detail.owners} />
            <AboutPanel account={detail.account} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
