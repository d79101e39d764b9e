import { Checkbox, Fieldset, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiProject } from '../../../agent/api-schema';
import { bulkFieldLabel } from '../../../agent/bulk-patch';
import type { BulkField, BulkFieldValues } from '../../../agent/bulk-patch';
import { LANGUAGES, REDACT_FIELDS } from '../../../agent/constants';
import type { Language, RedactField } from '../../../agent/constants';
import type { BulkDraft } from '../bulk-draft';

const GROUPS: { title: string; fields: BulkField[] }[] = [
  { title: 'General', fields: ['project', 'language', 'agent_speaks_first', 'mock_tools_enabled'] },
  { title: 'Webhook', fields: ['webhook_url', 'webhook_secret'] },
  { title: 'Telephony', fields: ['telephony.inbound'] },
  {
    title: 'Provider',
    fields: ['provider.auto_dial_outbound', 'provider.auto_import_calls', 'provider.auto_sync_prompt', 'provider.send_post_conversation_metadata', 'provider.redact_fields'],
  },
];

const SPEAKS_FIRST = [
  { value: 'agent', label: 'The agent' },
  { value: 'caller', label: 'The caller' },
  { value: 'auto', label: 'Auto-detect' },
];
const ON_OFF = [
  { value: 'true', label: 'On' },
  { value: 'false', label: 'Off' },
];
const ON_OFF_UNSET = [...ON_OFF, { value: '', label: 'Not set' }];

const nullableBool = (text: string): boolean | null => (text === '' ? null : text === 'true');
const humanize = (key: string) => key.replace(/_/g, ' ');

interface BulkFieldsProps {
  draft: BulkDraft;
  onToggle: (field: BulkField, on: boolean) => void;
  onValue: <F extends BulkField>(field: F, value: BulkFieldValues[F]) => void;
  problems: Readonly<Record<string, string>>;
  projects: readonly ApiProject[];
  /** The edit was applied: the form shows what was sent, read-only. */
  locked: boolean;
}

/**
 * The fields a bulk edit may set, each off until its "Change ⟨label⟩" box is ticked (an
 * untouched field is never sent). Labels come from the field catalogue.
 */
export function BulkFields({ draft, onToggle, onValue, problems, projects, locked }: BulkFieldsProps) {
  const control = (field: BulkField): ReactNode => {
    const label = bulkFieldLabel(field);
    const disabled = locked || !draft.on[field];
    const error = draft.on[field] ? problems[field] : undefined;
    const v = draft.values;
    switch (field) {
      case 'project':
        return (
          <NativeSelect
            label={label}
            disabled={disabled}
            error={error}
            value={v.project === 0 ? '' : String(v.project)}
            onChange={(e) => onValue('project', Number(e.currentTarget.value))}
            data={[{ value: '', label: 'Choose a project' }, ...projects.map((p) => ({ value: String(p.id), label: p.name === '' ? `Project ${p.id}` : p.name }))]}
          />
        );
      case 'language':
        return (
          <NativeSelect
            label={label}
            disabled={disabled}
            value={v.language}
            onChange={(e) => onValue('language', e.currentTarget.value as Language)}
            data={Object.entries(LANGUAGES).map(([value, text]) => ({ value, label: text }))}
          />
        );
      case 'agent_speaks_first':
        return (
          <NativeSelect
            label={label}
            disabled={disabled}
            value={v.agent_speaks_first}
            onChange={(e) => onValue('agent_speaks_first', e.currentTarget.value as BulkFieldValues['agent_speaks_first'])}
            data={SPEAKS_FIRST}
          />
        );
      case 'webhook_url':
        return (
          <TextInput
            label={label}
            disabled={disabled}
            error={error}
            type="url"
            placeholder="https://"
            value={v.webhook_url}
            onChange={(e) => onValue('webhook_url', e.currentTarget.value)}
          />
        );
      case 'webhook_secret':
        return (
          <PasswordInput
            label={label}
            description="Write-only: never shown, sent to every agent as typed"
            disabled={disabled}
            error={error}
            autoComplete="new-password"
            value={v.webhook_secret}
            onChange={(e) => onValue('webhook_secret', e.currentTarget.value)}
          />
        );
      case 'mock_tools_enabled':
      case 'telephony.inbound':
        return (
          <NativeSelect label={label} disabled={disabled} value={String(v[field])} onChange={(e) => onValue(field, e.currentTarget.value === 'true')} data={ON_OFF} />
        );
      case 'provider.auto_dial_outbound':
      case 'provider.auto_import_calls':
      case 'provider.auto_sync_prompt':
      case 'provider.send_post_conversation_metadata':
        return (
          <NativeSelect
            label={label}
            disabled={disabled}
            value={v[field] === null ? '' : String(v[field])}
            onChange={(e) => onValue(field, nullableBool(e.currentTarget.value))}
            data={ON_OFF_UNSET}
          />
        );
      case 'provider.redact_fields':
        return (
          <Checkbox.Group
            label={label}
            value={v['provider.redact_fields']}
            // Kept in the API's order, so the same choice is the same value on every agent.
            onChange={(chosen) => onValue('provider.redact_fields', REDACT_FIELDS.filter((f): f is RedactField => chosen.includes(f)))}
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
              {REDACT_FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={humanize(f)} size="xs" disabled={disabled} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        );
    }
  };

  return (
    <Stack gap="md">
      {GROUPS.map((group) => (
        <Fieldset key={group.title} legend={group.title} disabled={locked}>
          <Stack gap="md">
            {group.fields.map((field) => (
              <Stack key={field} gap={6}>
                <Checkbox
                  label={`Change ${bulkFieldLabel(field)}`}
                  checked={draft.on[field]}
                  onChange={(e) => onToggle(field, e.currentTarget.checked)}
                />
                {control(field)}
              </Stack>
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
