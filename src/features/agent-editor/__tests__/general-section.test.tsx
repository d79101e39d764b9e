import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { AgentFormValues } from '../../../agent/form-schema';
import { agentToFormValues } from '../../../agent/mapping';
import { sampleAgent } from '../../../testing/fixtures';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { GeneralSection } from '../components/general-section';

function WithForm({ children }: { children: ReactNode }) {
  const form = useForm<AgentFormValues>({ defaultValues: agentToFormValues(sampleAgent()) });
  return <FormProvider {...form}>{children}</FormProvider>;
}

describe('GeneralSection', () => {
  it('renders each control with its label and the agent’s values', () => {
    renderWithProviders(
      <WithForm>
        <GeneralSection />
      </WithForm>,
    );
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Support triage');
    expect(screen.getByLabelText('Description')).toHaveValue('Answers billing questions.');
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('English');
    const speaksFirst = screen.getByRole('radiogroup', { name: 'Agent speaks first' });
    expect(speaksFirst).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Agent' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Caller' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Auto-detect' })).not.toBeChecked();
  });
});
