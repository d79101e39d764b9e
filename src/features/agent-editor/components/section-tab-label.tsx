import { useMemo } from 'react';
import { Box, Group, VisuallyHidden } from '@mantine/core';
import { useFormState } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { useAgentDiffSelect } from '../agent-changes-context';
import type { EditorSection } from '../editor-sections';

/** A tab's label, marked when its section has unsaved changes or errors. */
export function SectionTabLabel({ section }: { section: EditorSection }) {
  // Re-renders when the mark flips, not on each keystroke; the names stay one array, so
  // react-hook-form keeps its one subscription instead of renewing it on every render.
  const changed = useAgentDiffSelect((patch) => section.fields.some((field) => field in patch));
  const names = useMemo(() => [...section.fields], [section.fields]);
  const { errors } = useFormState<AgentFormValues>({ name: names });
  const invalid = section.fields.some((field) => errors[field] !== undefined);
  return (
    <Group gap={6} wrap="nowrap">
      <span>{section.label}</span>
      {invalid && (
        <Box component="span" c="var(--mantine-color-error)" fw={700} aria-hidden>
          !
        </Box>
      )}
      {invalid && <VisuallyHidden>{' (has errors)'}</VisuallyHidden>}
      {changed && !invalid && (
        <Box component="span" w={8} h={8} bg="blue.7" style={{ borderRadius: '50%', display: 'inline-block' }} aria-hidden />
      )}
      {changed && <VisuallyHidden>{' (unsaved changes)'}</VisuallyHidden>}
    </Group>
  );
}
