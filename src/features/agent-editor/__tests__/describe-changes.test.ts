import { describe, expect, it } from 'vitest';
import { describeChanges } from '../describe-changes';

describe('describeChanges', () => {
  it('names the changed sections in the user’s words', () => {
    expect(describeChanges({ name: 'A' })).toBe('Name');
    expect(describeChanges({ name: 'A', language: 'fr' })).toBe('Name and Language');
    expect(describeChanges({ name: 'A', telephony: {}, agent_speaks_first: null })).toBe(
      'Name, Telephony and Agent speaks first',
    );
  });
});
