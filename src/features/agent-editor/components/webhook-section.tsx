import { Stack } from '@mantine/core';
import { secretStatus } from '../../../agent/secret-status';
import { useLoadedAgent } from '../loaded-agent-context';
import { FormTextInput } from './form-controls';
import { FormWriteOnlyField } from './write-only-field';

/** The agent's own webhook, overriding the project's. */
export function WebhookSection() {
  const agent = useLoadedAgent();
  const status = secretStatus(agent, 'webhook_secret');
  return (
    <Stack gap="lg" maw={760}>
      <FormTextInput
        name="webhook_url"
        label="Webhook URL"
        description="Overrides the project's webhook for events from this agent."
        placeholder="https://"
      />
      {/* The contract names no PATCH that clears a webhook secret: Replace only, no Clear. */}
      <FormWriteOnlyField
        name="webhook_secret"
        label="Webhook secret"
        status={status}
        description={
          <>
            <span>{status === 'set' ? 'A webhook secret is configured' : 'No webhook secret is configured'}</span>. Sent in the
            X-CEKURA-SECRET header, never shown.
          </>
        }
      />
    </Stack>
  );
}
