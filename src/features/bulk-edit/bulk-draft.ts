import { BULK_FIELDS } from '../../agent/bulk-patch';
import type { BulkEditSpec, BulkField, BulkFieldValues, BulkMockTool, BulkRemoval, BulkVariable } from '../../agent/bulk-patch';

/**
 * What the bulk editor's form holds: every field's value and whether it is turned on (only those
 * are sent), and the collection operations. Kept in memory only: the webhook secret typed here
 * is never stored or put in the URL.
 */
export interface BulkDraft {
  on: Readonly<Record<BulkField, boolean>>;
  /** `project` 0: none chosen yet. */
  values: BulkFieldValues;
  variables: BulkVariable[];
  tools: BulkMockTool[];
  removals: BulkRemoval[];
}

export const INITIAL_BULK_DRAFT: BulkDraft = {
  on: Object.fromEntries(BULK_FIELDS.map((field) => [field, false])) as Record<BulkField, boolean>,
  values: {
    project: 0,
    language: 'en',
    agent_speaks_first: 'auto',
    webhook_url: '',
    webhook_secret: '',
    mock_tools_enabled: true,
    'telephony.inbound': true,
    'provider.auto_dial_outbound': true,
    'provider.auto_import_calls': true,
    'provider.auto_sync_prompt': true,
    'provider.send_post_conversation_metadata': true,
    'provider.redact_fields': [],
  },
  variables: [],
  tools: [],
  removals: [],
};

/** The bulk edit the draft describes: the fields turned on, and the operations as typed. */
export function specOfDraft(draft: BulkDraft): BulkEditSpec {
  const fields: Partial<Record<BulkField, unknown>> = {};
  for (const field of BULK_FIELDS) if (draft.on[field]) fields[field] = draft.values[field];
  return { fields: fields as BulkEditSpec['fields'], variables: draft.variables, tools: draft.tools, removals: draft.removals };
}
