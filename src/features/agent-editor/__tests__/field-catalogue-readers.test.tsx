import { screen } from '@testing-library/react';
import fc from 'fast-check';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { buildAgentPatch } from '../../../agent/build-agent-patch';
import { fieldAt, secretFields } from '../../../agent/field-catalogue';
import type { FieldRow } from '../../../agent/field-catalogue';
import { agentFormSchema } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { arbApiAgent, arbEdit } from '../../../testing/agent-arbitraries';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { DynamicVariablesSection } from '../components/dynamic-variables-section';
import { GeneralSection } from '../components/general-section';
import { MockToolsSection } from '../components/mock-tools-section';
import { ProviderSection } from '../components/provider-section';
import { TelephonySection } from '../components/telephony-section';
import { WebhookSection } from '../components/webhook-section';
import { describeChanges } from '../describe-changes';
import { EDITOR_SECTIONS, sectionOfPath } from '../editor-sections';
import { describePatch, maskPatchForDisplay } from '../review-changes';

/** The review, the saved notification and the tabs take every name of a field from the catalogue. */

const arbPatch = fc.tuple(arbApiAgent, fc.array(arbEdit, { minLength: 1, maxLength: 4 })).map(([loaded, edits]) => {
  const values = agentToFormValues(loaded);
  for (const edit of edits) edit(values);
  return { loaded, patch: buildAgentPatch(loaded, values) };
});

describe('readers of the field catalogue', () => {
  it('the review labels every line with its catalogue title (property-based)', () => {
    fc.assert(
      fc.property(arbPatch, ({ loaded, patch }) => {
        for (const line of describePatch(loaded, patch)) {
          const row = fieldAt(line.path);
          expect(row?.title, line.path).toBeTruthy();
          expect(line.label).toBe(row?.title);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the saved notification names each changed field or group by its catalogue label (property-based)', () => {
    fc.assert(
      fc.property(arbPatch, ({ patch }) => {
        const said = describeChanges(patch);
        for (const key of Object.keys(patch)) expect(said).toContain(fieldAt(key)?.label);
      }),
      { numRuns: 200 },
    );
  });

  it('the review masks every catalogue secret of a PATCH body', () => {
    for (const field of secretFields()) {
      const body: Record<string, unknown> = {};
      const keys = field.path.split('.');
      const last = keys.pop() ?? '';
      const parent = keys.reduce<Record<string, unknown>>((node, key) => (node[key] = {}), body);
      parent[last] = 'S3CR3T';
      expect(JSON.stringify(maskPatchForDisplay(body)), field.path).not.toContain('S3CR3T');
    }
  });

  it('every form field has a tab, and a tab marks the fields the catalogue puts in it', () => {
    const formFields = Object.keys(agentFormSchema.shape);
    expect(EDITOR_SECTIONS.flatMap((s) => s.fields).sort()).toEqual([...formFields].sort());
    for (const section of EDITOR_SECTIONS) {
      for (const field of section.fields) expect(fieldAt(field)?.section).toBe(section.value);
    }
    expect(sectionOfPath('provider.config.trigger_url')?.value).toBe('provider');
    expect(sectionOfPath('dynamic_variables.3.name')?.label).toBe('Dynamic variables');
    expect(sectionOfPath('root.server')).toBeUndefined();
  });
});

/** The catalogue's labels are the ones each tab shows (a label's accessible name, a legend, a group). */
describe('the catalogue labels are the editor’s', () => {
  const agent = sampleAgent({
    telephony: {
      phone_number: '+14155551234',
      inbound: false,
      sip_uri: 'sip:agent@pbx.example.com',
      sip_auth: { username: 'agent', password: 'pw' },
      websocket_url: 'wss://voice.example.com',
      websocket_auth: { username: 'ws', password: 'ws-pw' },
      outbound_numbers: [],
    },
  });
  const values = agentToFormValues(agent);
  values.mock_tools.forEach((t) => {
    t.freetext_params = [{ value: 'notes' }];
  });

  /** The catalogue rows of the form's inputs in a tab (indexed labels, "Outbound number 1", aside). */
  function rowsShownIn(section: string): FieldRow[] {
    const paths = new Set<string>();
    const walk = (node: unknown, prefix: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${prefix}.${i}`));
      else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, prefix === '' ? k : `${prefix}.${k}`);
      else paths.add(prefix);
    };
    walk(values, '');
    const rows = [...paths].map((p) => fieldAt(p)).filter((row): row is FieldRow => row?.section === section && row.label !== '');
    return [...new Map(rows.filter((r) => r.path !== 'telephony.outbound_numbers').map((r) => [r.path, r])).values()];
  }

  const tabs: [string, ComponentType][] = [
    ['general', GeneralSection],
    ['telephony', TelephonySection],
    ['provider', ProviderSection],
    ['mock-tools', MockToolsSection],
    ['dynamic-variables', DynamicVariablesSection],
    ['webhook', WebhookSection],
  ];

  it.each(tabs)('%s', (section, Component) => {
    renderEditorSection(<Component />, { agent });
    const rows = rowsShownIn(section);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const named = [
        // A required field's label ends with Mantine's asterisk.
        ...screen.queryAllByLabelText((text) => text.replace(/\s*\*$/, '') === row.label),
        ...screen.queryAllByRole('radiogroup', { name: row.label }),
        ...screen.queryAllByRole('group', { name: row.label }),
        ...screen.queryAllByRole('switch', { name: row.label }),
      ];
      expect(named.length, `${row.path}: “${row.label}”`).toBeGreaterThan(0);
    }
  });
});
