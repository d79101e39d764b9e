import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { agentToFormValues } from '../../../../agent/mapping';
import { mergeAgentEdits, resolveConflicts } from '../../../../agent/merge-agent-edits';
import type { MergeResult } from '../../../../agent/merge-agent-edits';
import { sampleAgent } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { ConflictDialog } from '../conflict-dialog';
import { catalogueLabelOf } from '../field-labels';
import { useConflictPrompt } from '../use-conflict-prompt';

/** Both sides changed the description, the phone number and the SIP auth; only I renamed. */
function conflictingMerge(): MergeResult {
  const base = sampleAgent();
  const mine = agentToFormValues(base);
  mine.name = 'Mine renamed';
  mine.description = 'My description.';
  mine.telephony.phone_number = '+14155550001';
  mine.telephony.sip_auth = { username: 'anna', password: 'anna-secret' };
  const theirs = sampleAgent({
    description: 'Their description.',
    telephony: { ...base.telephony, phone_number: '+14155550002', sip_auth: { username: 'carl', password: 'carl-secret' } },
    updated_at: '2026-02-01T00:00:00Z',
  });
  return mergeAgentEdits(base, mine, theirs, { labelOf: catalogueLabelOf });
}

describe('ConflictDialog', () => {
  it('lists each conflicting field as a radio group named by its label, Keep mine by default, values in words', () => {
    const result = conflictingMerge();
    renderWithProviders(<ConflictDialog conflicts={result.conflicts} confirmLabel="Save merged" onConfirm={vi.fn()} onCancel={vi.fn()} />);

    const dialog = screen.getByRole('dialog', { name: 'Someone else changed this agent' });
    const groups = within(dialog).getAllByRole('radiogroup');
    expect(groups).toHaveLength(3);
    for (const label of ['Description', 'Phone number', 'SIP auth']) {
      const group = within(dialog).getByRole('radiogroup', { name: label });
      expect(within(group).getByRole('radio', { name: 'Keep mine' })).toBeChecked();
      expect(within(group).getByRole('radio', { name: 'Take theirs' })).not.toBeChecked();
    }
    const description = within(dialog).getByRole('radiogroup', { name: 'Description' });
    expect(description).toHaveTextContent('Loaded“Answers billing questions.”');
    expect(description).toHaveTextContent('Theirs“Their description.”');
    expect(description).toHaveTextContent('Mine“My description.”');
    // A password is never shown.
    expect(within(dialog).getByRole('radiogroup', { name: 'SIP auth' })).toHaveTextContent('user “carl”, password hidden');
    expect(dialog).not.toHaveTextContent(/anna-secret|carl-secret|\bpw\b/);
  });

  it('Save merged hands over the choices made; the form values follow them', async () => {
    const result = conflictingMerge();
    const onConfirm = vi.fn();
    const { user } = renderWithProviders(<ConflictDialog conflicts={result.conflicts} confirmLabel="Save merged" onConfirm={onConfirm} onCancel={vi.fn()} />);

    await user.click(within(screen.getByRole('radiogroup', { name: 'Description' })).getByRole('radio', { name: 'Take theirs' }));
    await user.click(screen.getByRole('button', { name: 'Save merged' }));

    expect(onConfirm).toHaveBeenCalledTimes(1);
    const choices = onConfirm.mock.calls[0]?.[0] as Record<string, 'mine' | 'theirs'>;
    expect(choices).toEqual({ description: 'theirs', 'telephony.phone_number': 'mine', 'telephony.sip_auth': 'mine' });
    const values = resolveConflicts(result, choices);
    expect(values.description).toBe('Their description.');
    expect(values.telephony.phone_number).toBe('+14155550001');
    expect(values.name).toBe('Mine renamed');
  });

  it('Cancel settles nothing', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderWithProviders(
      <ConflictDialog conflicts={conflictingMerge().conflicts} confirmLabel="Save merged" onConfirm={onConfirm} onCancel={onCancel} />,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('useConflictPrompt', () => {
  function Asker({ result, label }: { result: MergeResult; label: string }) {
    const { ask, dialog } = useConflictPrompt();
    const [answer, setAnswer] = useState('none yet');
    return (
      <>
        <button type="button" onClick={() => void ask(result, label).then((choices) => setAnswer(JSON.stringify(choices)))}>
          Ask
        </button>
        <output aria-label="Answer">{answer}</output>
        {dialog}
      </>
    );
  }

  it('Apply to my edits resolves with the choices and closes the dialog', async () => {
    const { user } = renderWithProviders(<Asker result={conflictingMerge()} label="Apply to my edits" />);
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this agent' });
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'Phone number' })).getByRole('radio', { name: 'Take theirs' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to my edits' }));

    expect(await screen.findByText('{"description":"mine","telephony.phone_number":"theirs","telephony.sip_auth":"mine"}')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Someone else changed this agent' })).not.toBeInTheDocument();
  });

  it('Cancel resolves with null', async () => {
    const { user } = renderWithProviders(<Asker result={conflictingMerge()} label="Apply to my edits" />);
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('null')).toBeInTheDocument();
  });
});
