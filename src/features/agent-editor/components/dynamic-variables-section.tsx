import { Box, CloseButton, Text } from '@mantine/core';
import { memo, useEffect, useMemo, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { replaceVariable, variableCopies } from '../../../agent/copy-items';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useFormEdits } from '../agent-changes-context';
import { useLoadedAgent } from '../loaded-agent-context';
import classes from './collections.module.css';
import { CopyFromAgentButton } from './copy-from-agent';
import { ERROR_SLOT, FormTextInput } from './form-controls';
import { itemLabel, PagedItemList, RemovedItems } from './paged-items';
import type { RemovedItem } from './paged-items';
import { editsVariableNames, MissingVariablesAlert, PlaceholdersProvider, useIsUnusedVariable } from './placeholder-checks';

const NAME_WITH_HINT = { ...ERROR_SLOT, root: `${ERROR_SLOT.root} ${classes.withHint}`, description: classes.hint };
const HINT_BELOW = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];

/** One variable, one row: its name is shown once, in its Name field; the row is named by it. */
const VariableRow = memo(function VariableRow({ index, onRemove }: { index: number; onRemove: (index: number) => void }) {
  const name = useWatch<AgentFormValues, `dynamic_variables.${number}.name`>({ name: `dynamic_variables.${index}.name` });
  const label = itemLabel(name, 'New variable');
  const unused = useIsUnusedVariable(name);
  return (
    <div role="group" aria-label={label} className={classes.variableRow}>
      <FormTextInput
        name={`dynamic_variables.${index}.name`}
        aria-label="Name"
        placeholder="customer_name"
        classNames={NAME_WITH_HINT}
        inputWrapperOrder={HINT_BELOW}
        description={unused ? 'Not used in the description' : undefined}
      />
      <FormTextInput name={`dynamic_variables.${index}.description`} aria-label="Description" placeholder="What it holds" />
      <CloseButton aria-label={`Remove ${label}`} onClick={() => onRemove(index)} />
    </div>
  );
});

function VariableHeading() {
  return (
    <Box className={`${classes.variableRow} ${classes.variableHeading}`} aria-hidden>
      <Text size="sm" fw={600}>
        Name
      </Text>
      <Text size="sm" fw={600}>
        Description
      </Text>
    </Box>
  );
}

/**
 * Variables of the loaded agent no longer in the form (removed, or renamed: variables are matched
 * by name, so a rename deletes the old name), each with an Undo that adds it back where it was.
 */
function RemovedVariables({ onUndo }: { onUndo: (index: number, variable: { name: string; description: string }) => void }) {
  const agent = useLoadedAgent();
  const { getValues } = useFormContext<AgentFormValues>();
  const onEdit = useFormEdits();
  const loaded = agent.dynamic_variables ?? [];
  // Indices of the loaded variables whose name the form no longer holds, as a string, so typing
  // (which calls this on every keystroke) re-renders only when that set changes.
  const missing = (values: AgentFormValues['dynamic_variables']): string => {
    const names = new Set(values.map((v) => v.name.trim()));
    return loaded.flatMap((v, index) => (names.has(v.name) ? [] : [index])).join(',');
  };
  const [removed, setRemoved] = useState(() => missing(getValues('dynamic_variables')));
  useEffect(
    () =>
      onEdit((name) => {
        if (editsVariableNames(name)) setRemoved(missing(getValues('dynamic_variables')));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `missing` reads only `loaded`
    [onEdit, getValues, loaded],
  );
  const items = removed === '' ? [] : removed.split(',').flatMap((i): RemovedItem[] => {
    const index = Number(i);
    const variable = loaded[index];
    return variable === undefined
      ? []
      : [{ key: variable.name, label: variable.name, onUndo: () => onUndo(index, { name: variable.name, description: variable.description ?? '' }) }];
  });
  return <RemovedItems items={items} itemName="variables" />;
}

/** The agent's dynamic variables: a full set, matched by name. */
export function DynamicVariablesSection() {
  const { control, getValues } = useFormContext<AgentFormValues>();
  const { fields, append, remove, insert, update } = useFieldArray({ control, name: 'dynamic_variables' });
  const { errors } = useFormState({ control, name: 'dynamic_variables' });
  const undo = useMemo(
    () => (index: number, variable: { name: string; description: string }) =>
      insert(Math.min(index, getValues('dynamic_variables').length), variable, { shouldFocus: false }),
    [insert, getValues],
  );
  return (
    <PlaceholdersProvider>
      <PagedItemList
        intro="Variables the agent's context refers to. Saving sends every variable; a variable removed here is deleted."
        keys={fields.map((f) => f.id)}
        // Ten rows a page, as the mock tools: every input on the page costs each keystroke some
        // work (Chromium's autofill re-reads every form control after a change; paint), so a
        // large agent types as fast as a small one (`npm run bench`). The filter finds the rest.
        pageSize={10}
        noun={{ one: 'variable', many: 'variables' }}
        itemName="variables"
        names={() => getValues('dynamic_variables').map((v) => v.name)}
        errors={errors.dynamic_variables}
        fallbackLabel={(i) => `Variable ${i + 1}`}
        empty="This agent has no dynamic variables."
        addLabel="Add variable"
        onAdd={() => append({ name: '', description: '' })}
        header={<VariableHeading />}
        renderRow={(index) => <VariableRow index={index} onRemove={remove} />}
        removed={<RemovedVariables onUndo={undo} />}
        notice={(reveal) => (
          <MissingVariablesAlert
            onAdd={(name) => {
              const index = getValues('dynamic_variables').length;
              reveal(index);
              append({ name, description: '' }, { focusName: `dynamic_variables.${index}.description` });
            }}
          />
        )}
        actions={(reveal) => (
          <CopyFromAgentButton
            itemName="variables"
            copiesOf={variableCopies}
            summaryOf={(variable) => variable.description}
            currentItems={() => getValues('dynamic_variables')}
            replaceItem={replaceVariable}
            onCopy={(plan) => {
              for (const { index, value } of plan.replace) update(index, value);
              if (plan.append.length > 0) {
                reveal(getValues('dynamic_variables').length);
                append(plan.append, { shouldFocus: false });
              }
            }}
          />
        )}
      />
    </PlaceholdersProvider>
  );
}
