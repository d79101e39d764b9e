import { Button, CloseButton, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { memo, useDeferredValue, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { FormTextInput } from './form-controls';

/** A display name for an item: its name, or a placeholder until it has one. */
export function itemLabel(name: string | undefined, fallback: string): string {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? fallback : trimmed;
}

const VariableRow = memo(function VariableRow({ index, hidden, onRemove }: { index: number; hidden: boolean; onRemove: (index: number) => void }) {
  const name = useWatch<AgentFormValues, `dynamic_variables.${number}.name`>({ name: `dynamic_variables.${index}.name` });
  const label = itemLabel(name, 'New variable');
  return (
    <Fieldset legend={label} variant="filled" p="sm" style={hidden ? { display: 'none' } : undefined}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
          <FormTextInput name={`dynamic_variables.${index}.name`} label="Name" placeholder="customer_name" />
          <FormTextInput name={`dynamic_variables.${index}.description`} label="Description" />
        </SimpleGrid>
        <CloseButton mt={26} aria-label={`Remove ${label}`} onClick={() => onRemove(index)} />
      </Group>
    </Fieldset>
  );
});

/** The agent's dynamic variables: a full set, matched by name. */
export function DynamicVariablesSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'dynamic_variables' });
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const names = deferredFilter === '' ? null : getValues('dynamic_variables').map((v) => v.name.toLowerCase());

  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        Variables the agent's context refers to. Saving sends every variable; a variable removed here is deleted.
      </Text>
      {fields.length > 8 && (
        <TextInput
          label="Filter variables"
          placeholder="Type part of a name"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          maw={360}
        />
      )}
      {fields.length === 0 && <Text size="sm">This agent has no dynamic variables.</Text>}
      {fields.map((field, index) => (
        <VariableRow
          key={field.id}
          index={index}
          hidden={names !== null && !(names[index] ?? '').includes(deferredFilter)}
          onRemove={remove}
        />
      ))}
      <Group>
        <Button variant="light" onClick={() => append({ name: '', description: '' })}>
          Add variable
        </Button>
        <Text size="sm" c="dimmed">
          {fields.length} {fields.length === 1 ? 'variable' : 'variables'}
        </Text>
      </Group>
    </Stack>
  );
}
