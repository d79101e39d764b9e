import { Alert, Badge, Button, CloseButton, Fieldset, Group, Radio, Stack, TagsInput, Text } from '@mantine/core';
import { memo, useId, useMemo, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { ApiAgent } from '../../../agent/api-schema';
import { mockToolCopies, replaceMockTool } from '../../../agent/copy-items';
import { mockToolProblems } from '../../../agent/form-schema';
import type { AgentFormValues, MockToolFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { SERVED_VIA_OPTIONS } from '../../../agent/options';
import { useLoadedAgent } from '../loaded-agent-context';
import { itemLabel, PagedItemList, RemovedItems } from './paged-items';
import type { RemovedItem } from './paged-items';
import { CopyFromAgentButton } from './copy-from-agent';
import { ERROR_SLOT, FormJsonInput, FormNumberInput, FormTextInput, FormTextarea, useFieldController } from './form-controls';

function FreetextParams({ index }: { index: number }) {
  const { field: { ref, ...field }, fieldState } = useFieldController<`mock_tools.${number}.freetext_params`>(`mock_tools.${index}.freetext_params`);
  const itemError = Array.isArray(fieldState.error) ? undefined : fieldState.error?.message;
  return (
    <TagsInput
      classNames={ERROR_SLOT}
      label="Freetext params"
      description="Parameters skipped when matching mock data (press Enter after each)."
      name={field.name}
      ref={ref}
      value={field.value.map((p) => p.value)}
      onChange={(values) => field.onChange(values.map((value) => ({ value })))}
      onBlur={field.onBlur}
      error={itemError}
    />
  );
}

function ServedVia({ index }: { index: number }) {
  const { field: { ref, ...field } } = useFieldController<`mock_tools.${number}.served_via`>(`mock_tools.${index}.served_via`);
  return (
    <Group align="flex-end" gap="lg">
      <Radio.Group label="Served via" name={field.name} value={field.value} onChange={field.onChange}>
        <Group gap="md" mt={6}>
          {SERVED_VIA_OPTIONS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} onBlur={field.onBlur} />
          ))}
        </Group>
      </Radio.Group>
      {field.value === 'mcp' && <FormNumberInput name={`mock_tools.${index}.mock_index`} label="MCP index" min={1} w={140} />}
    </Group>
  );
}

/** The one-line summary of a tool: what it does, how it is served, whether it is shared. */
function ToolSummary({ index, shared }: { index: number; shared: number | null }) {
  const [description, servedVia, mockIndex] = useWatch<
    AgentFormValues,
    [`mock_tools.${number}.description`, `mock_tools.${number}.served_via`, `mock_tools.${number}.mock_index`]
  >({ name: [`mock_tools.${index}.description`, `mock_tools.${index}.served_via`, `mock_tools.${index}.mock_index`] });
  return (
    <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
      <Text size="sm" c="dimmed" truncate="end" style={{ flex: 1, minWidth: 0 }}>
        {description.trim() === '' ? 'No description' : description}
      </Text>
      <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
        {servedVia === 'mcp' ? `MCP${mockIndex === null ? '' : ` #${mockIndex}`}` : 'Direct'}
      </Badge>
      {shared !== null && (
        <Badge variant="light" color="orange" style={{ flexShrink: 0 }}>
          Shared · {shared} agents
        </Badge>
      )}
    </Group>
  );
}

// Each tool as loaded, in form values, once per loaded agent (a long list has many rows).
const loadedTools = new WeakMap<ApiAgent, Map<number | undefined, AgentFormValues['mock_tools'][number]>>();
function loadedToolValues(agent: ApiAgent, id: number | undefined) {
  let byId = loadedTools.get(agent);
  if (!byId) {
    byId = new Map(agentToFormValues(agent).mock_tools.map((t) => [t.id, t] as const));
    loadedTools.set(agent, byId);
  }
  return id === undefined ? undefined : byId.get(id);
}

/** What is wrong with a tool as the server sent it, in words: "has no name and mock data that is not…". */
function describeServerProblems(problems: Record<string, string>, name: string): string {
  const parts: string[] = [];
  if (problems.name !== undefined) parts.push(name.trim() === '' ? 'has no name' : 'has a name the rules refuse');
  if (problems.mock_data !== undefined) parts.push('has mock data that is not a JSON list of {"input": …, "output": …} pairs');
  const others = Object.keys(problems).filter((key) => key !== 'name' && key !== 'mock_data');
  if (others.length > 0) parts.push(`has values the rules refuse (${others.map((key) => problems[key]).join('; ')})`);
  return parts.join(' and ');
}

/** A tool the server holds that would not pass the form's rules: kept as is (sent as `{id}`) until edited. */
function ServerToolWarning({ id }: { id: number | undefined }) {
  const agent = useLoadedAgent();
  const problem = useMemo(() => {
    const tool = loadedToolValues(agent, id);
    if (!tool) return '';
    const problems = mockToolProblems(tool);
    return Object.keys(problems).length === 0 ? '' : describeServerProblems(problems, tool.name);
  }, [agent, id]);
  if (problem === '') return null;
  return (
    <Alert color="yellow" variant="light" title="Kept as the server has it">
      This tool from the server {problem}; it is kept as it is unless you edit it.
    </Alert>
  );
}

/** A tool with an error stays open, so the error is in sight. */
function useToolHasError(index: number): boolean {
  const { errors } = useFormState<AgentFormValues>({ name: `mock_tools.${index}` });
  return errors.mock_tools?.[index] !== undefined;
}

/**
 * A tool as a card: a summary line (open it to edit), the fields when open. A long list starts
 * closed so it can be scanned; a short one, a new tool and a tool with an error are open.
 */
const MockToolRow = memo(function MockToolRow({ index, onRemove, startOpen }: { index: number; onRemove: (index: number) => void; startOpen: boolean }) {
  const agent = useLoadedAgent();
  const [name, id] = useWatch<AgentFormValues, [`mock_tools.${number}.name`, `mock_tools.${number}.id`]>({
    name: [`mock_tools.${index}.name`, `mock_tools.${index}.id`],
  });
  const [opened, setOpened] = useState(startOpen || id === undefined);
  const hasError = useToolHasError(index);
  const open = opened || hasError;
  const label = itemLabel(name, 'New mock tool');
  const loaded = id === undefined ? undefined : agent.mock_tools?.find((t) => t.id === id);
  const shared = loaded?.is_shared === true ? (loaded.subscriber_count ?? 2) : null;
  const bodyId = useId();
  return (
    <Fieldset legend={label} p="sm" pt={4}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={open}
            aria-controls={open ? bodyId : undefined}
            aria-label={`${open ? 'Close' : 'Open'} ${label}`}
            disabled={hasError}
            onClick={() => setOpened(!open)}
          >
            {open ? 'Close' : 'Edit'}
          </Button>
          <ToolSummary index={index} shared={shared} />
          <CloseButton aria-label={`Remove ${label}`} onClick={() => onRemove(index)} />
        </Group>
        <ServerToolWarning id={id} />
        {open && (
          <Stack gap="sm" id={bodyId}>
            {shared !== null && (
              <Alert color="orange" variant="light" title="Shared tool">
                This tool is used by {loaded?.subscriber_count ?? 'several'} agents: a change here reaches every one of them.
              </Alert>
            )}
            <FormTextInput name={`mock_tools.${index}.name`} label="Name" placeholder="lookup_order" />
            <FormTextarea name={`mock_tools.${index}.description`} label="Description" autosize minRows={1} maxRows={6} />
            <FormJsonInput
              name={`mock_tools.${index}.mock_data`}
              label="Mock data"
              description='A JSON list of {"input": …, "output": …} pairs.'
              placeholder='[{"input": {"order_id": "123"}, "output": {"status": "shipped"}}]'
            />
            <FreetextParams index={index} />
            <ServedVia index={index} />
          </Stack>
        )}
      </Stack>
    </Fieldset>
  );
});

/** Tools of the loaded agent no longer in the form, each with an Undo that puts it back. */
function removedTools(agent: ApiAgent, keptIds: Set<number | undefined>, onUndo: (index: number, tool: MockToolFormValues) => void): RemovedItem[] {
  return (agent.mock_tools ?? []).flatMap((tool, index) => {
    if (keptIds.has(tool.id)) return [];
    const label = tool.name ?? `Tool ${tool.id}`;
    return [
      {
        key: String(tool.id),
        label,
        onUndo: () => {
          const value = agentToFormValues({ ...agent, mock_tools: [tool] }).mock_tools[0];
          if (value) onUndo(index, value);
        },
      },
    ];
  });
}

/** Up to this many tools, every card starts open. */
const OPEN_UP_TO = 5;

/** The agent's mock tools: a full set; kept tools are matched by id. */
export function MockToolsSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  // keyName 'key': the tools' own `id` stays readable in `fields` (rhf would overwrite `id`).
  const { fields, append, remove, insert, update } = useFieldArray({ control, name: 'mock_tools', keyName: 'key' });
  const { errors } = useFormState({ control, name: 'mock_tools' });
  const agent = useLoadedAgent();
  const startOpen = (agent.mock_tools?.length ?? 0) <= OPEN_UP_TO;
  const removed = removedTools(agent, new Set(fields.map((f) => f.id)), (index, tool) =>
    insert(Math.min(index, fields.length), tool, { shouldFocus: false }),
  );
  return (
    <PagedItemList
      intro="Tools the agent calls in mock mode. Saving sends every tool; a tool removed here is deleted."
      keys={fields.map((f) => f.key)}
      pageSize={10}
      noun={{ one: 'tool', many: 'tools' }}
      itemName="mock tools"
      names={() => getValues('mock_tools').map((t) => t.name)}
      errors={errors.mock_tools}
      fallbackLabel={(i) => `Tool ${i + 1}`}
      empty="This agent has no mock tools."
      addLabel="Add mock tool"
      onAdd={() => append({ name: '', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null })}
      renderRow={(index) => <MockToolRow index={index} onRemove={remove} startOpen={startOpen} />}
      removed={<RemovedItems items={removed} itemName="mock tools" />}
      actions={(reveal) => (
        <CopyFromAgentButton
          itemName="mock tools"
          copiesOf={mockToolCopies}
          summaryOf={(tool) => tool.description}
          currentItems={() => getValues('mock_tools')}
          replaceItem={replaceMockTool}
          onCopy={(plan) => {
            for (const { index, value } of plan.replace) update(index, value);
            if (plan.append.length > 0) {
              reveal(fields.length);
              append(plan.append, { shouldFocus: false });
            }
          }}
        />
      )}
    />
  );
}
