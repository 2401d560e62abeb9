import { Alert, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { type Enrollment, useCreateEnrollment, useDevices } from '../../../lib/devices';
import { DeviceList } from './DeviceList';
import { LinkDeviceSection } from './LinkDeviceSection';
import { NoLocationNote } from './NoLocationNote';

export function DevicesPage() {
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const devices = useDevices(enrollment !== null);
  const create = useCreateEnrollment();
  const known = useRef<Set<string> | null>(null);

  // A device that appears while a code is shown is the one just linked with it.
  useEffect(() => {
    if (!devices.data) return;
    const ids = new Set(devices.data.map((d) => d.id));
    const fresh = known.current ? devices.data.filter((d) => !known.current?.has(d.id)) : [];
    known.current = ids;
    if (enrollment && fresh.length > 0) {
      setEnrollment(null);
      notifications.show({ color: 'green', message: `${fresh[0].name} is linked to your account.` });
    }
  }, [devices.data, enrollment]);

  function start() {
    create.mutate(undefined, { onSuccess: setEnrollment });
  }

  return (
    <Stack gap="lg">
      <PageTitle>Devices</PageTitle>
      <Text>The computers and phones linked to your account: whether they are protected, what needs fixing, and what to do if one is lost.</Text>
      <LinkDeviceSection
        enrollment={enrollment}
        error={create.error?.message ?? null}
        busy={create.isPending}
        onStart={start}
        onDone={() => setEnrollment(null)}
      />
      <Section id="devices" title="Your devices">
        {devices.isPending && <PageLoader label="Loading your devices" />}
        {devices.error && (
          <Alert color="red" variant="light" role="alert">
            {devices.error.message}
          </Alert>
        )}
        {devices.data?.length === 0 && <Text size="sm">No device is linked yet.</Text>}
        {devices.data && devices.data.length > 0 && <DeviceList devices={devices.data} />}
      </Section>
      <NoLocationNote />
    </Stack>
  );
}
