import { Checkbox, Divider, Fieldset, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useController, useWatch } from 'react-hook-form';
import { CHAT_AGENT_TYPES, PROVIDER_CONFIG_FIELDS, PROVIDER_TYPES, REDACT_FIELDS } from '../../../agent/constants';
import type { ConfigField } from '../../../agent/constants';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useLoadedAgent } from '../loaded-agent-context';
import {
  FormJsonInput,
  FormMultiSelect,
  FormNullableBoolean,
  FormSecretInput,
  FormSelect,
  FormSwitch,
  FormTextInput,
} from './form-controls';

const PROVIDER_LABELS: Record<string, string> = {
  vapi: 'Vapi', retell: 'Retell', elevenlabs: 'ElevenLabs', cisco: 'Cisco', bland: 'Bland', livekit: 'LiveKit',
  pipecat: 'Pipecat', synthflow: 'Synthflow', agora: 'Agora', koreai: 'Kore.ai', genesys: 'Genesys',
  amazon_connect: 'Amazon Connect', telnyx: 'Telnyx', custom: 'Custom (self-hosted or chat-only)',
  sms: 'SMS', whatsapp: 'WhatsApp', self_hosted: 'Self-hosted', agentforce: 'Agentforce', sierra: 'Sierra',
};
const label = (type: string) => (type === '' ? 'None' : (PROVIDER_LABELS[type] ?? type));
const PROVIDER_OPTIONS = PROVIDER_TYPES.map((value) => ({ value, label: label(value) }));
const CHAT_OPTIONS = CHAT_AGENT_TYPES.map((value) => ({ value, label: label(value) }));
const REDACT_OPTIONS = REDACT_FIELDS.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

function ConfigInput({ field }: { field: ConfigField }) {
  const agent = useLoadedAgent();
  const name = `provider.config.${field.key}` as const;
  const required = field.required === true;
  switch (field.kind) {
    case 'secret': {
      // Responses say whether a secret is set (`<key>_configured`), never the secret itself.
      const configured = agent.provider?.credentials?.config?.[`${field.key}_configured`] === true;
      return (
        <FormSecretInput
          name={name}
          label={field.label}
          description={configured ? 'Write-only. One is set: leave blank to keep it.' : 'Write-only. None is set.'}
        />
      );
    }
    case 'boolean':
      return <FormSwitch name={name} label={field.label} mt="md" />;
    case 'json':
      return <FormJsonInput name={name} label={field.label} description="JSON" />;
    case 'select':
      return <FormSelect name={name} label={field.label} data={[...(field.options ?? [])]} allowDeselect />;
    case 'url':
      return <FormTextInput name={name} label={field.label} withAsterisk={required} placeholder="https://" />;
    case 'text':
      return <FormTextInput name={name} label={field.label} withAsterisk={required} />;
  }
}

function ConfigureFromProvider() {
  const { field: { ref, ...field } } = useController<AgentFormValues, 'provider.configure_from_provider'>({ name: 'provider.configure_from_provider' });
  return (
    <Checkbox
      label="Configure from provider"
      description="Fetch the prompt, settings, tools, variables and knowledge base from the provider on save. Needs the provider agent ID and API key."
      name={field.name}
      ref={ref}
      checked={field.value}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      onBlur={field.onBlur}
    />
  );
}

/** The voice platform integration, its write-only credentials and chat configuration. */
export function ProviderSection() {
  const type = useWatch<AgentFormValues, 'provider.type'>({ name: 'provider.type' });
  const configFields = PROVIDER_CONFIG_FIELDS[type];
  return (
    <Stack gap="lg" maw={760}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormSelect name="provider.type" label="Provider type" data={PROVIDER_OPTIONS} searchable />
        <FormTextInput name="provider.agent_id" label="Provider agent ID" />
      </SimpleGrid>
      <FormSecretInput
        name="provider.api_key"
        label="API key"
        description="Write-only. Leave blank to keep the current key."
      />
      {configFields.length > 0 && (
        <Fieldset legend={`${label(type)} settings`} aria-label={`${label(type)} settings`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {configFields.map((field) => (
              <ConfigInput key={field.key} field={field} />
            ))}
          </SimpleGrid>
        </Fieldset>
      )}
      <Divider />
      <Title order={3} size="h5">
        Chat
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormSelect name="provider.chat_type" label="Chat agent type" data={CHAT_OPTIONS} searchable />
        <FormTextInput name="provider.chat_agent_id" label="Chat agent ID" />
      </SimpleGrid>
      <Divider />
      <Title order={3} size="h5">
        Automation
      </Title>
      <Text size="sm" c="dimmed">
        “Provider default” leaves the setting to the provider.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormNullableBoolean name="provider.auto_dial_outbound" label="Auto-dial outbound" />
        <FormNullableBoolean name="provider.auto_import_calls" label="Auto-import calls" />
        <FormNullableBoolean name="provider.auto_sync_prompt" label="Auto-sync prompt" />
        <FormNullableBoolean name="provider.send_post_conversation_metadata" label="Send post-conversation metadata" />
      </SimpleGrid>
      <FormMultiSelect
        name="provider.redact_fields"
        label="Redact fields"
        description="Removed from the transcript and audio of every call. Empty disables redaction."
        data={REDACT_OPTIONS}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear redact fields' }}
      />
      <ConfigureFromProvider />
    </Stack>
  );
}
