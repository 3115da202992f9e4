/**
 * Keyboard-first forms: Enter moves to the next field (a scanner ends with Enter too), Ctrl+Enter
 * submits. Textareas keep Enter for new lines; an open type-ahead consumes Enter itself.
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]';

export function useEnterNavigation(onSubmit: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      onSubmit();
      return;
    }
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    if (target.getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    const all = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null && el.tabIndex >= 0 && !el.hasAttribute('data-skip-enter'),
    );
    const next = all[all.indexOf(target) + 1];
    next?.focus();
  };
}
