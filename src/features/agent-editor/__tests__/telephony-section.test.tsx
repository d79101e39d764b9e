import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { TelephonySection } from '../components/telephony-section';

const group = (name: string) => screen.getByRole('group', { name });

describe('TelephonySection', () => {
  it('names every control by its visible label and shows the agent’s values', () => {
    renderEditorSection(<TelephonySection />);

    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+14155551234');
    const inbound = screen.getByRole('switch', { name: 'Inbound' });
    expect(inbound).not.toBeChecked();
    expect(inbound).toHaveAccessibleDescription('The agent receives inbound calls (off: outbound only).');
    expect(screen.getByRole('textbox', { name: 'SIP URI' })).toHaveValue('sip:agent@pbx.example.com');
    expect(within(group('SIP auth')).getByRole('textbox', { name: 'Username' })).toHaveValue('agent');
    // A password the server holds is never shown: it says "Set" instead (a write-only control).
    expect(within(group('SIP auth')).getByLabelText('Password')).toHaveAccessibleDescription(/^Set/);
    expect(within(group('SIP auth')).queryByDisplayValue('pw')).not.toBeInTheDocument();
    expect(within(group('WebSocket auth')).getByLabelText('Password')).toHaveAccessibleDescription(/^Not set/);
    expect(screen.getByRole('textbox', { name: 'WebSocket URL' })).toHaveValue('');
    expect(within(group('WebSocket auth')).getByRole('textbox', { name: 'Username' })).toHaveValue('');
    expect(within(group('WebSocket auth')).getByRole('button', { name: 'Replace WebSocket auth password' })).toBeInTheDocument();
    const outbound = group('Outbound numbers');
    expect(within(outbound).getByRole('textbox', { name: 'Outbound number 1' })).toHaveValue('+14155550000');
    expect(within(outbound).getByRole('button', { name: 'Remove outbound number 1' })).toBeInTheDocument();
    expect(within(outbound).getByRole('button', { name: 'Add outbound number' })).toBeInTheDocument();
  });

  it('sends only the phone number when it changes', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    const phone = screen.getByRole('textbox', { name: 'Phone number' });
    await user.clear(phone);
    await user.type(phone, '+14155559999');
    expect(patch()).toEqual({ telephony: { phone_number: '+14155559999' } });
  });

  it('sends nothing once the old value is typed back', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    const phone = screen.getByRole('textbox', { name: 'Phone number' });
    await user.type(phone, '9');
    expect(patch()).toEqual({ telephony: { phone_number: '+141555512349' } });
    await user.type(phone, '{Backspace}');
    expect(patch()).toEqual({});
  });

  it('sends the inbound flag when switched', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    expect(patch()).toEqual({ telephony: { inbound: true } });
  });

  it('sends the whole SIP auth object when only its password changes', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(screen.getByRole('button', { name: 'Replace SIP auth password' }));
    const password = within(group('SIP auth')).getByLabelText('Password');
    await user.clear(password);
    await user.type(password, 'n3w-pass');
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent', password: 'n3w-pass' } } });
  });

  it('keeps the password the server has when only the username changes, and never shows it', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    const sip = group('SIP auth');
    await user.type(within(sip).getByRole('textbox', { name: 'Username' }), '-2');
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent-2', password: 'pw' } } });
    expect(within(sip).queryByDisplayValue('pw')).not.toBeInTheDocument();
    await user.clear(within(sip).getByRole('textbox', { name: 'Username' }));
    await user.type(within(sip).getByRole('textbox', { name: 'Username' }), 'agent');
    expect(patch()).toEqual({});
  });

  it('goes back to the kept password when a typed one is erased', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(screen.getByRole('button', { name: 'Replace SIP auth password' }));
    const password = within(group('SIP auth')).getByLabelText('Password');
    await user.type(password, 'x');
    expect(patch()).toEqual({ telephony: { sip_auth: { username: 'agent', password: 'x' } } });
    await user.type(password, '{Backspace}');
    expect(password).toHaveValue('');
    expect(patch()).toEqual({});
  });

  it('removes the SIP credentials (null) when both fields are cleared', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    const sip = group('SIP auth');
    await user.click(within(sip).getByRole('button', { name: 'Clear SIP auth password' }));
    await user.clear(within(sip).getByRole('textbox', { name: 'Username' }));
    expect(patch()).toEqual({ telephony: { sip_auth: null } });
  });

  it('sends WebSocket URL and credentials set from nothing', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.type(screen.getByRole('textbox', { name: 'WebSocket URL' }), 'wss://voice.example.net/pcm');
    const ws = group('WebSocket auth');
    await user.type(within(ws).getByRole('textbox', { name: 'Username' }), 'bot');
    await user.click(within(ws).getByRole('button', { name: 'Replace WebSocket auth password' }));
    await user.type(within(ws).getByLabelText('Password'), 'hunter2');
    expect(patch()).toEqual({
      telephony: { websocket_url: 'wss://voice.example.net/pcm', websocket_auth: { username: 'bot', password: 'hunter2' } },
    });
  });

  it('sends the whole list of outbound numbers after one is added', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(screen.getByRole('button', { name: 'Add outbound number' }));
    await user.type(screen.getByRole('textbox', { name: 'Outbound number 2' }), '+14155550001');
    expect(patch()).toEqual({ telephony: { outbound_numbers: ['+14155550000', '+14155550001'] } });
  });

  it('sends an empty list after the only outbound number is removed', async () => {
    const { user, patch } = renderEditorSection(<TelephonySection />);
    await user.click(screen.getByRole('button', { name: 'Remove outbound number 1' }));
    expect(screen.queryByRole('textbox', { name: 'Outbound number 1' })).not.toBeInTheDocument();
    expect(patch()).toEqual({ telephony: { outbound_numbers: [] } });
  });

  it('shows a format error at an invalid phone number once the field is left', async () => {
    const { user } = renderEditorSection(<TelephonySection />);
    const phone = screen.getByRole('textbox', { name: 'Phone number' });
    await user.clear(phone);
    await user.type(phone, '415-555');
    expect(phone).not.toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    // Leaving the field validates it asynchronously (the form's resolver): wait for the result.
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(phone).toHaveAccessibleDescription(expect.stringContaining('Use E.164 format, e.g. +14155551234') as string);
  });

  it('shows an error at an invalid SIP URI and WebSocket URL', async () => {
    const { user, form } = renderEditorSection(<TelephonySection />);
    const sip = screen.getByRole('textbox', { name: 'SIP URI' });
    await user.clear(sip);
    await user.type(sip, 'agent.example.com');
    await user.type(screen.getByRole('textbox', { name: 'WebSocket URL' }), 'https://voice.example.net');
    expect(await form.trigger('telephony')).toBe(false);
    expect(await screen.findByText('Use sip:user@domain or sips:user@domain')).toBeInTheDocument();
    expect(screen.getByText('Enter a URL starting with ws:// or wss://')).toBeInTheDocument();
  });

  it('starts from an agent without telephony as empty fields', () => {
    const { patch } = renderEditorSection(<TelephonySection />, { agent: sampleAgent({ telephony: null }) });
    expect(screen.getByRole('textbox', { name: 'Phone number' })).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: 'Outbound number 1' })).not.toBeInTheDocument();
    expect(patch()).toEqual({});
  });
});
