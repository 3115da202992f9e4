/** The one typed way the renderer talks to the core. */
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { bridge } from './bridge';
import { currentLocale } from '../i18n/locale';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Lets the session provider hear when any call finds the session gone. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  let result: Result<OutputOf<M>>;
  try {
    result = (await bridge.invoke(method, input, currentLocale())) as Result<OutputOf<M>>;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !method.startsWith('auth.')) {
    unauthenticatedListeners.forEach((l) => l());
  }
  return result;
}
