import { Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { authClient, hasRole, isStaff } from '../../lib/auth';

export function NotAllowedPage({ staff = false }: { staff?: boolean }) {
  return (
    <Stack gap="sm" align="flex-start">
      <PageTitle>Not allowed</PageTitle>
      <Text>
        {staff
          ? 'This page of the staff console is for other roles. Your account does not have access to it.'
          : 'This part of Steward is only for staff. Your account does not have access to it.'}
      </Text>
      <Button component={Link} to={staff ? '/staff' : '/account'} variant="default">
        {staff ? 'Go to the staff console' : 'Go to your account'}
      </Button>
    </Stack>
  );
}

function useRole(): string | null | undefined {
  const { data } = authClient.useSession();
  return (data?.user as { role?: string | null } | undefined)?.role;
}

/** The staff console: only for the roles admin, support and dpo. */
export function StaffGuard() {
  const role = useRole();
  if (!isStaff(role)) return <NotAllowedPage />;
  return <Outlet />;
}

/** One page of the console, for the roles its API admits. */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const role = useRole();
  if (!hasRole(role, roles)) return <NotAllowedPage staff />;
  return <>{children}</>;
}

/** /staff opens the first page the role may see. */
export function StaffHome() {
  const role = useRole();
  return <Navigate to={hasRole(role, ['admin', 'support']) ? '/staff/support' : '/staff/audit'} replace />;
}
