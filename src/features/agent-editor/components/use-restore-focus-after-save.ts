import { useEffect, useRef } from 'react';

/** Whether `element` can take focus now (still on the page, enabled, shown). */
function canTakeFocus(element: HTMLElement | null): element is HTMLElement {
  if (element === null || !element.isConnected) return false;
  if (element.matches(':disabled') || element.closest('fieldset:disabled') !== null) return false;
  // Hidden (display: none, as the phone layout hides some buttons) cannot take focus either.
  return typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
}

/** Focus went nowhere: to the body, or it stays on a control the save disabled or hid. */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || (active instanceof HTMLElement && !canTakeFocus(active));
}

/**
 * Where focus lands after a save: a save disables the form (and Save shows a spinner), which
 * drops focus to the page's body. Once it ends, focus goes back to the control that had it (the
 * field where Ctrl/Cmd+S was pressed, or Save changes after a failed save); when that control
 * cannot take it (Save changes is disabled once everything is saved; a notification's Retry is
 * gone), to the element the returned ref is given: the save bar's status line ("No unsaved
 * changes."), next to Save. Focus the user moved elsewhere meanwhile is left where it is.
 *
 * @example const status = useRestoreFocusAfterSave(saving); <Text ref={status} tabIndex={-1}>…</Text>
 */
export function useRestoreFocusAfterSave(saving: boolean) {
  const fallback = useRef<HTMLParagraphElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const wasSaving = useRef(saving);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) lastFocused.current = event.target;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  useEffect(() => {
    const ended = wasSaving.current && !saving;
    wasSaving.current = saving;
    if (!ended || !focusIsLost()) return;
    const target = canTakeFocus(lastFocused.current) ? lastFocused.current : fallback.current;
    target?.focus({ preventScroll: target === fallback.current });
  }, [saving]);

  return fallback;
}
