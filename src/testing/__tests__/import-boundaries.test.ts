import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../../eslint.boundaries.js';

// The layer rules alone (no type-aware rules), over sources that exist only in this test.
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
});

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const violations: [string, string][] = [
  ['src/agent/probe.ts', "import { apiFetch } from '../api/client';"],
  ['src/agent/probe.ts', "import { useState } from 'react';"],
  ['src/agent/probe.ts', "import { x } from '../features/agent-editor/change-feed';"],
  ['src/api/probe.ts', "import { x } from '../features/agent-editor/use-save-agent';"],
  ['src/api/__tests__/probe.test.ts', "import { x } from '../../features/agent-editor/use-save-agent';"],
  ['src/features/agents-list/probe.tsx', "import { x } from '../agent-editor/change-feed';"],
  ['src/features/agent-editor/components/probe.tsx', "import { x } from '../../sign-in/sign-in-screen';"],
  ['src/features/agent-editor/knowledge-base/components/probe.tsx', "import { x } from '../../agent-editor-page';"],
  ['src/features/agent-editor/knowledge-base/probe.ts', "import { x } from '../use-save-agent';"],
  ['src/features/agent-editor/knowledge-base/__tests__/probe.test.tsx', "import { x } from '../../change-feed';"],
  ['src/app/probe.tsx', "import { x } from '../emulator/handler';"],
  ['src/features/sign-in/probe.tsx', "import { x } from '../../emulator/handler';"],
  ['src/emulator/probe.ts', "import { x } from '../api/client';"],
  ['src/features/agent-editor/components/probe.tsx', "import { useController } from 'react-hook-form';"],
];

const allowed: [string, string][] = [
  ['src/agent/probe.ts', "import { x } from './mapping';"],
  ['src/agent/__tests__/probe.test.ts', "import { x } from '../../testing/fixtures';"],
  ['src/api/probe.ts', "import { x } from '../agent/api-schema';"],
  ['src/features/agent-editor/components/probe.tsx', "import { x } from '../../../api/client';"],
  ['src/features/agent-editor/probe.tsx', "import { x } from './knowledge-base/components/knowledge-base-section';"],
  ['src/features/agent-editor/knowledge-base/components/probe.tsx', "import { x } from '../../loaded-agent-context';"],
  ['src/features/agent-editor/knowledge-base/components/probe.tsx', "import { x } from '../pending-files';"],
  ['src/features/agent-editor/knowledge-base/components/probe.tsx', "import { x } from '../../../../utils/format-bytes';"],
  ['src/emulator/probe.ts', "import { x } from '../agent/apply-agent-patch';"],
  ['src/app/router.tsx', "import { x } from '../features/agent-editor/agent-editor-page';"],
  ['src/features/agent-editor/components/probe.tsx', "import { useFieldArray, useFormContext } from 'react-hook-form';"],
];

describe('import boundaries (npm run lint)', () => {
  it.each(violations)('refuses, in %s: %s', async (filePath, code) => {
    const messages = await messagesFor(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
  });

  it.each(allowed)('allows, in %s: %s', async (filePath, code) => {
    expect(await messagesFor(filePath, code)).toEqual([]);
  });
});
