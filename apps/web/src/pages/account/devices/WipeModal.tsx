import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** Names typed on another keyboard still match: straight or curly quotes, spacing and case do not matter. */
const comparable = (name: string) =>
  name
    .normalize('NFKC')
    .replaceAll(/[\u2018\u2019\u02bc`´]/g, "'")
    .replaceAll(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The strongest confirmation: wiping cannot be undone, so the owner types the device's name. */
export function WipeModal({
  opened,
  deviceName,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  deviceName: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setTyped('');
      setMismatch(null);
    }
  }, [opened]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!typed.trim()) return setMismatch("Type the device's name to confirm.");
    if (comparable(typed) !== comparable(deviceName)) return setMismatch('The name does not match. Type it exactly as shown.');
    setMismatch(null);
    onConfirm();
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      title={
        <Group gap="xs" wrap="nowrap">
          <IconAlertTriangle size={20} color="var(--mantine-color-red-7)" aria-hidden />
          <Text fw={700} c="red.8">
            Wipe {deviceName}?
          </Text>
        </Group>
      }
      styles={{ content: { borderTop: '4px solid var(--mantine-color-red-6)' } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="red" variant="light" p="sm">
            This cannot be undone.
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>Everything on the device is erased: files, accounts and settings.</List.Item>
            <List.Item>It happens the next time the device is online, and the device confirms it.</List.Item>
            <List.Item>Afterwards the device has to be set up again, and linked again if you get it back.</List.Item>
          </List>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={`Type the device's name to confirm: ${deviceName}`}
            name="confirm-name"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={mismatch}
            aria-invalid={mismatch ? true : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Wipe the device
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
