/**
 * Fuzz of every contract method through the dispatcher, signed in as the admin on a desk with the demo
 * data: inputs grown from each method's own schema and spoiled with malformed, oversized, control-character
 * and prototype-polluting values. No call may answer INTERNAL or throw, nothing may be polluted, and the
 * desk answers afterwards. Seeded: a failure names the seed and the input; AFTERCARE_FUZZ_SEED reruns it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import type { Client } from '../../electron/core/context';
import { openHost, type HostHarness } from './host-harness';
import { hostileValue, pollutingObject, prng, shortJson, valueFor } from './fuzz-inputs';

const SEED = Number(process.env.AFTERCARE_FUZZ_SEED ?? 20261124);
const PER_METHOD = 48;
/** Methods that start a worker, write a file or take a backup: fewer rounds, the same kinds of input. */
const HEAVY: Partial<Record<MethodName, number>> = {
  'imports.preview': 4,
  'imports.run': 4,
  'reports.monthlyWorkbook': 4,
  'backups.create': 3,
  'backups.restore': 10,
  'demo.load': 3,
  'tickets.export': 15,
  'returns.export': 15,
  'receivables.export': 15,
};
/** Methods that sign in or out, or change passwords: called on a throwaway session, not the admin's. */
const OWN_SESSION = new Set<string>(['auth.setup', 'auth.login', 'auth.logout', 'auth.changePassword']);
/** Answers that come before the handler runs. */
const SCHEMA_OR_ROLE = new Set(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'UNKNOWN_METHOD']);

let h: HostHarness;
let admin: Client;
let victimId = 0;

const call = (client: Client, method: string, input: unknown) => h.core.dispatch(method, input, client);

async function signIn(username: string, password: string): Promise<Client> {
  const client: Client = { sessionId: null, locale: 'zh-CN' };
  const r = await call(client, 'auth.login', { username, password });
  if (!r.ok) throw new Error(`sign-in ${username}: ${r.error.message}`);
  return client;
}

beforeAll(async () => {
  h = await openHost();
  admin = { sessionId: null, locale: 'zh-CN' };
  expect((await call(admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' })).ok).toBe(true);
  expect(await call(admin, 'demo.load', {})).toMatchObject({ ok: true });
  const victim = await call(admin, 'users.create', { username: 'victim', displayName: '受试', role: 'clerk', password: 'victim-pass-1' });
  victimId = victim.ok ? (victim.value as { id: number }).id : 0;
}, 120_000);
afterAll(() => h.close());

/** The admin's own account is kept: the rest of the run needs its session and its role. */
function tame(method: string, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  if ((method === 'users.update' || method === 'users.resetPassword') && record.id === 1) return { ...record, id: victimId };
  return input;
}

/** A reproducible stream per method, so one method's failure reruns without the others. */
const seedOf = (method: string) => [...method].reduce((n, ch) => Math.imul(n ^ ch.charCodeAt(0), 16777619) >>> 0, SEED);

describe('every contract method, fuzzed through the dispatcher', () => {
  it(`answers malformed, oversized, control-character and polluting input without INTERNAL (seed ${SEED})`, async () => {
    const failures: string[] = [];
    /** Methods at least one input got past the schema and the role check with (into the handler). */
    const reached = new Set<string>();
    for (const method of Object.keys(contract) as MethodName[]) {
      const rng = prng(seedOf(method));
      const rounds = HEAVY[method] ?? PER_METHOD;
      for (let round = 0; round < rounds; round++) {
        // Of six rounds: two well-formed with text the schema accepts (they reach the handler), two well-formed
        // with forbidden characters in the text, one spoiled here and there, one not the input's shape at all.
        const schema = contract[method].input;
        const kind = round % 6;
        const raw =
          kind === 5
            ? round % 12 === 5
              ? pollutingObject(rng)
              : hostileValue(rng)
            : valueFor(rng, schema, { spoil: kind === 4 ? 0.1 : 0, forbiddenText: kind === 2 || kind === 3 || (kind === 4 && rng() < 0.5) });
        const input = tame(method, raw);
        const client = OWN_SESSION.has(method) ? await signIn('victim', 'victim-pass-1').catch(() => ({ sessionId: null, locale: 'en' as const })) : admin;
        const logged = h.logged.length;
        try {
          const result = await call(client, method, input);
          if (result.ok || !SCHEMA_OR_ROLE.has(result.error.code)) reached.add(method);
          if (!result.ok && result.error.code === 'INTERNAL') failures.push(`${method} #${round}: INTERNAL for ${shortJson(input)}\n  ${h.logged.slice(logged).join('\n  ')}`);
        } catch (error) {
          failures.push(`${method} #${round}: threw ${String(error)} for ${shortJson(input)}`);
        }
        // The victim's password may have been reset by the fuzz: set it back for the next own-session call.
        if (method === 'users.resetPassword' || method === 'auth.changePassword') await call(admin, 'users.resetPassword', { id: victimId, password: 'victim-pass-1' });
      }
      const still = await call(admin, 'auth.status', {});
      if (!still.ok || !(still.value as { user: unknown }).user) failures.push(`${method}: the admin's session did not survive`);
    }
    expect(failures).toEqual([]);
    // A fuzz that only met the schema would prove little: most methods must have run their handler.
    const missed = Object.keys(contract).filter((m) => !reached.has(m));
    expect(missed.length, `never past the schema: ${missed.join(', ')}`).toBeLessThan(Object.keys(contract).length / 5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(await call(admin, 'tickets.list', {})).toMatchObject({ ok: true });
  }, 180_000);
});
