import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { ProviderSection } from '../components/provider-section';

const combobox = (name: string) => screen.getByRole('combobox', { name });

describe('ProviderSection', () => {
  it('names every control by its visible label and shows the agent’s values', () => {
    renderEditorSection(<ProviderSection />);

    expect(combobox('Provider type')).toHaveValue('Vapi');
    expect(screen.getByRole('textbox', { name: 'Provider agent ID' })).toHaveValue('asst_123');
    // Write-only: the API never says whether a key is set.
    expect(screen.getByLabelText('API key')).toHaveAccessibleDescription(/^Hidden/);
    const vapi = screen.getByRole('group', { name: 'Vapi settings' });
    expect(within(vapi).getByRole('textbox', { name: 'Public key' })).toHaveValue('pk_1');
    expect(within(vapi).getByRole('textbox', { name: 'Trigger URL' })).toHaveValue('https://trigger.example.com/call');
    expect(within(vapi).getByLabelText('Trigger secret')).toHaveAccessibleDescription(/^Not set/);
    expect(combobox('Chat agent type')).toHaveValue('None');
    expect(screen.getByRole('textbox', { name: 'Chat agent ID' })).toHaveValue('');
    expect(combobox('Auto-dial outbound')).toHaveValue('Provider default');
    expect(combobox('Auto-import calls')).toHaveValue('On');
    expect(combobox('Auto-sync prompt')).toHaveValue('Off');
    expect(combobox('Send post-conversation metadata')).toHaveValue('Provider default');
    expect(combobox('Redact fields')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Configure from provider' })).not.toBeChecked();
  });

  it('starts the write-only API key empty and sends it only once typed', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    await user.click(screen.getByRole('button', { name: 'Replace API key' }));
    const apiKey = screen.getByLabelText('API key');
    expect(apiKey).toHaveValue('');
    expect(apiKey).toHaveAttribute('type', 'password');
    expect(patch()).toEqual({});
    await user.type(apiKey, 'sk_live_123');
    expect(patch()).toEqual({ provider: { credentials: { api_key: 'sk_live_123' } } });
    await user.clear(apiKey);
    expect(patch()).toEqual({});
  });

  it('sends one provider setting as its own leaf of the config', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    const publicKey = screen.getByRole('textbox', { name: 'Public key' });
    await user.clear(publicKey);
    await user.type(publicKey, 'pk_2');
    expect(patch()).toEqual({ provider: { credentials: { config: { public_key: 'pk_2' } } } });
  });

  it('sends a typed trigger secret and nothing for an untouched one', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    await user.click(screen.getByRole('button', { name: 'Replace Trigger secret' }));
    await user.type(screen.getByLabelText('Trigger secret'), 'trig-s3cret');
    expect(patch()).toEqual({ provider: { credentials: { config: { trigger_secret: 'trig-s3cret' } } } });
  });

  it('maps Provider default / On / Off to null / true / false', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    const choose = async (label: string, option: string) => {
      await user.click(combobox(label));
      await user.click(screen.getByRole('option', { name: option }));
    };

    await choose('Auto-dial outbound', 'Off');
    expect(patch()).toEqual({ provider: { auto_dial_outbound: false } });
    await choose('Auto-import calls', 'Provider default');
    await choose('Auto-sync prompt', 'On');
    await choose('Send post-conversation metadata', 'On');
    expect(combobox('Auto-import calls')).toHaveValue('Provider default');
    expect(patch()).toEqual({
      provider: { auto_dial_outbound: false, auto_import_calls: null, auto_sync_prompt: true, send_post_conversation_metadata: true },
    });

    await choose('Auto-dial outbound', 'Provider default');
    await choose('Auto-import calls', 'On');
    await choose('Auto-sync prompt', 'Off');
    await choose('Send post-conversation metadata', 'Provider default');
    expect(patch()).toEqual({});
  });

  it('shows the settings of the chosen provider type and checks its required ones', async () => {
    const { user, patch, form } = renderEditorSection(<ProviderSection />);
    await user.click(combobox('Provider type'));
    await user.click(screen.getByRole('option', { name: 'LiveKit' }));

    expect(screen.queryByRole('group', { name: 'Vapi settings' })).not.toBeInTheDocument();
    const livekit = screen.getByRole('group', { name: 'LiveKit settings' });
    expect(within(livekit).getByRole('textbox', { name: 'LiveKit URL' })).toBeInTheDocument();
    expect(within(livekit).getByRole('textbox', { name: 'API secret' })).toBeInTheDocument();
    expect(within(livekit).getByRole('switch', { name: 'Tracing enabled' })).toBeInTheDocument();
    expect(patch()).toMatchObject({ provider: { type: 'livekit' } });

    expect(await form.trigger('provider')).toBe(false);
    expect(await within(livekit).findByText('LiveKit URL is required')).toBeInTheDocument();
    expect(within(livekit).getByText('API secret is required')).toBeInTheDocument();
  });

  it('sends a LiveKit setting typed into an agent of that type', async () => {
    const agent = sampleAgent({
      provider: { type: 'livekit', credentials: { config: { url: 'wss://lk.example.com', api_secret: 'lk_s' } } },
    });
    const { user, patch } = renderEditorSection(<ProviderSection />, { agent });
    await user.click(screen.getByRole('switch', { name: 'Tracing enabled' }));
    await user.type(screen.getByRole('textbox', { name: 'Agent name' }), 'front-desk');
    expect(patch()).toEqual({ provider: { credentials: { config: { tracing_enabled: true, agent_name: 'front-desk' } } } });
  });

  it('lets an agent whose optional switch, select and JSON settings are unset validate untouched', async () => {
    const agent = sampleAgent({
      provider: { type: 'livekit', credentials: { config: { url: 'wss://lk.example.com', api_secret: 'lk_s' } } },
    });
    const { form, patch } = renderEditorSection(<ProviderSection />, { agent });
    expect(screen.getByRole('switch', { name: 'Tracing enabled' })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: 'LiveKit config' })).toHaveValue('');
    expect(await form.trigger()).toBe(true);
    expect(patch()).toEqual({});
  });

  it('sends a select setting (ElevenLabs region)', async () => {
    const agent = sampleAgent({ provider: { type: 'elevenlabs', credentials: { config: {} } } });
    const { user, patch } = renderEditorSection(<ProviderSection />, { agent });
    await user.click(combobox('Region'));
    await user.click(screen.getByRole('option', { name: 'eu' }));
    expect(patch()).toEqual({ provider: { credentials: { config: { elevenlabs_region: 'eu' } } } });
  });

  it('sends the chat agent ID inside chat_agent_details', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    await user.type(screen.getByRole('textbox', { name: 'Chat agent ID' }), 'chat_9');
    expect(patch()).toEqual({ provider: { chat_agent_details: { config: { agent_id: 'chat_9' } } } });
  });

  it('sends the whole list of redacted fields when one is added', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    await user.click(combobox('Redact fields'));
    await user.click(screen.getByRole('option', { name: 'email address' }));
    expect(patch()).toEqual({ provider: { redact_fields: ['ssn', 'email_address'] } });
  });

  it('sends configure_from_provider only when ticked', async () => {
    const { user, patch } = renderEditorSection(<ProviderSection />);
    const configure = screen.getByRole('checkbox', { name: 'Configure from provider' });
    await user.click(configure);
    expect(patch()).toEqual({ provider: { configure_from_provider: true } });
    await user.click(configure);
    expect(patch()).toEqual({});
  });

  it('shows an error at an invalid setting URL once the field is left', async () => {
    const { user } = renderEditorSection(<ProviderSection />);
    const triggerUrl = screen.getByRole('textbox', { name: 'Trigger URL' });
    await user.clear(triggerUrl);
    await user.type(triggerUrl, 'not a url');
    await user.tab();
    // Leaving the field validates it asynchronously (the form's resolver): wait for the result.
    await waitFor(() => expect(triggerUrl).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Enter a URL starting with http:// or https://')).toBeInTheDocument();
  });
});
