import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, Ref } from 'react';
import { useController } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { SECRET_STATUS_WORDS } from '../../../agent/secret-status';
import type { SecretStatus } from '../../../agent/secret-status';
import { ERROR_SLOT, useRevalidateWhileInvalid } from './form-controls';

export interface WriteOnlyFieldProps {
  /** The input's label ("API key", "Password"). */
  label: string;
  /** What the buttons name ("Replace SIP auth password"); the label when not given. */
  actionLabel?: string;
  /** Whether the agent as read has one (`'unknown'` when the API does not say). */
  status: SecretStatus;
  /** The replacement typed so far ('' while none). */
  value: string;
  onChange: (text: string) => void;
  /** Drops the replacement or the clearing: the current value stays. */
  onKeep: () => void;
  /** Clears the value on save; only where the API allows clearing it. */
  onClear?: () => void;
  /** The value will be cleared on save. */
  cleared?: boolean;
  description?: ReactNode;
  error?: string;
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
}

/** "Set", "Not set" or "Hidden" (the API cannot tell), and what saving will do to it. */
function SecretStatusLine({ status, cleared, description }: { status: SecretStatus; cleared: boolean; description?: ReactNode }) {
  return (
    <Group gap="xs" wrap="wrap" component="span">
      <Badge variant="light" color={status === 'set' ? 'teal' : 'gray'} component="span">
        {SECRET_STATUS_WORDS[status]}
      </Badge>
      <Text size="xs" c="dimmed" component="span">
        {cleared ? 'Will be cleared when you save.' : (description ?? 'Write-only: never shown.')}
      </Text>
    </Group>
  );
}

/**
 * A write-only secret, shown one way everywhere: its status from the agent as read, never its
 * value; **Replace ⟨label⟩** opens an empty password input (never pre-filled), **Keep current**
 * drops the replacement, **Clear ⟨label⟩** where the API can clear it.
 */
export function WriteOnlyField({
  label,
  actionLabel = label,
  status,
  value,
  onChange,
  onKeep,
  onClear,
  cleared = false,
  description,
  error,
  name,
  inputRef,
  onBlur,
}: WriteOnlyFieldProps) {
  // A typed value (back on this tab, or restored in this page) shows where it is.
  const [replacing, setReplacing] = useState(value !== '');
  const input = useRef<HTMLInputElement | null>(null);
  const ref = useMergedRef(input, inputRef);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'input' | 'replace' | null>(null);
  const labelId = useId();
  useEffect(() => {
    if (focusNext.current === 'input') input.current?.focus();
    if (focusNext.current === 'replace') replaceButton.current?.focus();
    focusNext.current = null;
  }, [replacing]);

  const keep = () => {
    focusNext.current = 'replace';
    setReplacing(false);
    onKeep();
  };

  if (replacing) {
    return (
      <Stack gap={6}>
        <PasswordInput
          autoComplete="new-password"
          classNames={ERROR_SLOT}
          label={label}
          description={<SecretStatusLine status={status} cleared={false} description={description} />}
          name={name}
          ref={ref}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          onBlur={onBlur}
          error={error}
        />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={keep}>
            Keep current
          </Button>
        </Group>
      </Stack>
    );
  }
  // Not replacing: a group named by the label holds the status and the buttons.
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SecretStatusLine status={status} cleared={cleared} description={description} />
      <Group gap="xs">
        <Button
          ref={replaceButton}
          size="xs"
          variant="light"
          onClick={() => {
            focusNext.current = 'input';
            setReplacing(true);
          }}
        >
          Replace {actionLabel}
        </Button>
        {cleared ? (
          <Button size="xs" variant="default" onClick={keep}>
            Keep current
          </Button>
        ) : (
          onClear !== undefined &&
          status === 'set' && (
            <Button size="xs" variant="subtle" color="red" onClick={onClear}>
              Clear {actionLabel}
            </Button>
          )
        )}
      </Group>
      {error !== undefined && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
    </Stack>
  );
}

type SecretPath = Extract<FieldPath<AgentFormValues>, 'provider.api_key' | 'webhook_secret' | `provider.config.${string}`>;

/**
 * A write-only value of the form (provider API key, webhook secret, a trigger secret): `''`
 * keeps the current one, so nothing is sent until a replacement is typed.
 */
export function FormWriteOnlyField({ name, ...props }: { name: SecretPath } & Pick<WriteOnlyFieldProps, 'label' | 'status' | 'description'>) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController<AgentFormValues, SecretPath>({ name });
  const revalidate = useRevalidateWhileInvalid(name, fieldState.error?.message);
  return (
    <WriteOnlyField
      {...props}
      name={field.name}
      inputRef={ref}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(text) => {
        field.onChange(text);
        revalidate();
      }}
      onKeep={() => field.onChange('')}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
