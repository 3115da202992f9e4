/**
 * The heading of a section on the settings and admin screens: a blue title that screen readers read as a
 * heading (h4 under the page's h3; h5 for a section inside a section), an optional dimmed hint below it, and
 * optional actions (buttons, a field) on its right.
 */
import type { ReactNode } from 'react';
import { Box, Group, Text, type MantineSpacing } from '@mantine/core';

interface Props {
  title: ReactNode;
  hint?: ReactNode;
  actions?: ReactNode;
  order?: 4 | 5;
  /** The space below: the section's own fields follow at `xs`; inside a Stack, its gap is enough (0). */
  mb?: MantineSpacing | number;
}

export function SectionTitle({ title, hint, actions, order = 4, mb = 'xs' }: Props) {
  const heading = (
    <Text component={order === 4 ? 'h4' : 'h5'} fw={600} size="sm" c="blue.8">
      {title}
    </Text>
  );
  return (
    <Box mb={mb}>
      {actions ? (
        // On the last baseline: the title sits on the line of a button's label or of a labelled field's text.
        <Group justify="space-between" align="last baseline">
          {heading}
          {actions}
        </Group>
      ) : (
        heading
      )}
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Box>
  );
}
