import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDrfError, mapDrfErrors, zodIssuesToDrf } from '../drf-errors';

describe('mapDrfErrors', () => {
  it('maps nested and indexed DRF paths to form paths', () => {
    expect(
      mapDrfErrors({
        name: ['This field may not be blank.'],
        telephony: { sip_uri: ['Enter a valid SIP URI.'] },
        mock_tools: [{}, { name: ['Duplicate name.'] }],
        non_field_errors: ['Agent is locked.'],
      }),
    ).toEqual([
      { path: 'name', message: 'This field may not be blank.' },
      { path: 'telephony.sip_uri', message: 'Enter a valid SIP URI.' },
      { path: 'mock_tools.1.name', message: 'Duplicate name.' },
      { path: 'root', message: 'Agent is locked.' },
    ]);
  });

  it('renames API paths the form holds elsewhere', () => {
    expect(
      mapDrfErrors({
        provider: {
          credentials: { api_key: ['Invalid key.'], config: { trigger_url: ['Enter a valid URL.'] } },
          chat_agent_details: { type: ['Not compatible.'] },
        },
        mock_tools: [{ served_via: { mock_index: ['Must be ≥ 1.'] } }],
        telephony: { outbound_numbers: { '1': ['Bad number.'] } },
        detail: 'Not found.',
      }).map((e) => e.path),
    ).toEqual([
      'provider.api_key',
      'provider.config.trigger_url',
      'provider.chat_type',
      'mock_tools.0.mock_index',
      'telephony.outbound_numbers.1.value',
      'root',
    ]);
  });

  it('ignores values that are not messages', () => {
    expect(mapDrfErrors({ count: 3, ok: null })).toEqual([]);
    expect(mapDrfErrors('Server error')).toEqual([{ path: 'root', message: 'Server error' }]);
  });
});

describe('zodIssuesToDrf', () => {
  it('builds the DRF shape with list items padded by {}', () => {
    const schema = z.object({ tools: z.array(z.object({ name: z.string().min(1, 'Required.') })), t: z.object({ a: z.number() }) });
    const result = schema.safeParse({ tools: [{ name: 'ok' }, { name: '' }], t: { a: 'x' } });
    expect(result.success).toBe(false);
    const body = zodIssuesToDrf(result.error?.issues ?? []);
    expect(body.tools).toEqual([{}, { name: ['Required.'] }]);
    expect(body.t).toEqual({ a: [expect.any(String)] });
  });

  it('collects several messages at one path', () => {
    const body: Record<string, unknown> = {};
    addDrfError(body, ['name'], 'one');
    addDrfError(body, ['name'], 'two');
    expect(body).toEqual({ name: ['one', 'two'] });
  });
});
