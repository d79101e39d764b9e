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
 * changes."), next to Save. `changed` is the save bar's own "something to save": the diff is
 * recomputed a moment after the save, and only then is Save disabled, so focus is looked after
 * until the user next presses a key or a pointer. Focus the user moved elsewhere is left alone.
 *
 * @example const status = useRestoreFocusAfterSave(saving, changed); <Text ref={status} tabIndex={-1}>…</Text>
 */
export function useRestoreFocusAfterSave(saving: boolean, changed: boolean) {
  const fallback = useRef<HTMLParagraphElement>(null);
  const lastFocused = useRef<HTMLElement | null>(null);
  const wasSaving = useRef(saving);
  /** A save ended and the user has not acted since: focus lost meanwhile is put back. */
  const restoring = useRef(false);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) lastFocused.current = event.target;
    };
    const userActed = () => {
      restoring.current = false;
    };
    document.addEventListener('focusin', remember);
    document.addEventListener('keydown', userActed, true);
    document.addEventListener('pointerdown', userActed, true);
    return () => {
      document.removeEventListener('focusin', remember);
      document.removeEventListener('keydown', userActed, true);
      document.removeEventListener('pointerdown', userActed, true);
    };
  }, []);

  useEffect(() => {
    if (wasSaving.current !== saving) restoring.current = !saving;
    wasSaving.current = saving;
    if (!restoring.current || !focusIsLost()) return;
    const target = canTakeFocus(lastFocused.current) ? lastFocused.current : fallback.current;
    target?.focus({ preventScroll: target === fallback.current });
  }, [saving, changed]);

  return fallback;
}
