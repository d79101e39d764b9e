import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildAgentPatch, buildAgentPatchPart } from '../../../agent/build-agent-patch';
import { agentToFormValues, WRITTEN_FORM_KEYS } from '../../../agent/mapping';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { useAgentDiff } from '../agent-changes-context';
import { createAgentChangeFeed } from '../change-feed';
import { DynamicVariablesSection } from '../components/dynamic-variables-section';

// The real diff, watched: which parts the feed diffs again.
vi.mock('../../../agent/build-agent-patch', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../agent/build-agent-patch')>();
  return { ...actual, buildAgentPatchPart: vi.fn(actual.buildAgentPatchPart) };
});

/** Shows the feed's current PATCH, as every reader of the feed sees it. */
function PatchProbe() {
  return <output aria-label="Current patch">{JSON.stringify(useAgentDiff())}</output>;
}

const shownPatch = () => JSON.parse(screen.getByRole('status', { name: 'Current patch' }).textContent) as unknown;

describe('the change feed', () => {
  it('follows keystrokes, added and removed items and a reset, through the form’s public subscribe', async () => {
    const { user, form } = renderEditorSection(
      <>
        <DynamicVariablesSection />
        <PatchProbe />
      </>,
    );
    expect(shownPatch()).toEqual({});

    await user.type(within(screen.getByRole('group', { name: 'plan' })).getByRole('textbox', { name: 'Description' }), '!');
    await waitFor(() =>
      expect(shownPatch()).toEqual({
        dynamic_variables: [
          { name: 'customer_name', description: 'Full name' },
          { name: 'plan', description: 'Subscription plan!' },
        ],
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Remove customer_name' }));
    await waitFor(() => expect(shownPatch()).toEqual({ dynamic_variables: [{ name: 'plan', description: 'Subscription plan!' }] }));

    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await waitFor(() =>
      expect(shownPatch()).toEqual({
        dynamic_variables: [
          { name: 'plan', description: 'Subscription plan!' },
          { name: '', description: '' },
        ],
      }),
    );

    act(() => form.reset());
    await waitFor(() => expect(shownPatch()).toEqual({}));
  });

  it('subscribes once, computes one PATCH per change, and tells its readers only when the PATCH changed', async () => {
    const agent = sampleAgent();
    const { form } = renderEditorSection(<PatchProbe />, { agent });
    const subscribe = vi.spyOn(form, 'subscribe');
    const feed = createAgentChangeFeed(form, agent);
    const disconnect = feed.connect();
    expect(subscribe).toHaveBeenCalledTimes(1);

    // An input sets the value and tells the feed (form-controls.tsx), as this does.
    const edit = (name: 'name' | 'description' | 'email_id', value: string) => {
      form.setValue(name, value);
      feed.edited(name);
    };
    const heard = vi.fn();
    feed.subscribe(heard);
    act(() => {
      edit('name', 'Renamed');
      edit('description', 'New words');
    });
    await waitFor(() => expect(feed.getPatch()).toEqual({ name: 'Renamed', description: 'New words' }));
    expect(heard).toHaveBeenCalledTimes(1); // two edits in one task: one computation

    act(() => edit('name', 'Renamed'));
    act(() => edit('email_id', 'ops@example.com'));
    await waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
    expect(feed.getPatch()).toEqual(buildAgentPatch(agent, form.getValues()));

    // A new baseline (a save's answer) re-diffs against it.
    feed.setBaseline({ ...agent, name: 'Renamed', description: 'New words', email_id: 'ops@example.com' });
    await waitFor(() => expect(feed.getPatch()).toEqual({}));
    disconnect();
    act(() => form.reset({ ...form.getValues(), name: agentToFormValues(agent).name }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(feed.getPatch()).toEqual({});
  });

  it('diffs an edit of this task at once for a save, and takes a saved agent without diffing again', async () => {
    const agent = sampleAgent();
    const { form } = renderEditorSection(<PatchProbe />, { agent });
    const feed = createAgentChangeFeed(form, agent);
    const disconnect = feed.connect();
    act(() => {
      form.setValue('description', 'New words');
      feed.edited('description');
    });
    // Same task as the edit (Ctrl/Cmd+S while typing): the PATCH is there already.
    expect(feed.getPatchNow()).toEqual({ description: 'New words' });

    const saved = { ...agent, description: 'New words', updated_at: '2026-03-01T00:00:00Z' };
    act(() => form.reset(agentToFormValues(saved)));
    const heard = vi.fn();
    feed.subscribe(heard);
    feed.settle(saved);
    expect(feed.getBaseline()).toBe(saved);
    expect(feed.getPatch()).toEqual({});
    expect(heard).toHaveBeenCalledTimes(1);
    // The next edit is diffed against the saved agent.
    act(() => {
      form.setValue('name', 'Renamed');
      feed.edited('name');
    });
    await waitFor(() => expect(feed.getPatch()).toEqual({ name: 'Renamed' }));
    disconnect();
  });

  it('diffs nothing again on a notice that changes no value (a check’s or a submit’s errors), and every part after a reset', async () => {
    const agent = sampleAgent();
    const { form, edit } = renderEditorSection(<PatchProbe />, { agent });
    const feed = createAgentChangeFeed(form, agent);
    const disconnect = feed.connect();
    // The edit reaches both feeds: the page's (the harness's, `edit`) and this one.
    act(() => {
      edit('description', 'New words');
      feed.edited('description');
    });
    await waitFor(() => expect(feed.getPatch()).toEqual({ description: 'New words' }));
    await waitFor(() => expect(shownPatch()).toEqual({ description: 'New words' }));
    const diffPart = vi.mocked(buildAgentPatchPart);
    diffPart.mockClear();

    // Each of these tells the form's subscribers without naming a field, and changes no value.
    act(() => form.clearErrors());
    await act(() => form.trigger());
    await act(() => form.handleSubmit(() => undefined)());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(diffPart).not.toHaveBeenCalled();
    expect(feed.getPatch()).toEqual({ description: 'New words' });

    // A reset replaces the values (react-hook-form copies them): every part that is an object or
    // a list is diffed again, and each text that changed (the name, and the description back).
    act(() => form.reset({ ...agentToFormValues(agent), name: 'Renamed' }));
    await waitFor(() => expect(feed.getPatch()).toEqual({ name: 'Renamed' }));
    const values = form.getValues();
    const objectParts = WRITTEN_FORM_KEYS.filter((key) => typeof values[key] === 'object' && values[key] !== null);
    expect(objectParts).toContain('dynamic_variables');
    expect(new Set(diffPart.mock.calls.map(([, , key]) => key))).toEqual(new Set([...objectParts, 'name', 'description']));
    disconnect();
  });
});
