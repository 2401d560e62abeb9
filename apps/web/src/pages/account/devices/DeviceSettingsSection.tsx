import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { type DeviceDetail, useRenameDevice, useUnlinkDevice } from '../../../lib/devices';
import { DeviceSignOut } from './DeviceSignOut';

const NAME_MAX = 80;

export function DeviceSettingsSection({ device }: { device: DeviceDetail }) {
  const navigate = useNavigate();
  const rename = useRenameDevice(device.id);
  const unlink = useUnlinkDevice(device.id);
  const [name, setName] = useState(device.name);
  const [asking, setAsking] = useState(false);
  const form = useFormProblem();

  useEffect(() => setName(device.name), [device.name]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const next = name.trim();
    if (!next) return form.setFieldError('name', 'Enter a name.');
    if (next === device.name) return;
    try {
      await rename.mutateAsync(next);
      notifications.show({ color: 'green', message: `Renamed to ${next}.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  async function confirmUnlink() {
    try {
      await unlink.mutateAsync();
      notifications.show({ message: `${device.name} is unlinked from your account.` });
      navigate('/account/devices', { replace: true });
    } catch {
      // The dialog shows the error.
    }
  }

  return (
    <Section id="device-settings" title="Name and link">
      <Stack gap="md">
        {form.alert}
        <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Rename the device">
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Device name"
              name="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={NAME_MAX}
              error={form.fields.name}
              aria-invalid={form.fields.name ? true : undefined}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" variant="default" loading={rename.isPending}>
              Rename
            </Button>
          </Group>
        </form>
        <Divider />
        <DeviceSignOut device={device} />
        <Divider />
        <Group justify="space-between" gap="sm">
          <Text size="sm" style={{ flex: '1 1 260px' }}>
            Unlinking removes the device from your account and deletes its status, problems and command log here.
          </Text>
          <Button variant="outline" color="red" onClick={() => setAsking(true)}>
            Unlink device
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={asking}
        title={`Unlink ${device.name}?`}
        confirmLabel="Unlink"
        color="red"
        busy={unlink.isPending}
        error={unlink.error?.message}
        onConfirm={() => void confirmUnlink()}
        onClose={() => {
          setAsking(false);
          unlink.reset();
        }}
      >
        <Text size="sm">
          The device loses its link at once: it can no longer be locked, sounded or wiped from here, and the licenses bound to it free their seats. Its status,
          problems and command log are deleted. To link it again you need a new code.
        </Text>
      </ConfirmModal>
    </Section>
  );
}
