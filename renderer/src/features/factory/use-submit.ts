/** A dialog's save: calls the API, keeps the answer's field errors and message, and reports success. */
import { useState } from 'react';
import type { Result } from '../../../../shared/api/result';

export function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit<T>(run: () => Promise<Result<T>>): Promise<T | null> {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (r.ok) return r.value;
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
    return null;
  }
  return { errors, setErrors, message, busy, submit };
}
