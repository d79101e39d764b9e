import { describe, expect, it } from 'vitest';
import { loadPatchValidator, openApiAvailable, OPENAPI_PATH } from '../openapi-validator';

describe('the OpenAPI validator used by the property tests', () => {
  it('rejects bodies that break PatchedSchemaPostAIAgentV2, accepts good ones', (ctx) => {
    if (!openApiAvailable) ctx.skip(`Cekura's OpenAPI document is not at ${OPENAPI_PATH}`);
    const validate = loadPatchValidator();
    expect(validate({ name: 'ok', telephony: { sip_auth: null }, provider: { credentials: { config: { trigger_url: 'x' } } } })).toBe(true);
    expect(validate({ telephony: { inbound: 'yes' } })).toBe(false);
    expect(validate({ webhook_url: 'not a url' })).toBe(false);
    expect(validate({ dynamic_variables: [{ name: 'x' }] })).toBe(false);
    expect(validate({ language: 'klingon' })).toBe(false);
    expect(validate({ mock_tools: [{ served_via: { type: 'mcp', mock_index: 0 } }] })).toBe(false);
    expect(validate({ name: 'x'.repeat(256) })).toBe(false);
  });
});
