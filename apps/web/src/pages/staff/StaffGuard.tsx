import { Button, Stack, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { authClient, isStaff } from '../../lib/auth';

export function NotAllowedPage() {
  return (
    <Stack gap="sm" align="flex-start">
      <PageTitle>Not allowed</PageTitle>
      <Text>This part of Steward is only for staff. Your account does not have access to it.</Text>
      <Button component={Link} to="/account" variant="default">
        Go to your account
      </Button>
    </Stack>
  );
}

/** The staff console: only for the roles admin, support and dpo. */
export function StaffGuard() {
  const { data } = authClient.useSession();
  const role = (data?.user as { role?: string | null } | undefined)?.role;
  if (!isStaff(role)) return <NotAllowedPage />;
  return <Outlet />;
}
