import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { createContext, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { checkPlaceholders, placeholderNames } from '../../../agent/placeholders';
import { useFormEdits } from '../agent-changes-context';

/**
 * The description's `{{placeholders}}` checked against the variables, live. Both reads follow the
 * change feed's edits (not the form's values: see `change-feed.ts`) and re-render only when
 * their answer changes: a keystroke in the description re-scans its text (memoized on the
 * string); one in a variable's description costs nothing, one in a variable's name one pass
 * over the names.
 */

const SEPARATOR = '\n';
const splitKey = (key: string): string[] => (key === '' ? [] : key.split(SEPARATOR));

/** The placeholder names the form's description uses, in order (a stable array between changes). */
export function usePlaceholderNames(): string[] {
  const { getValues } = useFormContext<AgentFormValues>();
  const onEdit = useFormEdits();
  const [key, setKey] = useState(() => placeholderNames(getValues('description')).join(SEPARATOR));
  useEffect(() => {
    let scanned: string | undefined;
    const update = () => {
      const description = getValues('description');
      if (description === scanned) return;
      scanned = description;
      setKey(placeholderNames(description).join(SEPARATOR));
    };
    update();
    return onEdit((name) => {
      if (name === undefined || name === 'description') update();
    });
  }, [onEdit, getValues]);
  return useMemo(() => splitKey(key), [key]);
}

/**
 * Whether an edit at `name` can change the variables' names: the whole form, the variables
 * array, or a variable's name (a keystroke in a variable's description changes no name).
 */
export function editsVariableNames(name: string | undefined): boolean {
  return name === undefined || (name.startsWith('dynamic_variables') && !name.endsWith('.description'));
}

/** The form's variable names, trimmed, in form order (a stable array between changes). */
export function useVariableNames(): string[] {
  const { getValues } = useFormContext<AgentFormValues>();
  const onEdit = useFormEdits();
  const namesKey = () => getValues('dynamic_variables').map((v) => v.name.trim()).join(SEPARATOR);
  const [key, setKey] = useState(namesKey);
  useEffect(
    () =>
      onEdit((name) => {
        if (editsVariableNames(name)) setKey(namesKey());
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `namesKey` reads only `getValues`
    [onEdit, getValues],
  );
  return useMemo(() => splitKey(key), [key]);
}

/** How many placeholders the General tab shows as chips; the rest are counted. */
const SHOWN = 40;

/** Below the description: the placeholders it uses, each marked when no variable fills it. */
export function DescriptionPlaceholders() {
  const placeholders = usePlaceholderNames();
  const variables = useVariableNames();
  const missing = useMemo(() => new Set(checkPlaceholders(placeholders, variables).missing), [placeholders, variables]);
  const headingId = useId();
  if (placeholders.length === 0) {
    return (
      <Text size="xs" c="dimmed" mt={-8}>
        The description uses no {'{{placeholders}}'}.
      </Text>
    );
  }
  return (
    <Stack gap={4} mt={-8}>
      <Text size="sm" fw={500} id={headingId}>
        Placeholders in the description
      </Text>
      <Group gap={6} component="ul" aria-labelledby={headingId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {placeholders.slice(0, SHOWN).map((name) => (
          <Badge
            key={name}
            component="li"
            tt="none"
            size="lg"
            radius="sm"
            variant={missing.has(name) ? 'outline' : 'light'}
            color={missing.has(name) ? 'red.9' : 'gray'}
            title={missing.has(name) ? 'No variable has this name' : undefined}
          >
            {`{{${name}}}`}
            {missing.has(name) && ' · no variable'}
          </Badge>
        ))}
        {placeholders.length > SHOWN && (
          <Text component="li" size="sm">
            and {placeholders.length - SHOWN} more
          </Text>
        )}
      </Group>
      {missing.size > 0 && (
        <Text size="xs" c="dimmed">
          Add the missing variables in the Dynamic variables tab.
        </Text>
      )}
    </Stack>
  );
}

const PlaceholdersContext = createContext<ReadonlySet<string> | null>(null);

/** Gives the variable rows the set of placeholder names the description uses. */
export function PlaceholdersProvider({ children }: { children: ReactNode }) {
  const placeholders = usePlaceholderNames();
  const used = useMemo(() => new Set(placeholders), [placeholders]);
  return <PlaceholdersContext value={used}>{children}</PlaceholdersContext>;
}

/** True when the description uses no `{{name}}` (false for an empty name, or outside the provider). */
export function useIsUnusedVariable(name: string): boolean {
  const used = useContext(PlaceholdersContext);
  const trimmed = name.trim();
  return used !== null && trimmed !== '' && !used.has(trimmed);
}

/** Placeholders no variable fills, each with a button that adds that variable. */
export function MissingVariablesAlert({ onAdd }: { onAdd: (name: string) => void }) {
  const placeholders = usePlaceholderNames();
  const variables = useVariableNames();
  const missing = useMemo(() => checkPlaceholders(placeholders, variables).missing, [placeholders, variables]);
  if (missing.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Placeholders without a variable">
      <Stack gap="xs">
        <Text size="sm">
          The description uses {missing.length === 1 ? 'this placeholder' : 'these placeholders'}, but no variable has{' '}
          {missing.length === 1 ? 'its name' : 'their names'}: Cekura leaves {missing.length === 1 ? 'it' : 'them'} unfilled.
        </Text>
        <Group gap="xs">
          {missing.slice(0, SHOWN).map((name) => (
            <Button key={name} size="compact-sm" variant="default" onClick={() => onAdd(name)}>
              Add variable {name}
            </Button>
          ))}
          {missing.length > SHOWN && <Text size="sm">and {missing.length - SHOWN} more</Text>}
        </Group>
      </Stack>
    </Alert>
  );
}
