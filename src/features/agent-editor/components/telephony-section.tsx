import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { FormSecretInput, FormSwitch, FormTextInput, useFieldError } from './form-controls';

function CredentialsFieldset({ name, legend }: { name: 'telephony.sip_auth' | 'telephony.websocket_auth'; legend: string }) {
  return (
    <Fieldset legend={legend} aria-label={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormTextInput name={`${name}.username`} label="Username" />
        <FormSecretInput name={`${name}.password`} label="Password" description="Clear both to remove the credentials." />
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
