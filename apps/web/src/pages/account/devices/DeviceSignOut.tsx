import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { type DeviceDetail, useSignOutDevice } from '../../../lib/devices';
import { formatDate } from '../../../lib/rights';

/** Revoking the device's token while keeping the device: for a sold or handed-on device, or a leaked token. */
export function DeviceSignOut({ device }: { device: DeviceDetail }) {
  const signOut = useSignOutDevice(device.id);
  const [asking, setAsking] = useState(false);

  if (device.signedOutAt) {
    return (
      <Text size="sm" data-testid="device-signed-out">
        Signed out on {formatDate(device.signedOutAt)}. The device cannot check in or receive commands until you link it again with a new code from the Devices
        page.
      </Text>
    );
  }
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" style={{ flex: '1 1 260px' }}>
        Signing out stops the device’s access at once and keeps its history here. Link it again with a new code to bring it back.
      </Text>
      <Button variant="default" onClick={() => setAsking(true)}>
        Sign out device
      </Button>
      <ConfirmModal
        opened={asking}
        title={`Sign ${device.name} out?`}
        confirmLabel="Sign out"
        busy={signOut.isPending}
        error={signOut.error?.message}
        onConfirm={() =>
          void signOut.mutateAsync(undefined).then(() => {
            setAsking(false);
            notifications.show({ message: `${device.name} is signed out.` });
          })
        }
        onClose={() => {
          setAsking(false);
          signOut.reset();
        }}
      >
        <Text size="sm">Its token stops working at once: it can no longer check in or receive lock, alarm or wipe commands until it is linked again.</Text>
      </ConfirmModal>
    </Group>
  );
}
