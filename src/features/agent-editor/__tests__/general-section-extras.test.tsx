import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInWithApiKey, signOut } from '../../../api/api-key-store';
import { sampleAgent } from '../../../testing/fixtures';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { jsonResponse, stubFetch } from '../../../testing/stub-fetch';
import { GeneralSection } from '../components/general-section';

const PROJECTS = 'GET /user/v1/projects/';
const projects = [
  { id: 1, name: 'Support' },
  { id: 2, name: 'Sales' },
  { id: 3, name: '' },
];

beforeEach(() => signInWithApiKey('test-key'));
afterEach(() => {
  signOut();
  vi.unstubAllGlobals();
});

describe('GeneralSection: project, email, mock tools, metrics', () => {
  it('names each of these controls by its visible label', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    renderEditorSection(<GeneralSection />);
    expect(await screen.findByDisplayValue('Support')).toBe(screen.getByRole('combobox', { name: 'Project' }));
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('');
    const mockTools = screen.getByRole('switch', { name: 'Mock tools enabled' });
    expect(mockTools).not.toBeChecked();
    expect(mockTools).toHaveAccessibleDescription('Select the mock tools by default when configuring a run.');
    expect(screen.getByRole('textbox', { name: 'Predefined metrics' })).toHaveValue('');
  });

  it('loads the projects with the API key and sends the chosen one', async () => {
    const requests = stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user, patch } = renderEditorSection(<GeneralSection />);
    const project = screen.getByRole('combobox', { name: 'Project' });
    await waitFor(() => expect(project).toHaveValue('Support'));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('X-CEKURA-API-KEY')).toBe('test-key');

    await user.click(project);
    expect(screen.getByRole('option', { name: 'Project 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: 'Sales' }));
    expect(project).toHaveValue('Sales');
    expect(patch()).toEqual({ project: 2 });
  });

  it('keeps the agent’s project as a choice when the list does not have it', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user, patch } = renderEditorSection(<GeneralSection />, { agent: sampleAgent({ project: 9 }) });
    const project = screen.getByRole('combobox', { name: 'Project' });
    expect(project).toHaveValue('Project 9');
    await user.click(project);
    expect(await screen.findByRole('option', { name: 'Support' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Project 9' })).toHaveAttribute('aria-selected', 'true');
    expect(patch()).toEqual({});
  });

  it('says when the projects could not be loaded', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse({ detail: 'Server exploded' }, 500) });
    renderEditorSection(<GeneralSection />);
    expect(await screen.findByText('Could not load the projects')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue('Project 1');
  });

  it('sends a typed email, and nothing once it is cleared again', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user, patch } = renderEditorSection(<GeneralSection />);
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.type(email, 'bot@example.com');
    expect(patch()).toEqual({ email_id: 'bot@example.com' });
    await user.clear(email);
    expect(patch()).toEqual({});
  });

  it('shows an error at an invalid email once the field is left', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user } = renderEditorSection(<GeneralSection />);
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.type(email, 'not-an-email');
    await user.tab();
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the mock tools switch', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user, patch } = renderEditorSection(<GeneralSection />);
    await user.click(screen.getByRole('switch', { name: 'Mock tools enabled' }));
    expect(patch()).toEqual({ mock_tools_enabled: true });
  });

  it('sends predefined metrics only once entered, as JSON', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user, patch } = renderEditorSection(<GeneralSection />);
    await user.type(screen.getByRole('textbox', { name: 'Predefined metrics' }), '{{"csat": true}');
    expect(patch()).toEqual({ predefined_metrics: { csat: true } });
  });

  it('shows an error at predefined metrics that are not JSON once the field is left', async () => {
    stubFetch({ [PROJECTS]: () => jsonResponse(projects) });
    const { user } = renderEditorSection(<GeneralSection />);
    const metrics = screen.getByRole('textbox', { name: 'Predefined metrics' });
    await user.type(metrics, '{{csat');
    await user.tab();
    expect(await screen.findByText('Enter valid JSON')).toBeInTheDocument();
    expect(metrics).toHaveAccessibleDescription(expect.stringContaining('Enter valid JSON') as string);
  });
});
