import { CloseButton, Fieldset, Group, SimpleGrid } from '@mantine/core';
import { memo } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { FormTextInput } from './form-controls';
import { itemLabel, PagedItemList } from './paged-items';

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

/** The agent's dynamic variables: a full set, matched by name. */
export function DynamicVariablesSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'dynamic_variables' });
  const { errors } = useFormState({ control, name: 'dynamic_variables' });
  return (
    <PagedItemList
      intro="Variables the agent's context refers to. Saving sends every variable; a variable removed here is deleted."
      keys={fields.map((f) => f.id)}
      pageSize={25}
      noun={{ one: 'variable', many: 'variables' }}
      itemName="variables"
      names={() => getValues('dynamic_variables').map((v) => v.name)}
      errors={errors.dynamic_variables}
      fallbackLabel={(i) => `Variable ${i + 1}`}
      empty="This agent has no dynamic variables."
      addLabel="Add variable"
      onAdd={() => append({ name: '', description: '' })}
      renderRow={(index) => <VariableRow index={index} onRemove={remove} />}
    />
  );
}
