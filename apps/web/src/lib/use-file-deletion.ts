import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The file a confirmation modal asks about, and what its buttons do: on success the modal closes
 * with a notice, on failure it stays open and shows the mutation's error.
 */
export function useFileDeletion<T extends { id: string; fileName: string }>(remove: UseMutationResult<unknown, Error, string>) {
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    deleting,
    ask: setDeleting,
    async confirm() {
      if (!deleting) return;
      try {
        await remove.mutateAsync(deleting.id);
        notifications.show({ color: 'green', message: `${deleting.fileName} is deleted.` });
        setDeleting(null);
      } catch {
        // The modal shows the error.
      }
    },
    cancel() {
      setDeleting(null);
      remove.reset();
    },
  };
}
