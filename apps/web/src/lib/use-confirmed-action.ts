import { notifications } from '@mantine/notifications';
import { useState } from 'react';

/**
 * What a confirmation modal asks about and what its buttons do: `run` does the action and
 * returns the notice to show; on success the modal closes, on failure it stays open with the error.
 */
export function useConfirmedAction<T>(run: (item: T) => Promise<string>) {
  const [pending, setPending] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setPending(null);
    setError(null);
  };
  return {
    pending,
    error,
    ask: (item: T) => {
      setError(null);
      setPending(item);
    },
    close,
    async confirm() {
      if (pending === null) return;
      try {
        notifications.show({ color: 'green', message: await run(pending) });
        close();
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
      }
    },
  };
}
