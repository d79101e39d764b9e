import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { ProviderSection } from '../components/provider-section';
import { SaveBar } from '../components/save-bar';
import { TelephonySection } from '../components/telephony-section';
import { WebhookSection } from '../components/webhook-section';

/** The editor's sections with secrets and a save bar inside a form whose submit is recorded. */
function renderReview() {
  const agent = sampleAgent();
  const submitted = vi.fn();
  const holder: { reset?: () => void } = {};
  const result = renderEditorSection(
    <form
      aria-label="Edit agent"
      onSubmit={(event) => {
        event.preventDefault();
        submitted();
        // A save that went through: the form is the saved agent again.
        holder.reset?.();
      }}
    >
      <TelephonySection />
      <ProviderSection />
      <WebhookSection />
      <SaveBar baseline={agent} saving={false} onDiscard={() => undefined} />
    </form>,
    { agent },
  );
  holder.reset = () => result.form.reset();
  return { ...result, submitted };
}

const button = (name: string | RegExp) => screen.getByRole('button', { name });

async function openReview(user: ReturnType<typeof renderReview>['user']): Promise<HTMLElement> {
  await waitFor(() => expect(button('Review changes')).toBeEnabled());
  await user.click(button('Review changes'));
  return screen.findByRole('dialog', { name: 'Review changes' });
}

/** The review's rows as [field, before, after]. */
function rows(dialog: HTMLElement): string[][] {
  const table = within(dialog).getByRole('table', { name: 'Changes' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
}

describe('ReviewChangesDialog', () => {
  it('says a select by its option labels and a switch as On/Off', async () => {
    const { user, patch } = renderReview();
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    await user.click(screen.getByRole('combobox', { name: 'Provider type' }));
    await user.click(screen.getByRole('option', { name: 'Retell' }));
    // Vapi's own setting is sent cleared: Retell's replace them (the config merges key by key).
    expect(patch()).toEqual({
      telephony: { inbound: true },
      provider: { type: 'retell', credentials: { config: { public_key: '' } } },
    });

    const dialog = await openReview(user);
    await waitFor(() =>
      expect(rows(dialog)).toEqual([
        ['Inbound', 'Off', 'On'],
        ['Provider type', 'Vapi', 'Retell'],
        ['Provider setting: Public key', '“pk_1”', '(empty)'],
      ]),
    );
  });

  it('says each variable changed by its name and key, and a new unnamed one as such', async () => {
    const { user, form } = renderReview();
    act(() => {
      form.setValue('dynamic_variables', [
        { name: 'customer_name', description: 'Name on the account' },
        { name: 'plan', description: 'Subscription plan' },
        { name: '', description: '' },
      ]);
    });
    const dialog = await openReview(user);
    await waitFor(() =>
      expect(rows(dialog)).toEqual([
        ['Variable customer_name: description', '“Full name”', '“Name on the account”'],
        ['Dynamic variables', '', 'Added variable (no name yet)'],
      ]),
    );
    expect(dialog).not.toHaveTextContent(/adds/);
  });

  it('says Replaced and Cleared for secrets, never their values', async () => {
    const { user } = renderReview();
    await user.click(button('Replace Webhook secret'));
    await user.type(screen.getByLabelText('Webhook secret'), 'whsec_TYPED_0001');
    await user.click(button('Clear SIP auth password'));

    const dialog = await openReview(user);
    await waitFor(() =>
      expect(rows(dialog)).toEqual([
        ['SIP auth password', 'Set', 'Cleared'],
        ['Webhook secret', 'Set', 'Replaced'],
      ]),
    );
    await user.click(within(dialog).getByRole('button', { name: /PATCH body/ }));
    expect(dialog).not.toHaveTextContent('whsec_TYPED_0001');
    expect(dialog).not.toHaveTextContent('"pw"');
  });

  it('shows the body collapsed with its size; it expands, and Copy copies it as shown', async () => {
    const { user } = renderReview();
    await user.type(screen.getByRole('textbox', { name: 'Phone number' }), '9');
    const dialog = await openReview(user);

    const toggle = within(dialog).getByRole('button', { name: /PATCH body · \d+ B/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(dialog).queryByLabelText('Request body')).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const shown = within(dialog).getByLabelText('Request body').textContent;
    expect(JSON.parse(shown)).toEqual({ telephony: { phone_number: '+141555512349' } });
    expect(toggle).toHaveAccessibleName(`▾ PATCH body · ${JSON.stringify({ telephony: { phone_number: '+141555512349' } }).length} B`);

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(shown);
  });

  it('Save changes in the dialog submits the form once and closes once saved', async () => {
    const { user, submitted } = renderReview();
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    const dialog = await openReview(user);
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(submitted).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Review changes' })).not.toBeInTheDocument());
  });

  it('Ctrl+S and Cmd+S in the open dialog save and close it', async () => {
    const { user, submitted } = renderReview();
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    await openReview(user);
    await user.keyboard('{Control>}s{/Control}');
    expect(submitted).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Review changes' })).not.toBeInTheDocument());

    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    await openReview(user);
    await user.keyboard('{Meta>}s{/Meta}');
    expect(submitted).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Review changes' })).not.toBeInTheDocument());
  });
});
