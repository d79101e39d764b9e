import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { WebhookSection } from '../components/webhook-section';

describe('WebhookSection', () => {
  it('names its controls by their labels and never pre-fills the secret', async () => {
    const { user } = renderEditorSection(<WebhookSection />);
    expect(screen.getByRole('textbox', { name: 'Webhook URL' })).toHaveValue('https://hooks.example.com/cekura');
    await user.click(screen.getByRole('button', { name: 'Replace Webhook secret' }));
    const secret = screen.getByLabelText('Webhook secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('type', 'password');
  });

  it('says a secret is configured when the agent has one', () => {
    renderEditorSection(<WebhookSection />);
    expect(screen.getByText('A webhook secret is configured')).toBeInTheDocument();
    expect(screen.getByLabelText('Webhook secret')).toHaveAccessibleDescription(/^Set/);
  });

  it('says no secret is configured when the agent has none', () => {
    renderEditorSection(<WebhookSection />, { agent: sampleAgent({ webhook_secret_configured: false }) });
    expect(screen.getByText('No webhook secret is configured')).toBeInTheDocument();
    expect(screen.queryByText('A webhook secret is configured')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Webhook secret')).toHaveAccessibleDescription(/^Not set/);
  });

  it('sends the secret only once typed', async () => {
    const { user, patch } = renderEditorSection(<WebhookSection />);
    expect(patch()).toEqual({});
    await user.click(screen.getByRole('button', { name: 'Replace Webhook secret' }));
    await user.type(screen.getByLabelText('Webhook secret'), 'whsec_42');
    expect(patch()).toEqual({ webhook_secret: 'whsec_42' });
  });

  it('sends the changed URL alone', async () => {
    const { user, patch } = renderEditorSection(<WebhookSection />);
    const url = screen.getByRole('textbox', { name: 'Webhook URL' });
    await user.clear(url);
    await user.type(url, 'https://hooks.example.com/v2');
    expect(patch()).toEqual({ webhook_url: 'https://hooks.example.com/v2' });
  });

  it('shows an error at a URL that is not http(s) once the field is left', async () => {
    const { user } = renderEditorSection(<WebhookSection />);
    const url = screen.getByRole('textbox', { name: 'Webhook URL' });
    await user.clear(url);
    await user.type(url, 'ftp://hooks.example.com');
    await user.tab();
    expect(await screen.findByText('Enter a URL starting with http:// or https://')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
  });
});
