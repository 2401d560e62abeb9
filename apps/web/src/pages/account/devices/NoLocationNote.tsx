import { Alert } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';

/** DEV-4, said where people look for a map of a lost device. */
export function NoLocationNote() {
  return (
    <Alert color="gray" variant="light" icon={<IconMapPinOff aria-hidden />} title="We never track where your devices are">
      Steward never asks a device for its location, never stores one and never tracks it. A device that sends its location is refused. To help recover a lost
      device, lock it, sound its alarm, or wipe it.
    </Alert>
  );
}
