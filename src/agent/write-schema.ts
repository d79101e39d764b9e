import { z } from 'zod';
import { CHAT_AGENT_TYPES, LANGUAGE_CODES, PROVIDER_TYPES, REDACT_FIELDS } from './constants';
import {
  E164_RULE,
  hasUrlScheme,
  KNOWLEDGE_BASE_FILE_RULE,
  MOCK_TOOL_NAME_RULE,
  SIP_URI_RULE,
  URL_SERVER_MESSAGE,
  VARIABLE_NAME_RULE,
} from './rules';
import type { UrlKind } from './rules';

/**
 * What the API accepts in a PATCH body, checked the way the server would. The emulator answers
 * a body that fails it with a DRF-shaped 400. Unknown and read-only keys are ignored.
 */

const urlOfKind = (kind: UrlKind) => z.string().refine((v) => hasUrlScheme(v, kind), { error: URL_SERVER_MESSAGE });

const phone = z.string().refine((v) => v === '' || E164_RULE.pattern.test(v), { error: E164_RULE.serverMessage });

const telephonyWriteSchema = z.looseObject({
  phone_number: phone.optional(),
  inbound: z.boolean().optional(),
  sip_uri: z.string().regex(SIP_URI_RULE.pattern, SIP_URI_RULE.serverMessage).nullable().optional(),
  sip_auth: z.unknown().optional(),
  websocket_url: urlOfKind('websocket').nullable().optional(),
  websocket_auth: z.unknown().optional(),
  outbound_numbers: z.array(z.string().regex(E164_RULE.pattern, E164_RULE.serverMessage)).optional(),
});

const providerWriteSchema = z.looseObject({
  type: z.enum(PROVIDER_TYPES).optional(),
  agent_id: z.string().nullable().optional(),
  credentials: z
    .looseObject({
      api_key: z.string().optional(),
      config: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .nullable()
    .optional(),
  chat_agent_details: z
    .looseObject({
      type: z.enum(CHAT_AGENT_TYPES).optional(),
      config: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .nullable()
    .optional(),
  auto_dial_outbound: z.boolean().nullable().optional(),
  auto_import_calls: z.boolean().nullable().optional(),
  auto_sync_prompt: z.boolean().nullable().optional(),
  send_post_conversation_metadata: z.boolean().nullable().optional(),
  redact_fields: z.array(z.enum(REDACT_FIELDS)).nullable().optional(),
  configure_from_provider: z.boolean().optional(),
});

const kbFileWriteSchema = z
  .looseObject({
    id: z.number().int().optional(),
    file_name: z.string().optional(),
    name: z.string().optional(),
    content_base64: z.string().optional(),
  })
  .superRefine((item, ctx) => {
    if (item.id !== undefined) return;
    const fileName = item.file_name ?? item.name;
    if (fileName === undefined) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: 'This field is required.' });
      return;
    }
    if (!KNOWLEDGE_BASE_FILE_RULE.hasAllowedType(fileName)) {
      ctx.addIssue({ code: 'custom', path: ['file_name'], message: KNOWLEDGE_BASE_FILE_RULE.messages.serverType });
    }
    if (item.content_base64 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['content_base64'], message: 'This field is required.' });
    }
  });

const mockToolWriteSchema = z.looseObject({
  id: z.number().int().optional(),
  name: z.string().regex(MOCK_TOOL_NAME_RULE.pattern, MOCK_TOOL_NAME_RULE.serverMessage).optional(),
  description: z.string().optional(),
  mock_data: z.unknown().optional(),
  freetext_params: z.array(z.string()).optional(),
  served_via: z
    .looseObject({ type: z.enum(['direct', 'mcp']).default('direct'), mock_index: z.number().int().min(1).optional() })
    .refine((s) => s.type !== 'mcp' || s.mock_index !== undefined, {
      error: 'mock_index is required when type is mcp.',
      path: ['mock_index'],
    })
    .optional(),
});

const variableWriteSchema = z.looseObject({
  id: z.number().int().optional(),
  name: z.string().max(255).regex(VARIABLE_NAME_RULE.pattern, VARIABLE_NAME_RULE.serverMessage),
  description: z.string(),
});

export const agentWriteSchema = z.looseObject({
  name: z.string().max(255, 'Ensure this field has no more than 255 characters.').optional(),
  description: z.string().optional(),
  project: z.number().int().optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  agent_speaks_first: z.boolean().nullable().optional(),
  email_id: z.email('Enter a valid email address.').max(254).nullable().optional(),
  mock_tools_enabled: z.boolean().optional(),
  predefined_metrics: z.unknown().optional(),
  webhook_url: z.union([z.literal(''), urlOfKind('http')]).optional(),
  webhook_secret: z.string().optional(),
  telephony: telephonyWriteSchema.optional(),
  provider: providerWriteSchema.optional(),
  knowledge_base_files: z.array(kbFileWriteSchema).optional(),
  mock_tools: z.array(mockToolWriteSchema).optional(),
  dynamic_variables: z.array(variableWriteSchema).optional(),
});
