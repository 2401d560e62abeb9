import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { useDevices } from '../../../lib/devices';
import { useLicenses } from '../../../lib/licenses';
import { AddLicenseSection } from './AddLicenseSection';
import { LicenseCard } from './LicenseCard';
import { RemindersSection } from './RemindersSection';

export function LicensesPage() {
  const licenses = useLicenses();
  const devices = useDevices();

  return (
    <Stack gap="lg">
      <PageTitle>Licenses</PageTitle>
      <Text>
        Your licenses, the devices that use them, and when they end. We keep a record of each license, never a key file. To buy one, go to{' '}
        <Anchor component={Link} to="/account/purchases">
          Purchases
        </Anchor>
        .
      </Text>
      {licenses.isPending && <PageLoader label="Loading your licenses" />}
      {licenses.error && (
        <Alert color="red" variant="light" role="alert" title="Your licenses could not be loaded">
          {licenses.error.message}
        </Alert>
      )}
      {licenses.data?.length === 0 && (
        <Text c="dimmed" data-testid="no-licenses">
          You have no licenses yet. Buy one, or add one you have a code for.
        </Text>
      )}
      {licenses.data?.map((license) => (
        <LicenseCard key={license.id} license={license} devices={devices.data ?? []} />
      ))}
      <AddLicenseSection owned={licenses.data ?? []} />
      <RemindersSection />
    </Stack>
  );
}
