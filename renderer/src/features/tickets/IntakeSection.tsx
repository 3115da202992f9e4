import type { ReactNode } from 'react';
import { Paper } from '@mantine/core';
import { SectionTitle } from '../../components/SectionTitle';

export function IntakeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <SectionTitle title={title} />
      {children}
    </Paper>
  );
}
