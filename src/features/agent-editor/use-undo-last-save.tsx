import { Button, Group, List, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { buildAgentPatch } from '../../agent/build-agent-patch';
import type { AgentFormValues } from '../../agent/form-schema';
import { agentToFormValues } from '../../agent/mapping';
import { mergeAgentEdits, resolveConflicts } from '../../agent/merge-agent-edits';
import { buildUndoPatch } from '../../agent/undo-patch';
import { readLatestAgent } from '../../api/read-latest-agent';
import { useUpdateAgent } from '../../api/use-update-agent';
import { hideSavedNotification } from './components/saved-notification';
import { describeChanges } from './describe-changes';
import { forgetLastSave, getLastSave, registerUndoHandler, setUndoing } from './last-save-store';
import { catalogueLabelOf } from './merge/field-labels';
import { sendOntoLatest } from './merge/send-onto-latest';
import type { AskConflicts } from './merge/use-conflict-prompt';

interface UndoOptions {
  form: UseFormReturn<AgentFormValues>;
  baseline: ApiAgent;
  /** The agent after the undo, when the form has no edits: its new baseline. */
  onSaved: (agent: ApiAgent) => void;
  /** The agent after the undo with the form's unsaved edits merged onto it. */
  onRebase: (agent: ApiAgent, values: AgentFormValues) => void;
  askConflicts: AskConflicts;
}

interface CannotUndoQuestion {
  items: string[];
  answer: (go: boolean) => void;
}

function CannotUndoDialog({ question }: { question: CannotUndoQuestion }) {
  return (
    <Modal opened onClose={() => question.answer(false)} title="Undo cannot put everything back" centered>
      <Text size="sm">Undo puts back the agent as it was before the save, except:</Text>
      <List size="sm" mt="xs" spacing={4}>
        {question.items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => question.answer(false)} data-autofocus>
          Cancel
        </Button>
        <Button onClick={() => question.answer(true)}>Undo the rest</Button>
      </Group>
    </Modal>
  );
}

/**
 * Runs `undoLastSave()` for the open editor: the inverse minimal PATCH of the last save
 * (`buildUndoPatch`), merged onto the agent if it changed since (as a save is); the answer
 * becomes the baseline, and unsaved edits are merged onto it. Render `dialog` once.
 */
export function useUndoLastSave({ form, baseline, onSaved, onRebase, askConflicts }: UndoOptions): { dialog: ReactNode } {
  const mutation = useUpdateAgent(baseline.id);
  const [question, setQuestion] = useState<CannotUndoQuestion | null>(null);

  const confirmCannotUndo = (items: string[]) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        items,
        answer: (go) => {
          setQuestion(null);
          resolve(go);
        },
      }),
    );

  /** The form after the undo: its edits (if any) kept, merged onto the agent as undone. */
  async function settleForm(undone: ApiAgent) {
    const values = form.getValues();
    if (Object.keys(buildAgentPatch(baseline, values)).length === 0) {
      onSaved(undone);
      form.reset(agentToFormValues(undone));
      return;
    }
    const result = mergeAgentEdits(baseline, values, undone, { labelOf: catalogueLabelOf });
    const choices = result.conflicts.length > 0 ? await askConflicts(result, 'Apply to my edits') : {};
    onRebase(undone, resolveConflicts(result, choices ?? {}));
  }

  async function undo() {
    const last = getLastSave();
    if (last?.agentId !== baseline.id) return;
    const plan = buildUndoPatch(last.before, last.after, last.sent, catalogueLabelOf);
    if (plan.cannotUndo.length > 0 && !(await confirmCannotUndo(plan.cannotUndo))) return;
    setUndoing(true);
    try {
      const outcome = await sendOntoLatest(last.after, plan.values, {
        readLatest: () => readLatestAgent(baseline.id),
        send: (patch) => mutation.mutateAsync(patch),
        ask: askConflicts,
        confirmLabel: 'Save merged',
      });
      if (outcome.status === 'cancelled') return;
      forgetLastSave();
      hideSavedNotification();
      if (outcome.status === 'sent') {
        notifications.show({ color: 'green', title: 'Save undone', message: `Put back ${describeChanges(outcome.patch)}.` });
        await settleForm(outcome.after);
      } else {
        notifications.show({ color: 'blue', title: 'Nothing to undo', message: 'The agent already is as it was before that save.' });
        await settleForm(outcome.latest);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/\.$/, '') : 'The request failed';
      notifications.show({ color: 'red', title: 'Could not undo the save', message: `${message}. Nothing was changed.` });
    } finally {
      setUndoing(false);
    }
  }

  // One handler for the store, always running this render's `undo` (its baseline and form).
  const latestUndo = useRef(undo);
  useEffect(() => {
    latestUndo.current = undo;
  });
  useEffect(() => registerUndoHandler(() => latestUndo.current()), []);

  return { dialog: question && <CannotUndoDialog question={question} /> };
}
