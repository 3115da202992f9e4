/**
 * Runs one lifecycle call for a dialog: the contract's schema checks the input first (field
 * messages), then the core answers; a refusal keeps the dialog open with the core's own words.
 */
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Result } from '../../../../shared/api/result';
import { checkInput, type FieldErrors } from '../../components/translate-problems';

export interface ActionRunner {
  busy: boolean;
  error: string | null;
  fields: FieldErrors;
  run: <I>(schema: z.ZodType, input: I, send: (input: I) => Promise<Result<unknown>>, doneLabel: string) => Promise<boolean>;
}

export function useActionRunner(onDone: () => void): ActionRunner {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function run<I>(schema: z.ZodType, input: I, send: (input: I) => Promise<Result<unknown>>, doneLabel: string) {
    const problems = checkInput(schema, input, t);
    setFields(problems ?? {});
    if (problems) {
      setError(t('error.VALIDATION'));
      return false;
    }
    setBusy(true);
    const r = await send(input);
    setBusy(false);
    if (r.ok) {
      setError(null);
      notifications.show({ color: 'teal', message: t('ui.lifecycle.done', { what: doneLabel }) });
      onDone();
      return true;
    }
    setFields(r.error.fields ?? {});
    setError(r.error.message);
    return false;
  }

  return { busy, error, fields, run };
}
