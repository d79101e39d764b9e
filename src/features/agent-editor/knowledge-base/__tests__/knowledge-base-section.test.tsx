import { ModalsProvider } from '@mantine/modals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAgentPatch } from '../../../../agent/build-agent-patch';
import type { AgentFormValues } from '../../../../agent/form-schema';
import { agentToFormValues } from '../../../../agent/mapping';
import { sampleAgent } from '../../../../testing/fixtures';
import { renderWithProviders } from '../../../../testing/render-with-providers';
import { LoadedAgentContext } from '../../loaded-agent-context';
import { KnowledgeBaseSection } from '../components/knowledge-base-section';
import { getPendingFileState, releasePendingFilesExcept } from '../pending-files';
import { waitForPendingFiles } from '../wait-for-pending-files';
import { encodePatchBody } from './encode-pending-patch';

const agent = sampleAgent(); // faq.md (#7) and prices.csv (#8)

function renderSection() {
  const formRef: { current: UseFormReturn<AgentFormValues> | null } = { current: null };
  function WithForm({ children }: { children: ReactNode }) {
    const form = useForm<AgentFormValues>({ defaultValues: agentToFormValues(agent) });
    formRef.current = form;
    return (
      <ModalsProvider>
        <FormProvider {...form}>
          <LoadedAgentContext value={agent}>{children}</LoadedAgentContext>
        </FormProvider>
      </ModalsProvider>
    );
  }
  const result = renderWithProviders(
    <WithForm>
      <KnowledgeBaseSection />
    </WithForm>,
  );
  const form = () => {
    if (!formRef.current) throw new Error('no form');
    return formRef.current;
  };
  // The picker's `accept` filter would hide refused files; a drop has no filter.
  return { ...result, user: userEvent.setup({ applyAccept: false, delay: null }), form };
}

const input = () => screen.getByLabelText('Choose knowledge-base files');

afterEach(() => {
  releasePendingFilesExcept([]);
});

describe('KnowledgeBaseSection', () => {
  it('lists the agent’s files with links and a keyboard-reachable, named drop zone', () => {
    renderSection();
    const table = screen.getByRole('table', { name: 'Knowledge-base files' });
    expect(within(table).getByRole('link', { name: 'faq.md' })).toHaveAttribute('href', 'https://files.example.com/7');
    expect(within(table).getByRole('link', { name: 'prices.csv' })).toBeInTheDocument();
    const zone = screen.getByRole('button', { name: 'Drop knowledge-base files here or browse' });
    expect(zone).toHaveAttribute('tabindex', '0');
    expect(input()).toHaveAttribute('type', 'file');
    expect(input()).toHaveAttribute('multiple');
  });

  it('adds picked files as "To upload" with their size, refusing the others with their reasons', async () => {
    const { user, form } = renderSection();
    await user.upload(input(), [
      new File(['# Returns\n'], 'returns.md'),
      new File(['MZ'], 'setup.exe'),
      new File([''], 'empty.txt'),
      new File(['dup'], 'faq.md'),
      new File(['{"a":1}'], 'hours.json'),
    ]);

    const pending = await screen.findByRole('table', { name: 'Files to upload' });
    expect(within(pending).getByText('returns.md')).toBeInTheDocument();
    expect(within(pending).getByText('10 B')).toBeInTheDocument();
    expect(within(pending).getByText('hours.json')).toBeInTheDocument();
    expect(within(pending).getByText('7 B')).toBeInTheDocument();

    const refused = screen.getByRole('alert', { name: /not added/ });
    expect(refused).toHaveTextContent('3 files were not added');
    expect(refused).toHaveTextContent('setup.exe: .exe files are not accepted');
    expect(refused).toHaveTextContent('empty.txt: The file is empty');
    expect(refused).toHaveTextContent('faq.md: A file with this name is already attached');

    const files = form().getValues('knowledge_base_files');
    expect(files.map((f) => f.file_name)).toEqual(['faq.md', 'prices.csv', 'returns.md', 'hours.json']);
    // The form holds a token, not the content.
    const token = files[2]?.content_base64 ?? '';
    expect(token).toMatch(/^kb-pending:/);
    await waitFor(() => expect(within(pending).getAllByText('To upload')).toHaveLength(2));

    const patch = buildAgentPatch(agent, form().getValues());
    await waitForPendingFiles([token]);
    expect(JSON.parse(await encodePatchBody(patch).text())).toEqual({
      knowledge_base_files: [
        { id: 7 },
        { id: 8 },
        { file_name: 'returns.md', content_base64: Buffer.from('# Returns\n').toString('base64') },
        { file_name: 'hours.json', content_base64: Buffer.from('{"a":1}').toString('base64') },
      ],
    });
  });

  it('takes a drop of several files', async () => {
    const { form } = renderSection();
    const zone = screen.getByRole('button', { name: 'Drop knowledge-base files here or browse' });
    const files = [new File(['a'], 'a.txt'), new File(['b'], 'b.csv'), new File(['c'], 'c.png')];
    const dataTransfer = { files, items: files.map((file) => ({ kind: 'file', type: file.type, getAsFile: () => file })), types: ['Files'] };
    fireEvent.dragEnter(zone, { dataTransfer });
    fireEvent.drop(zone, { dataTransfer });
    const pending = await screen.findByRole('table', { name: 'Files to upload' });
    expect(within(pending).getByText('a.txt')).toBeInTheDocument();
    expect(within(pending).getByText('b.csv')).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: /not added/ })).toHaveTextContent('c.png: .png files are not accepted');
    expect(form().getValues('knowledge_base_files')).toHaveLength(4);
  });

  it('removes a file to upload at once, and forgets its content', async () => {
    const { user, form } = renderSection();
    await user.upload(input(), [new File(['x'], 'draft.md')]);
    const token = form().getValues('knowledge_base_files')[2]?.content_base64 ?? '';
    await user.click(await screen.findByRole('button', { name: 'Remove draft.md' }));
    expect(screen.queryByRole('table', { name: 'Files to upload' })).not.toBeInTheDocument();
    expect(form().getValues('knowledge_base_files')).toHaveLength(2);
    await waitFor(() => expect(getPendingFileState(token)).toBeUndefined());
  });

  it('asks before removing an uploaded file, and can undo it until saved', async () => {
    const { user, form } = renderSection();
    await user.click(screen.getByRole('button', { name: 'Remove faq.md' }));
    await user.click(await screen.findByRole('button', { name: 'Keep file' }));
    expect(form().getValues('knowledge_base_files')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove faq.md' }));
    await user.click(await screen.findByRole('button', { name: 'Remove file' }));
    const toDelete = await screen.findByRole('region', { name: 'Files to delete' });
    expect(toDelete).toHaveTextContent('faq.md');
    expect(buildAgentPatch(agent, form().getValues())).toEqual({ knowledge_base_files: [{ id: 8 }] });

    await user.click(within(toDelete).getByRole('button', { name: 'Undo removing faq.md' }));
    expect(screen.queryByRole('region', { name: 'Files to delete' })).not.toBeInTheDocument();
    expect(buildAgentPatch(agent, form().getValues())).toEqual({});
  });

  it('lets a new file take the name of a file being deleted', async () => {
    const { user, form } = renderSection();
    await user.click(screen.getByRole('button', { name: 'Remove faq.md' }));
    await user.click(await screen.findByRole('button', { name: 'Remove file' }));
    await user.upload(input(), [new File(['new'], 'faq.md')]);
    expect(await screen.findByRole('table', { name: 'Files to upload' })).toHaveTextContent('faq.md');
    expect(screen.queryByRole('alert', { name: /not added/ })).not.toBeInTheDocument();
    expect(form().getValues('knowledge_base_files').map((f) => f.id)).toEqual([8, undefined]);
  });

  it('forgets pending files when the form is reset (discard, or saved)', async () => {
    const { user, form } = renderSection();
    await user.upload(input(), [new File(['x'], 'a.md')]);
    const token = form().getValues('knowledge_base_files')[2]?.content_base64 ?? '';
    expect(getPendingFileState(token)).toBeDefined();
    form().reset();
    await waitFor(() => expect(getPendingFileState(token)).toBeUndefined());
    expect(screen.queryByRole('table', { name: 'Files to upload' })).not.toBeInTheDocument();
  });
});
