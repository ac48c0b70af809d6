import { Badge, Group, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ActivityFlowNode } from './nodeData';
import { activityLabel, activityStyle } from './activityStyle';
import classes from './ActivityNode.module.css';

/** A node: its type, its id, a one-line summary of its inputs and one labelled handle per outcome port. */
function ActivityNodeView({ data, selected }: NodeProps<ActivityFlowNode>) {
  const { definition, ports, wired, summary, problems, live, change, simulated, readOnly } = data;
  const { icon: Icon, color } = activityStyle(definition.type);
  const nodeProblems = problems.filter((p) => !p.where?.startsWith('port '));
  const portProblem = (port: string) => problems.find((p) => p.where === `port ${port}`);
  const hasIn = definition.type !== 'Start';

  return (
    <div className={classes.node} data-selected={selected || undefined} data-invalid={problems.length > 0 || undefined}
      data-change={change} data-simulated={simulated?.length ? true : undefined}>
      {hasIn && <Handle type="target" position={Position.Left} className={classes.inHandle} isConnectable={!readOnly} />}
      <Group gap={8} wrap="nowrap" className={classes.header}>
        <ThemeIcon size={26} radius="md" color={color} variant="light"><Icon size={16} /></ThemeIcon>
        <div className={classes.titles}>
          <Text size="sm" fw={650} lh={1.15}>{activityLabel(definition.type)}</Text>
          <Text size="xs" c="dimmed" ff="monospace" truncate>{definition.id}</Text>
        </div>
        {problems.length > 0 && (
          <Tooltip label={problems.map((p) => p.message).join('\n')} multiline w={280} withArrow>
            <Badge color="red" variant="filled" size="sm" leftSection={<IconAlertCircle size={12} />} aria-label={`${problems.length} problems`}>
              {problems.length}
            </Badge>
          </Tooltip>
        )}
        {live && live.waiting > 0 && (
          <UnstyledButton onClick={data.onOpenLive} className="nodrag" aria-label={`${live.waiting} waiting here, ${live.pastSla} past SLA: show them`}>
            <Badge color={live.pastSla > 0 ? 'red' : 'teal'} variant="filled" size="lg" radius="sm">
              {live.waiting}{live.pastSla > 0 ? ` · ${live.pastSla} late` : ''}
            </Badge>
          </UnstyledButton>
        )}
        {change && change !== 'same' && <Badge size="xs" color={change === 'added' ? 'green' : change === 'removed' ? 'red' : 'yellow'}>{change}</Badge>}
      </Group>
      {summary && <Text size="xs" c="dark.3" className={classes.summary} lineClamp={2}>{summary}</Text>}
      {nodeProblems.length > 0 && <Text size="xs" c="red.7" className={classes.summary} lineClamp={2}>{nodeProblems[0]!.message}</Text>}
      {simulated && simulated.length > 0 && (
        <Group gap={4} className={classes.summary}>
          {simulated.map((s) => <Badge key={s.order} size="xs" color="violet" variant="light" tt="none">#{s.order} {s.at}</Badge>)}
        </Group>
      )}
      {ports.length > 0 && (
        <div className={classes.ports}>
          {ports.map((port) => {
            const problem = portProblem(port);
            return (
              <div key={port} className={classes.port} data-problem={problem ? true : undefined} data-wired={wired.includes(port) || undefined}>
                {readOnly || !data.onConnectPort ? (
                  <span className={classes.portLabel}>{port}</span>
                ) : (
                  <UnstyledButton className={`${classes.portLabel} nodrag`} onClick={() => data.onConnectPort?.(port)}
                    aria-label={`Port ${port} of ${definition.id}${problem ? ` (${problem.message})` : ''}: connect to…`}
                    title={problem?.message ?? 'Drag the dot to a node, or press Enter to choose one'}>
                    {port}
                  </UnstyledButton>
                )}
                <Handle type="source" id={port} position={Position.Right} className={classes.outHandle} isConnectable={!readOnly} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
