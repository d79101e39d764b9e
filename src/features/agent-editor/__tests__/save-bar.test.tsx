import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { ProviderSection } from '../components/provider-section';
import { SaveBar } from '../components/save-bar';
import { TelephonySection } from '../components/telephony-section';
import { WebhookSection } from '../components/webhook-section';

function renderEditor({ saving = false } = {}) {
  const agent = sampleAgent();
  const onDiscard = vi.fn();
  const result = renderEditorSection(
    <>
      <TelephonySection />
      <ProviderSection />
      <WebhookSection />
      <SaveBar baseline={agent} saving={saving} onDiscard={onDiscard} />
    </>,
    { agent },
  );
  return { ...result, onDiscard };
}

const button = (name: string) => screen.getByRole('button', { name });
const phone = () => screen.getByRole('textbox', { name: 'Phone number' });

/** The cells of each row of the review's table, as text. */
function reviewRows(dialog: HTMLElement): string[][] {
  const table = within(dialog).getByRole('table', { name: 'Changes' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
}

describe('SaveBar', () => {
  it('disables Save, Discard and Review while nothing differs from the loaded agent', () => {
    renderEditor();
    expect(button('Save changes')).toBeDisabled();
    expect(button('Discard changes')).toBeDisabled();
    expect(button('Review changes')).toBeDisabled();
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });

  it('enables Save after a change and disables it again once the old value is typed back', async () => {
    const { user } = renderEditor();
    await user.type(phone(), '9');
    await waitFor(() => expect(button('Save changes')).toBeEnabled());
    expect(button('Review changes')).toBeEnabled();
    expect(screen.getByText(/^You have unsaved changes/)).toBeInTheDocument();

    await user.type(phone(), '{Backspace}');
    await waitFor(() => expect(button('Save changes')).toBeDisabled());
    expect(screen.getByText('No unsaved changes.')).toBeInTheDocument();
  });

  it('discards every edit back to the loaded agent', async () => {
    const { user, onDiscard, patch } = renderEditor();
    await user.type(phone(), '9');
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    await waitFor(() => expect(button('Discard changes')).toBeEnabled());
    await user.click(button('Discard changes'));
    // It asks first: Keep editing keeps the edits.
    const dialog = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(onDiscard).not.toHaveBeenCalled();
    expect(phone()).toHaveValue('+141555512349');
    await user.click(button('Discard changes'));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard' }));

    expect(onDiscard).toHaveBeenCalledOnce();
    expect(phone()).toHaveValue('+14155551234');
    expect(screen.getByRole('switch', { name: 'Inbound' })).not.toBeChecked();
    expect(patch()).toEqual({});
    await waitFor(() => expect(button('Save changes')).toBeDisabled());
  });

  it('says it is saving and keeps Discard disabled meanwhile', async () => {
    const { user } = renderEditor({ saving: true });
    await user.type(phone(), '9');
    await waitFor(() => expect(screen.getByText('Saving…')).toBeInTheDocument());
    expect(button('Discard changes')).toBeDisabled();
  });

  it('reviews each changed field with its value before and after, in words', async () => {
    const { user } = renderEditor();
    await user.clear(phone());
    await user.type(phone(), '+14155559999');
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    await user.click(screen.getByRole('combobox', { name: 'Auto-dial outbound' }));
    await user.click(screen.getByRole('option', { name: 'Off' }));
    await waitFor(() => expect(button('Review changes')).toBeEnabled());
    await user.click(button('Review changes'));

    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    await waitFor(() =>
      expect(reviewRows(dialog)).toEqual([
        ['Phone number', '“+14155551234”', '“+14155559999”'],
        ['Inbound', 'Off', 'On'],
        ['Auto-dial outbound', 'Provider default', 'Off'],
      ]),
    );
    // The body is collapsed to its size: open it.
    await user.click(within(dialog).getByRole('button', { name: /PATCH body/ }));
    expect(JSON.parse(within(dialog).getByLabelText('Request body').textContent)).toEqual({
      telephony: { phone_number: '+14155559999', inbound: true },
      provider: { auto_dial_outbound: false },
    });
    expect(within(dialog).getByText(/PATCH \/test_framework\/v2\/aiagents\/42\//)).toBeInTheDocument();
  });

  it('never shows a typed secret in the review, in the table or in the body', async () => {
    const { user, patch } = renderEditor();
    const secrets = {
      apiKey: 'sk_live_APIKEY_0001',
      trigger: 'trig_SECRET_0002',
      webhook: 'whsec_SECRET_0003',
      sipPassword: 'sip_PASSWORD_0004',
    };
    for (const name of ['Replace API key', 'Replace Trigger secret', 'Replace Webhook secret', 'Replace SIP auth password']) {
      await user.click(button(name));
    }
    await user.type(screen.getByLabelText('API key'), secrets.apiKey);
    await user.type(screen.getByLabelText('Trigger secret'), secrets.trigger);
    await user.type(screen.getByLabelText('Webhook secret'), secrets.webhook);
    const sipPassword = within(screen.getByRole('group', { name: 'SIP auth' })).getByLabelText('Password');
    await user.clear(sipPassword);
    await user.type(sipPassword, secrets.sipPassword);
    // What Save sends holds them as typed.
    expect(patch()).toEqual({
      webhook_secret: secrets.webhook,
      telephony: { sip_auth: { username: 'agent', password: secrets.sipPassword } },
      provider: { credentials: { api_key: secrets.apiKey, config: { trigger_secret: secrets.trigger } } },
    });

    await waitFor(() => expect(button('Review changes')).toBeEnabled());
    await user.click(button('Review changes'));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    await waitFor(() => expect(reviewRows(dialog)).toHaveLength(4));

    expect(reviewRows(dialog)).toEqual(
      expect.arrayContaining([
        ['API key', 'Hidden', 'Set'],
        ['Provider setting: Trigger secret', 'Not set', 'Set'],
        ['Webhook secret', 'Set', 'Replaced'],
        ['SIP auth password', 'Set', 'Replaced'],
      ]),
    );
    await user.click(within(dialog).getByRole('button', { name: /PATCH body/ }));
    const text = dialog.textContent;
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(JSON.parse(within(dialog).getByLabelText('Request body').textContent)).toEqual({
      webhook_secret: '•••••• (hidden)',
      telephony: { sip_auth: { username: 'agent', password: '•••••• (hidden)' } },
      provider: { credentials: { api_key: '•••••• (hidden)', config: { trigger_secret: '•••••• (hidden)' } } },
    });
  });

  it('closes the review', async () => {
    const { user } = renderEditor();
    await user.type(phone(), '9');
    await waitFor(() => expect(button('Review changes')).toBeEnabled());
    await user.click(button('Review changes'));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(phone()).toHaveValue('+141555512349');
  });
});
