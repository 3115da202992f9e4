import { useEffect, useEffectEvent } from 'react';
import { useNavigate } from 'react-router';
import { bridge } from '../../api/bridge';
import { useSession } from '../auth/session-context';

const PAGES: Record<string, string> = { 'open:backups': '/admin/backups', 'open:audit': '/admin/audit' };

/**
 * Listens to the core's event channel: the desktop menu's 文件 → 备份与恢复 / 操作记录 open those pages
 * (for an admin; others stay where they are), and a restore done elsewhere signs this window out.
 */
export function MenuPageEvents() {
  const navigate = useNavigate();
  const { user, refresh } = useSession();
  const handle = useEffectEvent((kind: string) => {
    if (kind === 'restored') refresh();
    else if (PAGES[kind] && user.role === 'admin') void navigate(PAGES[kind]);
  });
  useEffect(() => bridge.onEvent(({ kind }) => handle(kind)), []);
  return null;
}
