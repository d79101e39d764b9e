import {
  JsonInput,
  MultiSelect,
  NumberInput,
  PasswordInput,
  Select,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import type {
  JsonInputProps,
  MultiSelectProps,
  NumberInputProps,
  PasswordInputProps,
  SelectProps,
  SwitchProps,
  TextInputProps,
  TextareaProps,
} from '@mantine/core';
// The one place that may: every other editor input takes its field from here (eslint.boundaries.js).
// eslint-disable-next-line no-restricted-imports
import { get, useController, useFormContext, useFormState } from 'react-hook-form';
import type { FieldError, FieldPath, RegisterOptions, UseControllerReturn } from 'react-hook-form';
import type { AgentFormValues } from '../../../agent/form-schema';
import { NULLABLE_BOOLEAN_OPTIONS } from '../../../agent/options';
import { useFormEdited } from '../agent-changes-context';
import classes from './form-controls.module.css';

/**
 * Mantine inputs bound to one path of the agent form. Each subscribes to its own field only,
 * so typing in one input re-renders that input, not the section (long lists stay fast).
 */
type Path = FieldPath<AgentFormValues>;

/** Keeps the error line's space reserved, so validation on blur never moves what is below. */
export const ERROR_SLOT = { root: classes.field, error: classes.error };

/**
 * Re-validates `name` after a change while it shows an error. In `onTouched` mode an untouched
 * field keeps an error set from elsewhere (a field-array check after Add, a cross-field rule)
 * until it blurs; this clears it as the user types instead.
 */
export function useRevalidateWhileInvalid(name: Path, error: string | undefined): () => void {
  const { trigger } = useFormContext<AgentFormValues>();
  return () => {
    if (error !== undefined) void trigger(name);
  };
}

/**
 * `register(name)` for an editor input: tells the change feed of each change (the value is set
 * before `onChange`'s first await) and re-validates while the field shows an error.
 */
export function useEditorRegister<N extends Path>(name: N, error: string | undefined, options?: RegisterOptions<AgentFormValues, N>) {
  const { register } = useFormContext<AgentFormValues>();
  const edited = useFormEdited();
  const revalidate = useRevalidateWhileInvalid(name, error);
  const registered = register(name, options);
  return {
    ...registered,
    onChange: async (event: { target: unknown; type?: unknown }) => {
      const changing = registered.onChange(event);
      edited(name);
      const result: unknown = await changing;
      revalidate();
      return result;
    },
  };
}

/**
 * `useController({ name })` for an editor input: its `field.onChange` also tells the change feed.
 * Every editor control takes its field from here or from `useEditorRegister`; the feed does not
 * subscribe to keystrokes itself (see `change-feed.ts`).
 */
export function useFieldController<N extends Path>(name: N): UseControllerReturn<AgentFormValues, N> {
  const controller = useController<AgentFormValues, N>({ name });
  const edited = useFormEdited();
  const { onChange } = controller.field;
  return {
    ...controller,
    field: {
      ...controller.field,
      onChange: (...event: unknown[]) => {
        onChange(...event);
        edited(name);
      },
    },
  };
}

/** The message of the error at `name`, re-rendering only when that field's error changes. */
export function useFieldError(name: Path): string | undefined {
  const { errors } = useFormState<AgentFormValues>({ name, exact: true });
  const error: FieldError | undefined = get(errors, name);
  return error?.message;
}

export function FormTextInput({ name, ...props }: { name: Path } & Omit<TextInputProps, 'name' | 'error'>) {
  const error = useFieldError(name);
  return <TextInput autoComplete="off" classNames={ERROR_SLOT} {...props} {...useEditorRegister(name, error)} error={error} />;
}

export function FormTextarea({ name, ...props }: { name: Path } & Omit<TextareaProps, 'name' | 'error'>) {
  const error = useFieldError(name);
  return <Textarea classNames={ERROR_SLOT} {...props} {...useEditorRegister(name, error)} error={error} />;
}

/** A write-only secret: never pre-filled, never echoed back after saving. */
export function FormSecretInput({ name, ...props }: { name: Path } & Omit<PasswordInputProps, 'name' | 'error'>) {
  const error = useFieldError(name);
  return <PasswordInput autoComplete="new-password" classNames={ERROR_SLOT} {...props} {...useEditorRegister(name, error)} error={error} />;
}

export function FormJsonInput({ name, ...props }: { name: Path } & Omit<JsonInputProps, 'name' | 'error' | 'value' | 'onChange'>) {
  const { field: { ref, ...field }, fieldState } = useFieldController(name);
  const revalidate = useRevalidateWhileInvalid(name, fieldState.error?.message);
  return (
    <JsonInput
      autosize
      minRows={3}
      maxRows={14}
      // No formatOnBlur: reformatting on blur grows the field under the click that blurred it.
      // Mantine shows `validationError` instead of `error` while the text is not JSON.
      validationError={fieldState.error?.message ?? 'Enter valid JSON'}
      classNames={ERROR_SLOT}
      {...props}
      name={field.name}
      ref={ref}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(value) => {
        field.onChange(value);
        revalidate();
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormSwitch({ name, ...props }: { name: Path } & Omit<SwitchProps, 'name' | 'checked' | 'onChange'>) {
  const { field: { ref, ...field } } = useFieldController(name);
  return (
    <Switch
      // Mantine's <label> wraps the description too, which would make it part of the name.
      aria-label={typeof props.label === 'string' ? props.label : undefined}
      {...props}
      name={field.name}
      ref={ref}
      checked={field.value === true}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      onBlur={field.onBlur}
    />
  );
}

export function FormSelect({ name, ...props }: { name: Path } & Omit<SelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field: { ref, ...field }, fieldState } = useFieldController(name);
  const revalidate = useRevalidateWhileInvalid(name, fieldState.error?.message);
  return (
    <Select
      allowDeselect={false}
      classNames={ERROR_SLOT}
      {...props}
      name={field.name}
      ref={ref}
      value={typeof field.value === 'string' ? field.value : null}
      onChange={(value) => {
        field.onChange(value ?? '');
        revalidate();
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

/** A `true / false / null` field: On, Off, or the provider's default. */
export function FormNullableBoolean({ name, ...props }: { name: Path } & Omit<SelectProps, 'name' | 'value' | 'onChange' | 'data'>) {
  const { field: { ref, ...field } } = useFieldController(name);
  const value = field.value === true ? 'on' : field.value === false ? 'off' : 'default';
  return (
    <Select
      allowDeselect={false}
      classNames={ERROR_SLOT}
      {...props}
      data={[...NULLABLE_BOOLEAN_OPTIONS]}
      name={field.name}
      ref={ref}
      value={value}
      onChange={(next) => field.onChange(next === 'on' ? true : next === 'off' ? false : null)}
      onBlur={field.onBlur}
    />
  );
}

export function FormNumberInput({ name, ...props }: { name: Path } & Omit<NumberInputProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field: { ref, ...field }, fieldState } = useFieldController(name);
  const revalidate = useRevalidateWhileInvalid(name, fieldState.error?.message);
  return (
    <NumberInput
      allowDecimal={false}
      classNames={ERROR_SLOT}
      {...props}
      name={field.name}
      ref={ref}
      value={typeof field.value === 'number' ? field.value : ''}
      onChange={(value) => {
        field.onChange(typeof value === 'number' ? value : null);
        revalidate();
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function FormMultiSelect({ name, ...props }: { name: Path } & Omit<MultiSelectProps, 'name' | 'value' | 'onChange' | 'error'>) {
  const { field: { ref, ...field }, fieldState } = useFieldController(name);
  const revalidate = useRevalidateWhileInvalid(name, fieldState.error?.message);
  return (
    <MultiSelect
      classNames={ERROR_SLOT}
      {...props}
      name={field.name}
      ref={ref}
      value={Array.isArray(field.value) ? (field.value as unknown[]).filter((v): v is string => typeof v === 'string') : []}
      onChange={(value) => {
        field.onChange(value);
        revalidate();
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
