import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authClient } from '../lib/auth';

export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-label={label} />
    </Center>
  );
}

/** Shows its children only to a signed-in user; otherwise sends them to /sign-in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, isRefetching } = authClient.useSession();
  const location = useLocation();
  if (isPending || (!data && isRefetching)) return <PageLoader label="Checking your session" />;
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null, fallback = '/account'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/**
 * After a successful sign-in step: wait until the session store has the new session (so the
 * account pages' guard sees it), drop cached data of any earlier user, then go on.
 */
export function useAfterSignIn() {
  const { refetch } = authClient.useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (next: string) => {
    await refetch();
    queryClient.clear();
    navigate(next, { replace: true });
  };
}
