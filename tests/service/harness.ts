/** A real core on a temporary data directory, with signed-in clients for each role. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core';
import type { Client } from '../../electron/core/context';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Role } from '../../shared/domain/roles';

export interface Harness {
  core: Core;
  dir: string;
  /** A clock the test can move. */
  clock: { now: Date };
  client(locale?: Client['locale']): Client;
  call<M extends MethodName>(client: Client, method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  ok<M extends MethodName>(client: Client, method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Admin, then one signed-in client per role. */
  signedIn(): Promise<Record<Role, Client>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'aftercare-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `options`: what the core is opened with besides its folder and clock (e.g. the official holidays an update brings). */
export async function openHarness(dir = tempDir(), options: Partial<CoreOptions> = {}): Promise<Harness> {
  const clock = { now: new Date('2026-11-24T10:00:00Z') };
  const core = await openCore({ dataDir: dir, now: () => clock.now, log: () => undefined, ...options });
  const call = <M extends MethodName>(client: Client, method: M, input: InputOf<M>) =>
    core.dispatch(method, input, client) as Promise<Result<OutputOf<M>>>;
  const ok = async <M extends MethodName>(client: Client, method: M, input: InputOf<M>) => {
    const result = await call(client, method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const client = (locale: Client['locale'] = 'zh-CN'): Client => ({ sessionId: null, locale });
  return {
    core,
    dir,
    clock,
    client,
    call,
    ok,
    async signedIn() {
      const admin = client();
      await ok(admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
      const out = { admin } as Record<Role, Client>;
      for (const role of ['clerk', 'engineer', 'supervisor'] as const) {
        await ok(admin, 'users.create', { username: role, displayName: role, role, password: `${role}-pass-1` });
        const c = client();
        await ok(c, 'auth.login', { username: role, password: `${role}-pass-1` });
        out[role] = c;
      }
      return out;
    },
    close: () => core.close(),
  };
}

/** A minimal valid intake for a new customer; override what the test is about. */
export function intake(overrides: Partial<InputOf<'tickets.create'>> = {}): InputOf<'tickets.create'> {
  return {
    channel: 'phone',
    reportedAt: '2026-11-24T01:30:00.000Z',
    contactName: '陈先生',
    contactPhone: '138 0013 5678',
    urgency: 'important',
    problemType: 'hardware',
    faultDescription: '制冷效果差，出风温度高于设定温度5℃',
    newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678' },
    ...overrides,
  };
}
