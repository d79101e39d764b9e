import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { ProviderSection } from '../components/provider-section';
import { TelephonySection } from '../components/telephony-section';
import { WebhookSection } from '../components/webhook-section';

const button = (name: string) => screen.getByRole('button', { name });
const control = (name: string, inside: HTMLElement = document.body) => within(inside).getByRole('group', { name });
/** A secret's input: always there, always empty until typed into. */
const secret = (name: string, inside: HTMLElement = document.body) => within(inside).getByLabelText(name);

describe('the write-only control', () => {
  it('shows each secret’s status from the agent as read, never a value', () => {
    const agent = sampleAgent({
      provider: { ...sampleAgent().provider, credentials: { config: { public_key: 'pk_1', trigger_secret_configured: true } } },
    });
    renderEditorSection(
      <>
        <ProviderSection />
        <WebhookSection />
        <TelephonySection />
      </>,
      { agent },
    );
    expect(secret('API key')).toHaveAccessibleDescription(/^Hidden/);
    expect(secret('Trigger secret')).toHaveAccessibleDescription(/^Set/);
    expect(secret('Webhook secret')).toHaveAccessibleDescription(/^Set/);
    expect(secret('Password', control('SIP auth'))).toHaveAccessibleDescription(/^Set/);
    expect(secret('Password', control('WebSocket auth'))).toHaveAccessibleDescription(/^Not set/);
    // Every secret's input is a password input, and empty.
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type="password"]')];
    expect(inputs).toHaveLength(5);
    expect(inputs.map((input) => input.value)).toEqual(['', '', '', '', '']);
    expect(screen.queryByDisplayValue('pw')).not.toBeInTheDocument();
  });

  it('Replace takes the caret to the empty password input; typing sends it; Keep current sends nothing', async () => {
    const { user, patch } = renderEditorSection(<WebhookSection />);
    await user.click(button('Replace Webhook secret'));
    const input = screen.getByLabelText('Webhook secret');
    expect(input).toHaveAttribute('type', 'password');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    await user.type(input, 'whsec_new');
    expect(patch()).toEqual({ webhook_secret: 'whsec_new' });

    await user.click(button('Keep current'));
    expect(patch()).toEqual({});
    expect(screen.getByLabelText('Webhook secret')).toHaveValue('');
    expect(button('Replace Webhook secret')).toHaveFocus();
  });

  it('never pre-fills a password the API returns', async () => {
    const { user } = renderEditorSection(<TelephonySection />);
    await user.click(button('Replace SIP auth password'));
    expect(within(control('SIP auth')).getByLabelText('Password')).toHaveValue('');
  });

  it('offers Clear only where the API can clear the value, and only when one is set', () => {
    renderEditorSection(
      <>
        <ProviderSection />
        <WebhookSection />
        <TelephonySection />
      </>,
    );
    expect(screen.queryByRole('button', { name: /^Clear (API key|Trigger secret|Webhook secret)$/ })).not.toBeInTheDocument();
    expect(button('Clear SIP auth password')).toBeInTheDocument();
    // The WebSocket auth has no password to clear.
    expect(screen.queryByRole('button', { name: 'Clear WebSocket auth password' })).not.toBeInTheDocument();
  });

  it('Clear sends the credentials without their password; Keep current takes it back', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(button('Clear SIP auth password'));
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent', password: '' } } });
    expect(within(control('SIP auth')).getByText('Will be cleared when you save.')).toBeInTheDocument();
    // A username typed after Clear does not bring the old password back.
    await user.type(within(control('SIP auth')).getByRole('textbox', { name: 'Username' }), '-2');
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent-2', password: '' } } });

    await user.click(within(control('SIP auth')).getByRole('button', { name: 'Keep current' }));
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent-2', password: 'pw' } } });
  });
});

describe('a provider type change', () => {
  it('shows the new type’s settings, says what happens to the old ones, and is undone by choosing the old type again', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    const type = screen.getByRole('combobox', { name: 'Provider type' });
    await user.click(type);
    await user.click(screen.getByRole('option', { name: 'Retell' }));

    expect(screen.getByText(/Vapi settings will be replaced by Retell settings when you save/)).toBeInTheDocument();
    const retell = screen.getByRole('group', { name: 'Retell settings' });
    // A setting both types have stays; Vapi's own is sent cleared.
    expect(within(retell).getByRole('textbox', { name: 'Trigger URL' })).toHaveValue('https://trigger.example.com/call');
    expect(patch()).toEqual({ provider: { type: 'retell', credentials: { config: { public_key: '' } } } });

    await user.click(type);
    await user.click(screen.getByRole('option', { name: 'Vapi' }));
    expect(screen.queryByText(/will be replaced/)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Public key' })).toHaveValue('pk_1');
    expect(patch()).toEqual({});
  });

  it('says the old settings are removed when the new type has none', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    await user.click(screen.getByRole('combobox', { name: 'Provider type' }));
    await user.click(screen.getByRole('option', { name: 'Cisco' }));
    expect(screen.getByText(/Vapi settings will be removed when you save/)).toBeInTheDocument();
    expect(patch()).toEqual({ provider: { type: 'cisco', credentials: { config: { public_key: '', trigger_url: '' } } } });
  });
});
