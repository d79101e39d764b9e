import { Button, Checkbox, Fieldset, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
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

/** A select's first option while the field is left out of the edit. */
const KEEP = '__keep';
const KEEP_OPTION = { value: KEEP, label: 'Keep as is' };

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
 * The fields a bulk edit may set. Each is left out ("Keep as is") until the user sets it: a
 * select's first option keeps it, a text field counts once something is typed; **Keep ⟨label⟩
 * as is** takes a field out again. An untouched field is never sent. Labels come from the field
 * catalogue, and each input's label is that label alone (no other control is named after it).
 */
export function BulkFields({ draft, onToggle, onValue, problems, projects, locked }: BulkFieldsProps) {
  const control = (field: BulkField): ReactNode => {
    const label = bulkFieldLabel(field);
    const on = draft.on[field];
    const error = on ? problems[field] : undefined;
    const v = draft.values;
    /** A select: "Keep as is" leaves the field out; any other choice sets it. */
    const select = (value: string, data: { value: string; label: string }[], set: (text: string) => void) => (
      <NativeSelect
        label={label}
        error={error}
        value={on ? value : KEEP}
        onChange={(e) => {
          const text = e.currentTarget.value;
          if (text === KEEP) onToggle(field, false);
          else set(text);
        }}
        data={[KEEP_OPTION, ...data]}
      />
    );
    /** A text: typing sets the field; emptied, it is left out again. */
    const typed = (text: string, set: (text: string) => void) => {
      set(text);
      if (text === '') onToggle(field, false);
    };
    switch (field) {
      case 'project':
        return select(
          String(v.project),
          projects.map((p) => ({ value: String(p.id), label: p.name === '' ? `Project ${p.id}` : p.name })),
          (text) => onValue('project', Number(text)),
        );
      case 'language':
        return select(
          v.language,
          Object.entries(LANGUAGES).map(([value, text]) => ({ value, label: text })),
          (text) => onValue('language', text as Language),
        );
      case 'agent_speaks_first':
        return select(v.agent_speaks_first, SPEAKS_FIRST, (text) => onValue('agent_speaks_first', text as BulkFieldValues['agent_speaks_first']));
      case 'webhook_url':
        return (
          <TextInput
            label={label}
            description={on ? undefined : 'Keep as is: type a URL to set it on every agent'}
            error={error}
            type="url"
            placeholder="https://"
            value={v.webhook_url}
            onChange={(e) => typed(e.currentTarget.value, (text) => onValue('webhook_url', text))}
          />
        );
      case 'webhook_secret':
        return (
          <PasswordInput
            label={label}
            description="Write-only: never shown, sent to every agent as typed"
            error={error}
            autoComplete="new-password"
            value={v.webhook_secret}
            onChange={(e) => typed(e.currentTarget.value, (text) => onValue('webhook_secret', text))}
          />
        );
      case 'mock_tools_enabled':
      case 'telephony.inbound':
        return select(String(v[field]), ON_OFF, (text) => onValue(field, text === 'true'));
      case 'provider.auto_dial_outbound':
      case 'provider.auto_import_calls':
      case 'provider.auto_sync_prompt':
      case 'provider.send_post_conversation_metadata':
        return select(v[field] === null ? '' : String(v[field]), ON_OFF_UNSET, (text) => onValue(field, nullableBool(text)));
      case 'provider.redact_fields':
        return (
          <Checkbox.Group
            label={label}
            description={on ? undefined : 'Keep as is: tick the fields to redact to set them on every agent'}
            value={v['provider.redact_fields']}
            // Kept in the API's order, so the same choice is the same value on every agent.
            onChange={(chosen) => onValue('provider.redact_fields', REDACT_FIELDS.filter((f): f is RedactField => chosen.includes(f)))}
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mt="xs">
              {REDACT_FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={humanize(f)} size="xs" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        );
    }
  };

  /** Leaves `field` out again, its text emptied (a secret typed here is dropped). */
  const keep = (field: BulkField) => {
    if (field === 'webhook_url' || field === 'webhook_secret') onValue(field, '');
    onToggle(field, false);
  };

  return (
    <Stack gap="md">
      {GROUPS.map((group) => (
        <Fieldset key={group.title} legend={group.title} disabled={locked}>
          <Stack gap="md">
            {group.fields.map((field) => (
              <Stack key={field} gap={4}>
                {control(field)}
                {draft.on[field] && (
                  <Button variant="subtle" size="compact-xs" style={{ alignSelf: 'flex-start' }} onClick={() => keep(field)}>
                    Keep {bulkFieldLabel(field)} as is
                  </Button>
                )}
              </Stack>
            ))}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
