// The layers of the app, enforced: app → features → api → agent; emulator → agent.
//   - src/agent (the domain) imports nothing of the app and no UI or data library;
//   - src/api imports no feature and nothing of the app shell;
//   - a feature imports no other feature;
//   - the editor's knowledge base reaches its parent only through the context it is given;
//   - nothing in the app imports src/emulator (Node-only; vite.config.ts mounts it).
// Written with ESLint's own `no-restricted-imports`, so it needs no plugin. Relative imports
// are matched by what they climb to: `(../)+api/` is src/api from anywhere below src.

const up = String.raw`^(\.\./)+`;
const FEATURES = ['agent-editor', 'agents-list', 'bulk-edit', 'sign-in'];
const UI_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'react-hook-form', '@mantine/*', '@tanstack/*', '@hookform/*'];

const rule = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });
const layer = (names, message) => ({ regex: `${up}(${names.join('|')})(/|$)`, message });

const NO_EMULATOR = layer(['emulator'], 'The emulator is Node-only: the app never imports it.');

/** The editor's inputs tell its change feed of each change: they take their field from form-controls. */
const EDITOR_FIELDS = {
  name: 'react-hook-form',
  importNames: ['useController', 'Controller'],
  message: 'Take an editor field from useFieldController / useEditorRegister (form-controls.tsx): the change feed hears no keystroke otherwise.',
};

/** One block per layer: files, and what they may not import. */
export const boundaries = [
  {
    files: ['src/agent/**/*.{ts,tsx}'],
    ignores: ['src/agent/**/__tests__/**'],
    rules: rule([
      layer(['api', 'features', 'app', 'ui', 'utils', 'emulator', 'testing'], 'src/agent is the domain: it imports nothing of the app.'),
      { group: UI_LIBRARIES, message: 'src/agent is pure: no React, no UI or data library.' },
    ]),
  },
  {
    files: ['src/agent/**/__tests__/**/*.{ts,tsx}'],
    rules: rule([layer(['api', 'features', 'app', 'ui', 'emulator'], 'Tests of src/agent stay in the domain (and src/testing).')]),
  },
  {
    files: ['src/api/**/*.{ts,tsx}'],
    rules: rule([layer(['features', 'app', 'emulator'], 'src/api imports no feature and nothing of the app shell.')]),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/utils/**/*.{ts,tsx}'],
    rules: rule([layer(['features', 'app', 'api', 'emulator'], 'Shared UI and utilities sit below the features.')]),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: feature === 'agent-editor' ? ['src/features/agent-editor/knowledge-base/**'] : [],
    rules: rule(
      [
        layer(
          FEATURES.filter((other) => other !== feature).map((other) => `(features/)?${other}`),
          `A feature imports no other feature: share through src/ui, src/api or src/agent instead.`,
        ),
        layer(['app'], 'Features sit below the app shell.'),
        NO_EMULATOR,
      ],
      feature === 'agent-editor' ? [EDITOR_FIELDS] : [],
    ),
  })),
  // A part of the editor: its parent reaches it through props; it reaches back only through the
  // context the editor provides (the loaded agent). One block per folder depth, so that `../`
  // is known to land in the editor (and not in a folder of the knowledge base itself).
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/features/agent-editor/knowledge-base/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: rule([
      {
        regex: String.raw`^(\.\./){${depth + 1}}(?!loaded-agent-context$|knowledge-base(/|$)|\.\./)`,
        message: 'The knowledge base reaches the editor only through the context it is given (loaded-agent-context).',
      },
      layer(['app', ...FEATURES.filter((f) => f !== 'agent-editor').map((f) => `(features/)?${f}`)], 'The knowledge base imports no other feature.'),
      NO_EMULATOR,
    ]),
  })),
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx', 'src/testing/**/*.{ts,tsx}'],
    ignores: ['src/app/**/__tests__/**'],
    rules: rule([NO_EMULATOR]),
  },
  {
    files: ['src/emulator/**/*.{ts,tsx}'],
    rules: rule([layer(['api', 'features', 'app', 'ui'], 'The emulator speaks the domain (src/agent), never the app.')]),
  },
];
