import { Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { Device } from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';
import { type Activation, type License, useBindLicense, useUnbindLicense } from '../../../lib/licenses';
import { ApiError } from '../../../lib/problem';

const BIND_REFUSALS: Record<string, string> = {
  'seats-exceeded': 'All seats of this license are in use. Unbind a device first.',
  'license-expired': 'This license has expired. Renew it to bind devices again.',
  'license-revoked': 'This license was revoked and cannot be bound.',
};

const activationName = (a: Activation) => a.deviceName ?? 'A computer activated with the code';

/** LIC-1: the devices a license is bound to, within its seats; binding and unbinding. */
export function LicenseDevices({ license, devices }: { license: License; devices: Device[] }) {
  const bind = useBindLicense();
  const unbind = useUnbindLicense();
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [bindError, setBindError] = useState<string | null>(null);
  const [unbinding, setUnbinding] = useState<Activation | null>(null);
  const [unbindError, setUnbindError] = useState<string | null>(null);

  const bound = new Set(license.activations.map((a) => a.deviceId));
  const choices = devices.filter((d) => !bound.has(d.id)).map((d) => ({ value: d.id, label: `${d.name} (${d.platform})` }));
  const full = license.seatsUsed >= license.type.seats;
  const label = `${license.product.name} ${license.codeLastGroup}`;

  async function submitBind(e: React.FormEvent) {
    e.preventDefault();
    setBindError(null);
    if (!deviceId) return setBindError('Choose a device.');
    try {
      const activation = await bind.mutateAsync({ licenseId: license.id, deviceId });
      setDeviceId(null);
      notifications.show({ color: 'green', message: `${license.product.name} is bound to ${activation.deviceName ?? 'the device'}.` });
    } catch (err) {
      setBindError((err instanceof ApiError && err.code && BIND_REFUSALS[err.code]) || (err as Error).message);
    }
  }

  async function confirmUnbind() {
    if (!unbinding) return;
    setUnbindError(null);
    try {
      await unbind.mutateAsync({ licenseId: license.id, activationId: unbinding.id });
      notifications.show({ message: `${activationName(unbinding)} is unbound; its seat is free.` });
      setUnbinding(null);
    } catch (err) {
      setUnbindError((err as Error).message);
    }
  }

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Devices using this license
      </Text>
      {license.activations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No device uses it yet.
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Devices using ${label}`}>
          {license.activations.map((a) => (
            <Group key={a.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} className="mono-break">
                  {a.deviceId ? (
                    <Anchor component={Link} to={`/account/devices/${a.deviceId}`} size="sm" fw={500}>
                      {activationName(a)}
                    </Anchor>
                  ) : (
                    activationName(a)
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  Since {formatDateTime(a.activatedAt)}
                  {a.lastValidatedAt ? ` · last checked ${formatDateTime(a.lastValidatedAt)}` : ''}
                </Text>
              </div>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => setUnbinding(a)}
                aria-label={`Unbind ${activationName(a)}`}
                style={{ flexShrink: 0 }}
              >
                Unbind
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {license.status === 'active' && bindForm()}
      <ConfirmModal
        opened={unbinding !== null}
        title="Unbind this device?"
        confirmLabel="Unbind"
        color="red"
        busy={unbind.isPending}
        error={unbindError}
        onConfirm={() => void confirmUnbind()}
        onClose={() => {
          setUnbinding(null);
          setUnbindError(null);
        }}
      >
        <Text size="sm">
          {unbinding ? activationName(unbinding) : ''} stops using {license.product.name} the next time it checks its license, and the seat is free for another
          device. You can bind it again later while a seat is free.
        </Text>
      </ConfirmModal>
    </Stack>
  );

  function bindForm() {
    if (full)
      return (
        <Text size="sm" c="dimmed">
          {license.type.seats === 1 ? 'Its one seat is in use.' : `All ${license.type.seats} seats are in use.`} Unbind a device to use the license on another
          one.
        </Text>
      );
    if (devices.length === 0)
      return (
        <Text size="sm" c="dimmed">
          To bind this license,{' '}
          <Anchor component={Link} to="/account/devices" size="sm">
            link a device
          </Anchor>{' '}
          to your account first.
        </Text>
      );
    if (choices.length === 0)
      return (
        <Text size="sm" c="dimmed">
          Every linked device already uses this license.
        </Text>
      );
    return (
      <form onSubmit={submitBind} noValidate aria-label={`Bind ${label} to a device`}>
        <Group align="flex-end" gap="sm">
          <Select
            label="Bind to a device"
            placeholder="Choose a device"
            data={choices}
            value={deviceId}
            onChange={setDeviceId}
            error={bindError}
            aria-invalid={bindError ? true : undefined}
            style={{ flex: '1 1 200px' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" variant="default" loading={bind.isPending}>
            Bind
          </Button>
        </Group>
      </form>
    );
  }
}
