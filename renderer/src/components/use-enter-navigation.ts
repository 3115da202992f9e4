/**
 * Keyboard-first forms: Enter moves to the next field (a scanner ends with Enter too), Ctrl+Enter
 * submits. Textareas keep Enter for new lines. In a drop-down (Mantine Select) Enter takes the
 * highlighted option and moves on; with nothing highlighted it moves on and keeps the value shown.
 * A type-ahead (`data-typeahead`) keeps Enter while its list is open: its hits may still be loading.
 * A radio group is one stop, at its checked radio, as Tab treats it.
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

function isStop(el: HTMLElement): boolean {
  if (el.offsetParent === null || el.tabIndex < 0 || el.hasAttribute('data-skip-enter')) return false;
  if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
    return !Array.from(document.getElementsByName(el.name)).some((r) => r instanceof HTMLInputElement && r.checked);
  }
  return true;
}

/** Focuses the field after `from` inside `container`, as Enter does. */
export function focusNextField(container: HTMLElement, from: HTMLElement): void {
  const all = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(isStop);
  all[all.indexOf(from) + 1]?.focus();
}

export function useEnterNavigation(onSubmit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      onSubmit();
      return;
    }
    const target = event.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    const open = target.getAttribute('aria-expanded') === 'true';
    if (open && target.hasAttribute('data-typeahead')) return;
    // A prevented Enter did its own work, unless it was a drop-down taking its highlighted option.
    if (event.defaultPrevented && !(open && target.getAttribute('role') === 'combobox')) return;
    event.preventDefault();
    focusNextField(event.currentTarget, target);
  };
}
