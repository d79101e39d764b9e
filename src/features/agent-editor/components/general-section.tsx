import { Group, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useFormContext, useFormState } from 'react-hook-form';
import { LANGUAGES } from '../../../agent/constants';
import type { AgentFormValues } from '../../../agent/form-schema';

const LANGUAGE_OPTIONS = Object.entries(LANGUAGES)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

const SPEAKS_FIRST_OPTIONS: readonly { value: AgentFormValues['agent_speaks_first']; label: string }[] = [
  { value: 'agent', label: 'Agent' },
  { value: 'caller', label: 'Caller' },
  { value: 'auto', label: 'Auto-detect' },
];

/** Name, description, language and who speaks first. */
export function GeneralSection() {
  const { register, control } = useFormContext<AgentFormValues>();
  const { errors } = useFormState({ control, name: ['name', 'description', 'language', 'agent_speaks_first'] });

  return (
    <Stack gap="lg" maw={760}>
      <TextInput label="Name" withAsterisk autoComplete="off" {...register('name')} error={errors.name?.message} />
      <Textarea
        label="Description"
        description="What the agent does and how it should behave."
        autosize
        minRows={4}
        maxRows={12}
        {...register('description')}
        error={errors.description?.message}
      />
      <Controller
        control={control}
        name="language"
        render={({ field, fieldState }) => (
          <Select
            label="Language"
            data={LANGUAGE_OPTIONS}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No language matches"
            maw={360}
            name={field.name}
            ref={field.ref}
            value={field.value}
            onChange={(value) => {
              if (value !== null) field.onChange(value);
            }}
            onBlur={field.onBlur}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="agent_speaks_first"
        render={({ field, fieldState }) => (
          <Radio.Group
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
        )}
      />
    </Stack>
  );
}
