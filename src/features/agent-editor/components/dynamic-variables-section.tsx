import { Button, CloseButton, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { FormTextInput } from './form-controls';
import { OffPageErrors, usePagedItems } from './paged-items';

/** A display name for an item: its name, or a placeholder until it has one. */
export function itemLabel(name: string | undefined, fallback: string): string {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? fallback : trimmed;
}

/** Indices of the items of a form array that have an error. */
export function errorIndices(errors: unknown): number[] {
  return Array.isArray(errors) ? errors.flatMap((e: unknown, i) => (e ? [i] : [])) : [];
}

const VariableRow = memo(function VariableRow({ index, onRemove }: { index: number; onRemove: (index: number) => void }) {
  const name = useWatch<AgentFormValues, `dynamic_variables.${number}.name`>({ name: `dynamic_variables.${index}.name` });
  const label = itemLabel(name, 'New variable');
  return (
    <Fieldset legend={label} variant="filled" p="sm">
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

const PAGE_SIZE = 25;

/** The agent's dynamic variables: a full set, matched by name. */
export function DynamicVariablesSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'dynamic_variables' });
  const { errors } = useFormState({ control, name: 'dynamic_variables' });
  const names = () => getValues('dynamic_variables').map((v) => v.name);
  const paged = usePagedItems({ count: fields.length, pageSize: PAGE_SIZE, itemName: 'variables', names });

  return (
    <Stack gap="md" maw={900}>
      <Text size="sm" c="dimmed">
        Variables the agent&apos;s context refers to. Saving sends every variable; a variable removed here is deleted.
      </Text>
      {paged.controls}
      <OffPageErrors
        indices={errorIndices(errors.dynamic_variables)}
        shown={paged.indices}
        label={(i) => itemLabel(getValues(`dynamic_variables.${i}.name`), `Variable ${i + 1}`)}
        onReveal={paged.reveal}
      />
      {fields.length === 0 && <Text size="sm">This agent has no dynamic variables.</Text>}
      {paged.indices.map((index) => {
        const field = fields[index];
        return field ? <VariableRow key={field.id} index={index} onRemove={remove} /> : null;
      })}
      <Group>
        <Button
          variant="light"
          onClick={() => {
            paged.reveal(fields.length);
            append({ name: '', description: '' });
          }}
        >
          Add variable
        </Button>
        <Text size="sm" c="dimmed">
          {fields.length} {fields.length === 1 ? 'variable' : 'variables'}
        </Text>
      </Group>
    </Stack>
  );
}
