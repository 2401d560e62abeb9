import { Alert, Stack } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { authClient } from '../../lib/auth';
import { useAccount } from './ProfilePage';
import { PasskeysSection } from './security/PasskeysSection';
import { PasswordSection } from './security/PasswordSection';
import { PhoneSection } from './security/PhoneSection';
import { SessionsSection } from './security/SessionsSection';
import { TwoFactorSection } from './security/TwoFactorSection';

export function SecurityPage() {
  const { data: session } = authClient.useSession();
  const { data: account, isPending, error } = useAccount();
  const user = session?.user as { twoFactorEnabled?: boolean | null; phoneNumber?: string | null; phoneNumberVerified?: boolean | null } | undefined;
  const twoFactorEnabled = account?.twoFactorEnabled ?? Boolean(user?.twoFactorEnabled);
  const phoneNumber = account?.phoneNumber ?? user?.phoneNumber ?? null;
  const phoneVerified = account?.phoneNumberVerified ?? Boolean(user?.phoneNumberVerified);

  return (
    <Stack gap="lg">
      <PageTitle>Sign-in and security</PageTitle>
      {error && (
        <Alert color="yellow" variant="light">
          Some details of your account could not be loaded: {error.message}
        </Alert>
      )}
      <PasswordSection />
      {isPending && !user ? (
        <PageLoader />
      ) : (
        <>
          <TwoFactorSection enabled={twoFactorEnabled} />
          <PhoneSection key={`${phoneNumber}-${phoneVerified}`} phoneNumber={phoneNumber} verified={phoneVerified} />
        </>
      )}
      <PasskeysSection />
      <SessionsSection />
    </Stack>
  );
}
