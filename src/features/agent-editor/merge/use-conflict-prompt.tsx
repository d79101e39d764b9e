import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { MergeResult } from '../../../agent/merge-agent-edits';
import { ConflictDialog } from './conflict-dialog';
import type { ConflictChoices } from './conflict-dialog';

/** Asks the user to settle a merge's conflicts: their choices, or `null` when they cancel. */
export type AskConflicts = (result: MergeResult, confirmLabel: string) => Promise<ConflictChoices | null>;

interface Question {
  id: number;
  result: MergeResult;
  confirmLabel: string;
  answer: (choices: ConflictChoices | null) => void;
}

/**
 * The editor's one conflict dialog, asked as a promise: `ask(result, 'Save merged')` opens it
 * and resolves with the choices (or `null` on Cancel). Render `dialog` once.
 *
 * @example const { ask, dialog } = useConflictPrompt(); const choices = await ask(result, 'Apply to my edits');
 */
export function useConflictPrompt(): { ask: AskConflicts; dialog: ReactNode } {
  const [question, setQuestion] = useState<Question | null>(null);
  const current = useRef<Question | null>(null);
  const asked = useRef(0);

  const ask = useCallback<AskConflicts>(
    (result, confirmLabel) =>
      new Promise((resolve) => {
        current.current?.answer(null); // one question at a time: a newer one replaces it
        asked.current += 1;
        const next: Question = {
          id: asked.current,
          result,
          confirmLabel,
          answer: (choices) => {
            if (current.current === next) current.current = null;
            setQuestion((shown) => (shown === next ? null : shown));
            resolve(choices);
          },
        };
        current.current = next;
        setQuestion(next);
      }),
    [],
  );

  const dialog = question && (
    <ConflictDialog
      key={question.id}
      conflicts={question.result.conflicts}
      confirmLabel={question.confirmLabel}
      onConfirm={(choices) => question.answer(choices)}
      onCancel={() => question.answer(null)}
    />
  );
  return { ask, dialog };
}
