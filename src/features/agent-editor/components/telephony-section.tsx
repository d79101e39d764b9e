import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { ApiAgent } from '../../../agent/api-schema';
import type { AgentFormValues } from '../../../agent/form-schema';
import { isPlainObject } from '../../../agent/deep-equal';
import { secretStatus } from '../../../agent/secret-status';
import { useLoadedAgent } from '../loaded-agent-context';
import { FormSwitch, FormTextInput, useEditorRegister, useFieldController, useFieldError } from './form-controls';
import { WriteOnlyField } from './write-only-field';

type CredentialsName = 'telephony.sip_auth' | 'telephony.websocket_auth';

/** The password the server holds for these credentials ('' for none): kept in memory, never shown. */
function loadedPassword(agent: ApiAgent, name: CredentialsName): string {
  const credentials = name === 'telephony.sip_auth' ? agent.telephony?.sip_auth : agent.telephony?.websocket_auth;
  return isPlainObject(credentials) && typeof credentials.password === 'string' ? credentials.password : '';
}

/**
 * A username and a password, the password shown as every write-only field is (Set / Not set,
 * Replace, Keep current, Clear), never pre-filled. The form holds the server's password (the
 * credentials are replaced whole, so a changed username must carry it) until one is typed or
 * it is cleared; clearing the username with the password kept removes the credentials.
 */
function CredentialsFieldset({ name, legend }: { name: CredentialsName; legend: string }) {
  const agent = useLoadedAgent();
  const kept = loadedPassword(agent, name);
  const { getValues, setValue } = useFormContext<AgentFormValues>();
  const {
    field: { ref, ...field },
    fieldState,
  } = useFieldController<`${CredentialsName}.password`>(`${name}.password`);
  // Cleared on purpose (Clear): a username typed afterwards does not bring the old password back.
  const [clearedOnPurpose, setClearedOnPurpose] = useState(false);
  const keepValue = () => (getValues(`${name}.username`) === '' ? '' : kept);
  const usernameError = useFieldError(`${name}.username`);
  // The password set here is under the same top-level key as the username, whose edit the
  // change feed hears: the diff of that part covers both.
  const username = useEditorRegister(`${name}.username`, usernameError, {
    onChange: () => {
      const password = getValues(`${name}.password`);
      // The password was not replaced: it follows the username (cleared → no credentials).
      if (password === kept || (password === '' && !clearedOnPurpose)) {
        setValue(`${name}.password`, keepValue(), { shouldDirty: true });
      }
    },
  });
  const replaced = field.value !== kept && field.value !== '';
  const label = `${legend} password`;
  return (
    <Fieldset legend={legend} aria-label={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput autoComplete="off" label="Username" {...username} error={usernameError} />
        <WriteOnlyField
          label="Password"
          actionLabel={label}
          status={secretStatus(agent, `${name}.password`)}
          description={kept === '' ? 'Clear the username to remove the credentials.' : 'Never shown. Clear the username to remove the credentials.'}
          name={field.name}
          inputRef={ref}
          value={replaced ? field.value : ''}
          onChange={(text) => {
            setClearedOnPurpose(false);
            field.onChange(text !== '' ? text : keepValue());
          }}
          onKeep={() => {
            setClearedOnPurpose(false);
            field.onChange(keepValue());
          }}
          onClear={() => {
            setClearedOnPurpose(true);
            field.onChange('');
          }}
          cleared={kept !== '' && field.value === ''}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function OutboundNumbers() {
  const { control } = useFormContext<AgentFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'telephony.outbound_numbers' });
  const listError = useFieldError('telephony.outbound_numbers');
  return (
    <Fieldset legend="Outbound numbers" aria-label="Outbound numbers">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Numbers this agent may call out from, in E.164 format.
        </Text>
        {fields.map((field, index) => (
          <Group key={field.id} align="flex-start" gap="xs" wrap="nowrap">
            <FormTextInput
              name={`telephony.outbound_numbers.${index}.value`}
              label={`Outbound number ${index + 1}`}
              placeholder="+14155551234"
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={`Remove outbound number ${index + 1}`}
              onClick={() => remove(index)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {listError && (
          <Text size="sm" c="red.8">
            {listError}
          </Text>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={() => append({ value: '' })}>
            Add outbound number
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Phone number, SIP and WebSocket channels. */
export function TelephonySection() {
  return (
    <Stack gap="lg" maw={760}>
      <FormTextInput
        name="telephony.phone_number"
        label="Phone number"
        description="E.164 format, e.g. +14155551234."
        placeholder="+14155551234"
        maw={360}
      />
      <FormSwitch name="telephony.inbound" label="Inbound" description="The agent receives inbound calls (off: outbound only)." />
      <FormTextInput name="telephony.sip_uri" label="SIP URI" placeholder="sip:user@domain.com" />
      <CredentialsFieldset name="telephony.sip_auth" legend="SIP auth" />
      <FormTextInput
        name="telephony.websocket_url"
        label="WebSocket URL"
        description="Raw-PCM websocket endpoint Cekura dials, e.g. wss://your-host/voice."
        placeholder="wss://"
      />
      <CredentialsFieldset name="telephony.websocket_auth" legend="WebSocket auth" />
      <OutboundNumbers />
    </Stack>
  );
}
