import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import type { ReactNode, Ref } from 'react';
import type { FieldPath } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { SECRET_STATUS_WORDS } from '../../../agent/secret-status';
import type { SecretStatus } from '../../../agent/secret-status';
import { ERROR_SLOT, useFieldController, useRevalidateWhileInvalid } from './form-controls';

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
 * value, above an always-empty password input (never pre-filled): typing replaces the secret on
 * save. **Replace ⟨label⟩** takes the caret there, **Keep current** drops what was typed (or
 * the clearing), **Clear ⟨label⟩** where the API can clear it.
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
  const input = useRef<HTMLInputElement | null>(null);
  const ref = useMergedRef(input, inputRef);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const focusReplace = useRef(false);
  const replacing = value !== '';
  useEffect(() => {
    if (focusReplace.current && !replacing && !cleared) replaceButton.current?.focus();
    focusReplace.current = false;
  }, [replacing, cleared]);

  const keep = () => {
    focusReplace.current = true;
    onKeep();
  };

  return (
    <Stack gap={6}>
      <PasswordInput
        autoComplete="new-password"
        classNames={ERROR_SLOT}
        label={label}
        description={<SecretStatusLine status={status} cleared={cleared} description={description} />}
        placeholder={cleared ? 'Will be cleared' : status === 'set' ? 'Type a new value to replace it' : undefined}
        disabled={cleared}
        name={name}
        ref={ref}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
        error={error}
      />
      <Group gap="xs">
        {replacing || cleared ? (
          <Button size="xs" variant="default" onClick={keep}>
            Keep current
          </Button>
        ) : (
          <>
            <Button ref={replaceButton} size="xs" variant="light" onClick={() => input.current?.focus()}>
              Replace {actionLabel}
            </Button>
            {onClear !== undefined && status === 'set' && (
              <Button size="xs" variant="subtle" color="red" onClick={onClear}>
                Clear {actionLabel}
              </Button>
            )}
          </>
        )}
      </Group>
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
  } = useFieldController<SecretPath>(name);
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
