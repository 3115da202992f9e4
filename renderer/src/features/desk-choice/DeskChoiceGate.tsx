/**
 * The desktop app's first start (issue 18): while the desk still asks 本机 / 连接到主机 the choice screen stands in
 * front of the app; otherwise (chosen, or a browser on the LAN that may not ask) the app goes on as always.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import type { DeskChoiceState } from '../../../../shared/domain/desk-choice';
import { call } from '../../api/call';
import { DeskChoiceScreen } from './DeskChoiceScreen';

export function DeskChoiceGate({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<DeskChoiceState | 'no' | null>(null);

  useEffect(() => {
    void call('desk.choice', {}).then((r) => setAsking(r.ok && r.value.mode === 'ask' ? r.value : 'no'));
  }, []);

  if (asking === null)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (asking === 'no') return children;
  return <DeskChoiceScreen computerName={asking.computerName} onDone={() => setAsking('no')} />;
}
