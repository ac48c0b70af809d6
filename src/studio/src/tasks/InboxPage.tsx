import { Badge, Box, Button, Group, Kbd, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKeyboard } from '@tabler/icons-react';
import { useEffect, useReducer, useState } from 'react';
import { dateTime } from '../common/time';
import { EmptyState, ErrorState, LoadingState } from '../common/QueryStates';
import { inboxReducer, initialInboxState } from './inboxState';
import { inboxPageSize, useCompleteTask, useInbox, useSnoozeTask } from './queries';
import { ShortcutsDialog } from './ShortcutsDialog';
import { NoTaskOpen, TaskDetail } from './TaskDetail';
import { TaskList } from './TaskList';

/** A key press that belongs to a control (a button, link or menu item) is left to it. */
function focusOnControl(): boolean {
  const active = document.activeElement;
  return !!active && active !== document.body && !active.closest('[aria-label="Tasks"]') && active.matches('button, a, [role="menuitem"]');
}

/** The rep's inbox: the open tasks on the left in the server's order, the open task on the right. */
export function InboxPage() {
  const inbox = useInbox();
  const [state, dispatch] = useReducer(inboxReducer, initialInboxState);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000); // the SLA words count down between polls
    return () => clearInterval(timer);
  }, []);

  const complete = useCompleteTask();
  const snooze = useSnoozeTask();
  const tasks = inbox.data?.items ?? [];
  const ids = tasks.map((t) => t.id);
  const open = tasks.find((t) => t.id === state.openId) ?? null;

  const openTask = (id: string) => {
    if (id !== state.openId) { complete.reset(); snooze.reset(); }
    dispatch({ type: 'select', id });
  };
  const completeOpen = (outcome: string) => {
    if (!open || complete.isPending) return;
    const { id, title } = open;
    snooze.reset();
    complete.mutate({ id, outcome, note: notes[id] ?? '' }, {
      onSuccess: () => {
        dispatch({ type: 'completed', id, ids });
        notifications.show({ color: 'green', message: `${title}: ${outcome}` });
      },
    });
  };
  const snoozeOpen = (until: Date) => {
    if (!open || snooze.isPending) return;
    const { id, title } = open;
    complete.reset();
    dispatch({ type: 'snooze', open: false });
    snooze.mutate({ id, until }, {
      onSuccess: () => {
        dispatch({ type: 'completed', id, ids });
        notifications.show({ message: `${title}: snoozed until ${dateTime(until.toISOString())}` });
      },
    });
  };

  // Keys typed into the note (an input or textarea) are text, not shortcuts (useHotkeys ignores those by default).
  const blocked = state.helpOpen;
  useHotkeys([
    ['j', () => { if (!blocked) dispatch({ type: 'next', ids }); }],
    ['k', () => { if (!blocked) dispatch({ type: 'previous', ids }); }],
    ['Enter', (e) => {
      if (blocked || focusOnControl()) return;
      e.preventDefault();
      dispatch({ type: 'open', ids });
    }, { preventDefault: false }],
    ['d', () => { if (!blocked) completeOpen('Done'); }],
    ['s', () => { if (!blocked && open) dispatch({ type: 'snooze', open: true }); }],
    // '?' is Shift+/ on most layouts; some keyboards (and synthetic events) send it without Shift.
    ['shift+?', () => dispatch({ type: 'help', open: true })],
    ['?', () => dispatch({ type: 'help', open: true })],
  ]);

  return (
    <Stack p="lg" gap="md" maw={1440} w="100%" mx="auto" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">Inbox</Title>
          <Text c="dimmed" size="sm">
            Your open tasks, most important first: tier, score, then the SLA that comes due soonest.
          </Text>
        </div>
        <Group gap="xs">
          {inbox.data && (
            <Badge variant="light" size="lg" aria-live="polite">
              {inbox.data.total} open{inbox.data.total > inboxPageSize ? ` (first ${inboxPageSize} shown)` : ''}
            </Badge>
          )}
          <Button variant="subtle" size="compact-sm" leftSection={<IconKeyboard size={16} />} onClick={() => dispatch({ type: 'help', open: true })}>
            Shortcuts <Kbd ml={6} size="xs">?</Kbd>
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg" style={{ flex: 1, minHeight: 0, display: 'flex', overflow: 'hidden' }}>
        {inbox.isPending ? (
          <Box w="100%"><LoadingState label="Loading your tasks" /></Box>
        ) : inbox.error ? (
          <Box w="100%"><ErrorState error={inbox.error} title="Could not load your tasks" onRetry={() => void inbox.refetch()} /></Box>
        ) : tasks.length === 0 ? (
          <Box w="100%"><EmptyState title="Nothing to do — new tasks appear here">The list checks for new tasks every 30 seconds.</EmptyState></Box>
        ) : (
          <>
            <ScrollArea w={{ base: '45%', lg: 440 }} style={{ flexShrink: 0, borderRight: '1px solid var(--mantine-color-gray-3)' }}>
              <TaskList tasks={tasks} cursorId={state.cursorId ?? ids[0] ?? null} openId={state.openId} now={now} onOpen={openTask} />
            </ScrollArea>
            <Box style={{ flex: 1, minWidth: 0 }}>
              {open ? (
                <TaskDetail key={open.id} task={open} now={now} actions={{
                  note: notes[open.id] ?? '',
                  onNote: (note) => setNotes((n) => ({ ...n, [open.id]: note })),
                  onComplete: completeOpen,
                  completing: complete.isPending,
                  completeError: complete.error,
                  snoozeOpen: state.snoozeOpen,
                  onSnoozeOpen: (o) => dispatch({ type: 'snooze', open: o }),
                  onSnooze: snoozeOpen,
                  snoozing: snooze.isPending,
                  snoozeError: snooze.error,
                }} />
              ) : <NoTaskOpen />}
            </Box>
          </>
        )}
      </Paper>
      <ShortcutsDialog opened={state.helpOpen} onClose={() => dispatch({ type: 'help', open: false })} />
    </Stack>
  );
}
