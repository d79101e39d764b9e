import { Alert, Stack } from '@mantine/core';
import { useLoadedAgent } from '../loaded-agent-context';
import { FormSecretInput, FormTextInput } from './form-controls';

/** The agent's own webhook, overriding the project's. */
export function WebhookSection() {
  const agent = useLoadedAgent();
  const configured = agent.webhook_secret_configured === true || agent.webhook_secret_configured === 'true';
  return (
    <Stack gap="lg" maw={760}>
      <FormTextInput
        name="webhook_url"
        label="Webhook URL"
        description="Overrides the project's webhook for events from this agent."
        placeholder="https://"
      />
      <Alert variant="light" color={configured ? 'teal' : 'gray'} title={configured ? 'A webhook secret is configured' : 'No webhook secret is configured'}>
        The secret is sent in the X-CEKURA-SECRET header. It is write-only: the current one is never shown.
      </Alert>
      <FormSecretInput
        name="webhook_secret"
        label="Webhook secret"
        description={configured ? 'Leave blank to keep the current secret.' : 'Leave blank to set none.'}
      />
    </Stack>
  );
}
