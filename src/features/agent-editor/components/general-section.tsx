import { Group, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { projectQueries } from '../../../api/agent-queries';
import { LANGUAGE_OPTIONS, SPEAKS_FIRST_OPTIONS } from '../../../agent/options';
import type { AgentFormValues } from '../../../agent/form-schema';
import { DescriptionPlaceholders } from './placeholder-checks';
import { ERROR_SLOT, FormJsonInput, FormSwitch, FormTextInput, FormTextarea, useFieldController, useRevalidateWhileInvalid } from './form-controls';


/** The project picker: projects from `/user/v1/projects/`, the agent's own kept when unknown. */
function ProjectSelect() {
  const { field: { ref, ...field }, fieldState } = useFieldController<'project'>('project');
  const projects = useQuery(projectQueries.list());
  const options = (projects.data ?? []).map((p) => ({ value: String(p.id), label: p.name === '' ? `Project ${p.id}` : p.name }));
  if (field.value !== null && !options.some((o) => o.value === String(field.value))) {
    options.push({ value: String(field.value), label: `Project ${field.value}` });
  }
  return (
    <Select
      label="Project"
      classNames={ERROR_SLOT}
      data={options}
      searchable
      allowDeselect={false}
      placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
      nothingFoundMessage="No project matches"
      name={field.name}
      ref={ref}
      value={field.value === null ? null : String(field.value)}
      onChange={(value) => {
        if (value !== null) field.onChange(Number(value));
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message ?? (projects.isError ? 'Could not load the projects' : undefined)}
    />
  );
}

function SpeaksFirstRadios() {
  const { field, fieldState } = useFieldController<'agent_speaks_first'>('agent_speaks_first');
  return (
    <Radio.Group
      classNames={ERROR_SLOT}
      label="Agent speaks first"
      description="Who talks first when a call connects."
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      error={fieldState.error?.message}
    >
      <Group gap="lg" mt="xs">
        {SPEAKS_FIRST_OPTIONS.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} onBlur={field.onBlur} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function LanguageSelect() {
  const { field: { ref, ...field }, fieldState } = useFieldController<'language'>('language');
  const revalidate = useRevalidateWhileInvalid('language', fieldState.error?.message);
  return (
    <Select
      label="Language"
      classNames={ERROR_SLOT}
      data={[...LANGUAGE_OPTIONS]}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No language matches"
      maw={360}
      name={field.name}
      ref={ref}
      value={field.value}
      onChange={(value) => {
        if (value === null) return;
        field.onChange(value);
        revalidate();
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/**
 * Rows for the description, from its text when the tab opens: 4 to 12, then it scrolls (and the
 * user can drag it taller). Not an auto-growing textarea: measuring itself on every keystroke
 * made a 100 KB description cost tens of milliseconds a key, and ~30 ms when the tab opens.
 */
function rowsFor(text: string): number {
  const CHARS_PER_ROW = 90; // the field is at most 760 px wide
  let rows = 0;
  for (const line of text.split('\n', 13)) rows += Math.max(1, Math.ceil(line.length / CHARS_PER_ROW));
  return Math.min(12, Math.max(4, rows));
}

/** Name, description, project, language, who speaks first, email, mock tools, metrics. */
export function GeneralSection() {
  const { getValues } = useFormContext<AgentFormValues>();
  const [descriptionRows] = useState(() => rowsFor(getValues('description')));

  return (
    <Stack gap="lg" maw={760}>
      <FormTextInput name="name" label="Name" withAsterisk />
      <FormTextarea
        name="description"
        label="Description"
        description="What the agent does and how it should behave."
        rows={descriptionRows}
        resize="vertical"
      />
      <DescriptionPlaceholders />
      <LanguageSelect />
      <SpeaksFirstRadios />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ProjectSelect />
        <FormTextInput name="email_id" label="Email" description="The address this agent receives email at." type="email" />
      </SimpleGrid>
      <FormSwitch
        name="mock_tools_enabled"
        label="Mock tools enabled"
        description="Select the mock tools by default when configuring a run."
      />
      <FormJsonInput
        name="predefined_metrics"
        label="Predefined metrics"
        description="Write-only JSON: the current metrics are not shown. Leave empty to keep them."
        placeholder='{"metric": "…"}'
      />
    </Stack>
  );
}
