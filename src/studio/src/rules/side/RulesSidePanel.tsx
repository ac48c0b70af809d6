import { ActionIcon, Box, ScrollArea, Stack, Tabs, Tooltip } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconBulb, IconLayoutSidebarRightCollapse, IconLayoutSidebarRightExpand, IconListCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { ExplainPanel } from '../explain/ExplainPanel';
import { GoldenCasesPanel } from '../golden/GoldenCasesPanel';

const tabs = [
  { value: 'golden', label: 'Golden cases', icon: IconListCheck },
  { value: 'explain', label: 'Explain', icon: IconBulb },
] as const;

type Tab = (typeof tabs)[number]['value'];

/** The rules page's right-hand panel: golden cases and explain, both on the draft in the editor. The open tab is in
 *  the URL (?panel=explain); a collapsed panel stays collapsed (this browser remembers). */
export function RulesSidePanel({ name }: { name: string | undefined }) {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('panel') === 'explain' ? 'explain' : 'golden';
  const [collapsed, setCollapsed] = useLocalStorage({ key: 'accountplaybooks.rules.sidePanelCollapsed', defaultValue: false });
  const open = (value: string | null) => {
    setCollapsed(false);
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('panel', value ?? 'golden');
      return next;
    }, { replace: true });
  };

  if (collapsed) {
    return (
      <Stack w={44} py="sm" align="center" gap="xs" component="aside" aria-label="Rule tools" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', background: 'white' }}>
        <Tooltip label="Show the panel" position="left">
          <ActionIcon variant="subtle" onClick={() => setCollapsed(false)} aria-label="Show the panel"><IconLayoutSidebarRightExpand size={18} /></ActionIcon>
        </Tooltip>
        {tabs.map((t) => (
          <Tooltip key={t.value} label={t.label} position="left">
            <ActionIcon variant={t.value === tab ? 'light' : 'subtle'} onClick={() => open(t.value)} aria-label={t.label}><t.icon size={18} /></ActionIcon>
          </Tooltip>
        ))}
      </Stack>
    );
  }

  return (
    <Box w={480} component="aside" aria-label="Rule tools"
      style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)', display: 'flex', flexDirection: 'column', minHeight: 0, flexShrink: 0 }}>
      <Tabs value={tab} onChange={open} keepMounted={false} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Tabs.List px="xs" style={{ background: 'white' }}>
          {tabs.map((t) => <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>{t.label}</Tabs.Tab>)}
          <Tooltip label="Hide the panel">
            <ActionIcon variant="subtle" color="gray" ml="auto" my="auto" onClick={() => setCollapsed(true)} aria-label="Hide the panel">
              <IconLayoutSidebarRightCollapse size={18} />
            </ActionIcon>
          </Tooltip>
        </Tabs.List>
        <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
          <Box p="md">
            <Tabs.Panel value="golden"><GoldenCasesPanel name={name} /></Tabs.Panel>
            <Tabs.Panel value="explain"><ExplainPanel name={name} /></Tabs.Panel>
          </Box>
        </ScrollArea>
      </Tabs>
    </Box>
  );
}
