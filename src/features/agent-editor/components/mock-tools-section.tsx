import { Alert, CloseButton, Fieldset, Group, Radio, Stack, TagsInput } from '@mantine/core';
import { memo } from 'react';
import { useController, useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useLoadedAgent } from '../loaded-agent-context';
import { itemLabel, PagedItemList } from './paged-items';
import { ERROR_SLOT, FormJsonInput, FormNumberInput, FormTextInput, FormTextarea } from './form-controls';

function FreetextParams({ index }: { index: number }) {
  const { field: { ref, ...field }, fieldState } = useController<AgentFormValues, `mock_tools.${number}.freetext_params`>({
    name: `mock_tools.${index}.freetext_params`,
  });
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

const MockToolRow = memo(function MockToolRow({ index, onRemove }: { index: number; onRemove: (index: number) => void }) {
  const agent = useLoadedAgent();
  const [name, id] = useWatch<AgentFormValues, [`mock_tools.${number}.name`, `mock_tools.${number}.id`]>({
    name: [`mock_tools.${index}.name`, `mock_tools.${index}.id`],
  });
  const label = itemLabel(name, 'New mock tool');
  const loaded = id === undefined ? undefined : agent.mock_tools?.find((t) => t.id === id);
  return (
    <Fieldset legend={label} p="md">
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
  const { errors } = useFormState({ control, name: 'mock_tools' });
  return (
    <PagedItemList
      intro="Tools the agent calls in mock mode. Saving sends every tool; a tool removed here is deleted."
      keys={fields.map((f) => f.id)}
      pageSize={10}
      noun={{ one: 'tool', many: 'tools' }}
      itemName="mock tools"
      names={() => getValues('mock_tools').map((t) => t.name)}
      errors={errors.mock_tools}
      fallbackLabel={(i) => `Tool ${i + 1}`}
      empty="This agent has no mock tools."
      addLabel="Add mock tool"
      onAdd={() => append({ name: '', description: '', mock_data: '[]', freetext_params: [], served_via: 'direct', mock_index: null })}
      renderRow={(index) => <MockToolRow index={index} onRemove={remove} />}
    />
  );
}
