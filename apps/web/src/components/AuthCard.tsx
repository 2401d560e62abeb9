import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** A narrow, centred card for sign-in style forms; full width on small screens. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', xs: 'xl' }} maw={460} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      {children}
    </Paper>
  );
}
