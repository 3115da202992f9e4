/**
 * The half-typed intake, kept in this PC's browser storage under the clerk's user id and offered back
 * when they return to 新建工单; removed once the ticket is saved. Browser storage rather than the server:
 * a draft is the form's own state (written at every keystroke, no audit entry, no schema), and the clerk
 * returns to the same desk PC; each login has its own key, so a colleague on the PC is never offered it.
 */
import type { IntakeDraft } from './intake-draft';

export interface StoredIntake {
  /** Desk-clock time of the last change, ISO-8601. */
  savedAt: string;
  draft: IntakeDraft;
  customerQuery: string;
}

const key = (userId: number) => `aftercare.intake-draft.${userId}`;

export function loadIntake(userId: number): StoredIntake | null {
  try {
    const raw = localStorage.getItem(key(userId));
    const parsed = raw ? (JSON.parse(raw) as StoredIntake) : null;
    return parsed && typeof parsed.savedAt === 'string' && parsed.draft && typeof parsed.draft.channel === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveIntake(userId: number, stored: StoredIntake): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the form itself still works, only the draft is not kept.
  }
}

export function forgetIntake(userId: number): void {
  localStorage.removeItem(key(userId));
}
