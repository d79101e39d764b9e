import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useHasChanges } from '../agent-changes-context';

/**
 * Asks before leaving an agent with unsaved changes: in-app navigation gets a modal, a reload or
 * closing the tab gets the browser's own prompt. Switching tabs of the same agent is not leaving.
 */
export function LeaveGuard({ agentId, saving, onDiscard }: { agentId: number; saving: boolean; onDiscard: () => void }) {
  const hasChanges = useHasChanges();
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => {
      if (!hasChanges || saving) return false;
      const sameAgent = current.pathname.startsWith(`/agents/${agentId}/`) && next.pathname.startsWith(`/agents/${agentId}/`);
      return !sameAgent;
    },
    enableBeforeUnload: () => hasChanges,
    withResolver: true,
  });

  return (
    <Modal
      opened={blocker.status === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      centered
    >
      <Text size="sm">This agent has unsaved changes. If you leave now, they are lost.</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          Stay on this page
        </Button>
        <Button
          color="red"
          onClick={() => {
            onDiscard();
            blocker.proceed?.();
          }}
        >
          Leave and discard
        </Button>
      </Group>
    </Modal>
  );
}
