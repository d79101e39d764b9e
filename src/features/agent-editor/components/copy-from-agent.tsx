import { Alert, Button, Checkbox, Group, Loader, Modal, Radio, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ApiAgent } from '../../../agent/api-schema';
import { planCopy } from '../../../agent/copy-items';
import type { ClashChoice, CopyPlan } from '../../../agent/copy-items';
import { agentQueries } from '../../../api/agent-queries';
import { useAgentSearch } from '../../../api/use-agent-search';
import { useLoadedAgent } from '../loaded-agent-context';

/** What one collection (mock tools, variables) needs to copy items from another agent. */
export interface CopySource<T extends { name: string }> {
  /** Plural, lower case: "mock tools". */
  itemName: string;
  /** The other agent's items as new items of this form (no ids). */
  copiesOf: (agent: ApiAgent) => T[];
  /** A line under the item's name in the list. */
  summaryOf: (item: T) => string;
  /** The form's items now. */
  currentItems: () => T[];
  /** A copy replacing an item of the same name (keeping what identifies it). */
  replaceItem: (existing: T, copy: T) => T;
  /** Puts the copies into the form (nothing is saved). */
  onCopy: (plan: CopyPlan<T>) => void;
}

/** Agents offered per search. */
const SEARCH_PAGE_SIZE = 20;

const agentLabel = (agent: { id: number; name?: string | null | undefined }) =>
  agent.name === undefined || agent.name === null || agent.name.trim() === '' ? `Agent ${agent.id}` : agent.name;

/**
 * **Copy from another agent**: a dialog to pick an agent (server search by name or id), tick
 * some of its items and add them to the form; an item whose name the form holds is skipped or
 * replaces it, per item. Closing returns focus to the button.
 */
export function CopyFromAgentButton<T extends { name: string }>(props: CopySource<T>) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        Copy from another agent
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Copy ${props.itemName} from another agent`}
        size="lg"
        scrollAreaComponent={ScrollArea.Autosize}
      >
        {opened && <CopyFromAgentForm {...props} onDone={close} />}
      </Modal>
    </>
  );
}

function AgentPicker({ value, onChange }: { value: { id: number; label: string } | null; onChange: (agent: { id: number; label: string } | null) => void }) {
  const current = useLoadedAgent();
  const [search, setSearch] = useState('');
  // Until the answer for what is typed arrives, no options (see useAgentSearch).
  const list = useAgentSearch(search, { pageSize: SEARCH_PAGE_SIZE, debounceMs: 300, whenEmpty: 'all' });
  const searching = list.searching;
  const options = (list.answer?.results ?? []).filter((a) => a.id !== current.id).map((a) => ({ value: String(a.id), label: agentLabel(a) }));
  if (value !== null && !options.some((o) => o.value === String(value.id))) options.unshift({ value: String(value.id), label: value.label });
  return (
    <Select
      label="Agent"
      description="Search by name or id."
      placeholder="Find an agent"
      searchable
      data={options}
      // The server has filtered by name or id already.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === null ? null : String(value.id)}
      onChange={(id, option) => onChange(id === null ? null : { id: Number(id), label: option?.label ?? `Agent ${id}` })}
      nothingFoundMessage={searching || list.isFetching ? 'Searching…' : 'No other agent matches'}
      rightSection={searching || list.isFetching ? <Loader size="xs" /> : undefined}
      error={list.isError ? 'Could not load the agents' : undefined}
      data-autofocus
    />
  );
}

function CopyFromAgentForm<T extends { name: string }>({
  itemName,
  copiesOf,
  summaryOf,
  currentItems,
  replaceItem,
  onCopy,
  onDone,
}: CopySource<T> & { onDone: () => void }) {
  const [agent, setAgent] = useState<{ id: number; label: string } | null>(null);
  const source = useQuery({ ...agentQueries.detail(agent?.id ?? 0), enabled: agent !== null });
  const copies = useMemo(() => (source.data ? copiesOf(source.data) : []), [source.data, copiesOf]);
  // The form's names when the dialog opened: the form does not change while it is open.
  const [existing] = useState(() => new Set(currentItems().map((item) => item.name.trim())));
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [choices, setChoices] = useState<ReadonlyMap<string, ClashChoice>>(new Map());

  const pick = (next: { id: number; label: string } | null) => {
    setAgent(next);
    setChecked(new Set());
    setChoices(new Map());
  };
  const toggle = (index: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(index);
    else next.delete(index);
    setChecked(next);
  };
  const allChecked = copies.length > 0 && checked.size === copies.length;
  const add = () => {
    const chosen = copies.filter((_, index) => checked.has(index));
    onCopy(planCopy(currentItems(), chosen, choices, replaceItem));
    onDone();
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        The copies are new {itemName} of this agent; nothing is saved until you save changes.
      </Text>
      <AgentPicker value={agent} onChange={pick} />
      {agent !== null && source.isPending && <Loader size="sm" aria-label={`Loading ${agent.label}`} />}
      {source.isError && (
        <Alert color="red" variant="light" title="Could not load this agent">
          {source.error.message}
        </Alert>
      )}
      {source.data && copies.length === 0 && <Text size="sm">This agent has no {itemName}.</Text>}
      {copies.length > 0 && (
        <Stack gap="xs" role="group" aria-label={`${itemName} of ${agent?.label ?? 'the agent'}`}>
          <Checkbox
            label="Select all"
            checked={allChecked}
            indeterminate={checked.size > 0 && !allChecked}
            onChange={(event) => setChecked(event.currentTarget.checked ? new Set(copies.map((_, i) => i)) : new Set())}
          />
          {copies.map((copy, index) => {
            const name = copy.name.trim();
            const clash = name !== '' && existing.has(name);
            return (
              <Stack key={index} gap={4} pl="md">
                <Checkbox
                  label={name === '' ? `Unnamed (${index + 1})` : name}
                  description={summaryOf(copy) || undefined}
                  checked={checked.has(index)}
                  onChange={(event) => toggle(index, event.currentTarget.checked)}
                  styles={{ description: { overflowWrap: 'anywhere' } }}
                />
                {clash && (
                  <Radio.Group
                    label={`${name} is already in this agent`}
                    size="xs"
                    pl={32}
                    value={choices.get(name) ?? 'skip'}
                    onChange={(value) => setChoices(new Map(choices).set(name, value === 'replace' ? 'replace' : 'skip'))}
                  >
                    <Group gap="md" mt={4}>
                      <Radio value="skip" label="Skip" />
                      <Radio value="replace" label="Replace" />
                    </Group>
                  </Radio.Group>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button disabled={checked.size === 0} onClick={add}>
          Add {checked.size} {checked.size === 1 ? 'item' : 'items'}
        </Button>
      </Group>
    </Stack>
  );
}
