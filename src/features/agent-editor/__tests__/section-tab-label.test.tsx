import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderEditorSection } from '../../../testing/render-editor-section';
import { SectionTabLabel } from '../components/section-tab-label';
import { TelephonySection } from '../components/telephony-section';
import { EDITOR_SECTIONS } from '../editor-sections';

/** Every section's tab label, as the editor shows them, above the Telephony section. */
function TabsWithTelephony() {
  return (
    <>
      <div role="tablist">
        {EDITOR_SECTIONS.map((section) => (
          <button key={section.value} type="button" role="tab">
            <SectionTabLabel section={section} />
          </button>
        ))}
      </div>
      <TelephonySection />
    </>
  );
}

const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

/** A tab's accessible name: its label, then its marks (jsdom may join them without spaces). */
const tabName = (label: string, ...marks: string[]) =>
  new RegExp(`^${[label, ...marks.map((mark) => `\\(${mark}\\)`)].join('\\s*')}$`);

describe('SectionTabLabel', () => {
  it('shows only the section’s name while nothing changed', () => {
    renderEditorSection(<TabsWithTelephony />);
    expect(tabNames()).toEqual(EDITOR_SECTIONS.map((s) => s.label));
  });

  it('marks only the edited section as having unsaved changes', async () => {
    const { user } = renderEditorSection(<TabsWithTelephony />);
    await user.type(screen.getByRole('textbox', { name: 'Phone number' }), '9');

    expect(await screen.findByRole('tab', { name: tabName('Telephony', 'unsaved changes') })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'General' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Provider' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab', { name: /unsaved changes/ })).toHaveLength(1);
  });

  it('drops the mark once the old value is typed back', async () => {
    const { user } = renderEditorSection(<TabsWithTelephony />);
    const phone = screen.getByRole('textbox', { name: 'Phone number' });
    await user.type(phone, '9');
    expect(await screen.findByRole('tab', { name: tabName('Telephony', 'unsaved changes') })).toBeInTheDocument();
    await user.type(phone, '{Backspace}');
    expect(await screen.findByRole('tab', { name: 'Telephony' })).toBeInTheDocument();
  });

  it('marks only the section holding an invalid field as having errors', async () => {
    const { user } = renderEditorSection(<TabsWithTelephony />);
    const phone = screen.getByRole('textbox', { name: 'Phone number' });
    await user.clear(phone);
    await user.type(phone, '12');
    await user.tab();

    expect(await screen.findByRole('tab', { name: tabName('Telephony', 'has errors', 'unsaved changes') })).toBeInTheDocument();
    expect(screen.getAllByRole('tab', { name: /has errors/ })).toHaveLength(1);
  });

  it('marks a section with errors even when its value is unchanged', async () => {
    const { user, form } = renderEditorSection(<TabsWithTelephony />);
    form.setError('webhook_url', { message: 'The server rejected this URL' });
    expect(await screen.findByRole('tab', { name: tabName('Webhook', 'has errors') })).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Inbound' }));
    expect(await screen.findByRole('tab', { name: tabName('Telephony', 'unsaved changes') })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: tabName('Webhook', 'has errors') })).toBeInTheDocument();
  });
});
