/**
 * The demo accounts the sign-in screen lists: only on a desk where the demo was loaded (its mark in the audit
 * trail), and only the accounts that still have the demo password — once the admin changes one, it is no
 * longer shown. Checking a password costs a scrypt: the answer is kept per stored hash.
 */
import type { Role } from '../../../../shared/domain/roles';
import type { DemoAccount } from '../../../../shared/domain/user';
import { verifyPassword } from '../../auth/password';
import type { CoreDeps } from '../../context';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './people';

const known = new Map<string, boolean>();

async function isDemoPassword(hash: string): Promise<boolean> {
  let answer = known.get(hash);
  if (answer === undefined) {
    if (known.size > 100) known.clear();
    known.set(hash, (answer = await verifyPassword(DEMO_PASSWORD, hash)));
  }
  return answer;
}

export async function demoAccounts(deps: Pick<CoreDeps, 'db'>): Promise<DemoAccount[] | undefined> {
  const mark = await deps.db.get("SELECT 1 AS x FROM audit_log WHERE entity = 'demo' LIMIT 1");
  if (!mark) return undefined;
  const rows = await deps.db.query<{ username: string; display_name: string; role: Role; password_hash: string }>(
    `SELECT username, display_name, role, password_hash FROM users WHERE active = 1 AND username IN (${DEMO_USERNAMES.map(() => '?').join(', ')})`,
    DEMO_USERNAMES,
  );
  const out: DemoAccount[] = [];
  for (const name of DEMO_USERNAMES) {
    const row = rows.find((r) => r.username === name);
    if (row && (await isDemoPassword(row.password_hash))) out.push({ username: row.username, displayName: row.display_name, role: row.role, password: DEMO_PASSWORD });
  }
  return out.length > 0 ? out : undefined;
}
