import { Alert, Button, CloseButton, Fieldset, Group, Radio, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { memo, useDeferredValue, useState } from 'react';
import { useController, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useLoadedAgent } from '../loaded-agent-context';
import { itemLabel } from './dynamic-variables-section';
import { FormJsonInput, FormNumberInput, FormTextInput, FormTextarea } from './form-controls';

function FreetextParams({ index }: { index: number }) {
  const { field: { ref, ...field }, fieldState } = useController<AgentFormValues, `mock_tools.${number}.freetext_params`>({
    name: `mock_tools.${index}.freetext_params`,
  });
  const itemError = Array.isArray(fieldState.error) ? undefined : fieldState.error?.message;
  return (
    <TagsInput
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
  const { field: { ref, ...field } } = useController<AgentFormValues, `mock_tools.${number}.served_via`>({ name: `mock_tools.${index}.served_via` });
  return (
    <Group align="flex-end" gap="lg">
      <Radio.Group label="Served via" name={field.name} value={field.value} onChange={field.onChange}>
        <Group gap="md" mt={6}>
          <Radio value="direct" label="Direct" onBlur={field.onBlur} />
          <Radio value="mcp" label="MCP" onBlur={field.onBlur} />
        </Group>
      </Radio.Group>
      {field.value === 'mcp' && <FormNumberInput name={`mock_tools.${index}.mock_index`} label="MCP index" min={1} w={140} />}
    </Group>
  );
}

const MockToolRow = memo(function MockToolRow({ index, hidden, onRemove }: { index: number; hidden: boolean; onRemove: (index: number) => void }) {
  const agent = useLoadedAgent();
  const [name, id] = useWatch<AgentFormValues, [`mock_tools.${number}.name`, `mock_tools.${number}.id`]>({
    name: [`mock_tools.${index}.name`, `mock_tools.${index}.id`],
  });
  const label = itemLabel(name, 'New mock tool');
  const loaded = id === undefined ? undefined : agent.mock_tools?.find((t) => t.id === id);
  return (
    <Fieldset legend={label} p="md" style={hidden ? { display: 'none' } : undefined}>
      <Stack gap="sm">
        {loaded?.is_shared === true && (
          <Alert color="orange" variant="light" title="Shared tool">
            This tool is used by {loaded.subscriber_count ?? 'several'} agents: a change here reaches every one of them.
          </Alert>
        )}
        <Group align="flex-start" wrap="nowrap">
          <FormTextInput name={`mock_tools.${index}.name`} label="Name" placeholder="lookup_order" style={{ flex: 1 }} />
          <CloseButton mt={26} aria-label={`Remove ${label}`} onClick={() => onRemove(index)} />
        </Group>
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
    </Fieldset>
  );
});

/** The agent's mock tools: a full set; kept tools are matched by id. */
export function MockToolsSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'mock_tools' });
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const names = deferredFilter === '' ? null : getValues('mock_tools').map((t) => t.name.toLowerCase());
  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        Tools the agent calls in mock mode. Saving sends every tool; a tool removed here is deleted.
      </Text>
      {fields.length > 5 && (
        <TextInput
          label="Filter mock tools"
          placeholder="Type part of a name"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          maw={360}
        />
      )}
      {fields.length === 0 && <Text size="sm">This agent has no mock tools.</Text>}
      {fields.map((field, index) => (
        <MockToolRow
          key={field.id}
          index={index}
          hidden={names !== null && !(names[index] ?? '').includes(deferredFilter)}
          onRemove={remove}
        />
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            append({ name: '', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null })
          }
        >
          Add mock tool
        </Button>
        <Text size="sm" c="dimmed">
          {fields.length} {fields.length === 1 ? 'tool' : 'tools'}
        </Text>
      </Group>
    </Stack>
  );
}
