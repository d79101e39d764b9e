import { Alert, Checkbox, Divider, Fieldset, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { PROVIDER_CONFIG_FIELDS } from '../../../agent/constants';
import type { ConfigField, ProviderType } from '../../../agent/constants';
import type { AgentFormValues, ProviderFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { CHAT_AGENT_TYPE_OPTIONS, platformLabel, PROVIDER_TYPE_OPTIONS, REDACT_FIELD_OPTIONS } from '../../../agent/options';
import { secretStatus } from '../../../agent/secret-status';
import { useLoadedAgent } from '../loaded-agent-context';
import { ERROR_SLOT, FormJsonInput, FormMultiSelect, FormNullableBoolean, FormSelect, FormSwitch, FormTextInput, useFieldController } from './form-controls';
import { FormWriteOnlyField } from './write-only-field';

function ConfigInput({ field }: { field: ConfigField }) {
  const agent = useLoadedAgent();
  const name = `provider.config.${field.key}` as const;
  const required = field.required === true;
  switch (field.kind) {
    case 'secret':
      // Responses say whether a secret is set (`<key>_configured`), never the secret itself.
      return <FormWriteOnlyField name={name} label={field.label} status={secretStatus(agent, `provider.credentials.config.${field.key}`)} />;
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
  const { field: { ref, ...field } } = useFieldController<'provider.configure_from_provider'>('provider.configure_from_provider');
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

/**
 * The settings the form keeps when the provider type becomes `next`: only that type's (the
 * config merges key by key, so each setting left out is sent cleared: the old type's settings
 * are replaced, not kept beside the new ones). Back on the loaded type, its loaded settings return.
 */
function configForType(current: ProviderFormValues['config'], next: ProviderType, loaded: ProviderFormValues): ProviderFormValues['config'] {
  const keys = new Set(PROVIDER_CONFIG_FIELDS[next].map((f) => f.key));
  const out: ProviderFormValues['config'] = {};
  for (const [key, value] of Object.entries(current)) if (keys.has(key)) out[key] = value;
  if (next === loaded.type) for (const [key, value] of Object.entries(loaded.config)) if (!(key in out)) out[key] = value;
  return out;
}

/** The provider type; choosing another replaces the settings of the old one (see `configForType`). */
function ProviderTypeSelect() {
  const agent = useLoadedAgent();
  const { getValues, setValue } = useFormContext<AgentFormValues>();
  const { field: { ref, ...field }, fieldState } = useFieldController<'provider.type'>('provider.type');
  return (
    <Select
      label="Provider type"
      data={[...PROVIDER_TYPE_OPTIONS]}
      searchable
      allowDeselect={false}
      classNames={ERROR_SLOT}
      name={field.name}
      ref={ref}
      value={field.value}
      error={fieldState.error?.message}
      onBlur={field.onBlur}
      onChange={(value) => {
        const next = (value ?? '') as ProviderType;
        // The feed hears both through `field.onChange` (the same top-level part, `provider`).
        setValue('provider.config', configForType(getValues('provider.config'), next, agentToFormValues(agent).provider), { shouldDirty: true });
        field.onChange(next);
      }}
    />
  );
}

/** What saving does to the loaded type's settings once another type is chosen. */
function ProviderChangeNote({ type }: { type: ProviderType }) {
  const agent = useLoadedAgent();
  const loaded = agentToFormValues(agent).provider;
  if (type === loaded.type) return null;
  const had = Object.keys(loaded.config).length > 0 || PROVIDER_CONFIG_FIELDS[loaded.type].some((f) => f.kind === 'secret' && secretStatus(agent, `provider.credentials.config.${f.key}`) === 'set');
  const from = platformLabel(loaded.type);
  const to = platformLabel(type);
  return (
    <Alert variant="light" color="yellow" title="Provider type changes on save">
      {had
        ? PROVIDER_CONFIG_FIELDS[type].length > 0
          ? `${from} settings will be replaced by ${to} settings when you save.`
          : `${from} settings will be removed when you save.`
        : `The agent will use ${to} when you save.`}{' '}
      The API key stays as it is unless you replace it.
    </Alert>
  );
}

/** The voice platform integration, its write-only credentials and chat configuration. */
export function ProviderSection() {
  const agent = useLoadedAgent();
  const type = useWatch<AgentFormValues, 'provider.type'>({ name: 'provider.type' });
  const configFields = PROVIDER_CONFIG_FIELDS[type];
  return (
    <Stack gap="lg" maw={760}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ProviderTypeSelect />
        <FormTextInput name="provider.agent_id" label="Provider agent ID" />
      </SimpleGrid>
      <ProviderChangeNote type={type} />
      <FormWriteOnlyField
        name="provider.api_key"
        label="API key"
        status={secretStatus(agent, 'provider.credentials.api_key')}
        description="Write-only: the API never says whether one is set."
      />
      {configFields.length > 0 && (
        <Fieldset legend={`${platformLabel(type)} settings`} aria-label={`${platformLabel(type)} settings`}>
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
        <FormSelect name="provider.chat_type" label="Chat agent type" data={[...CHAT_AGENT_TYPE_OPTIONS]} searchable />
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
        data={[...REDACT_FIELD_OPTIONS]}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear redact fields' }}
      />
      <ConfigureFromProvider />
    </Stack>
  );
}
