import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconEraser, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { isCancelled } from '../../../components/FreshSignIn';
import { Section } from '../../../components/Section';
import { COMMAND_LABELS, type CommandKind, type DeviceDetail, isOutstanding, useSendCommand } from '../../../lib/devices';
import { NoLocationNote } from './NoLocationNote';
import { WipeModal } from './WipeModal';

type Run = <T>(action: () => Promise<T>) => Promise<T>;
const MESSAGE_MAX = 200;

const SENT: Record<CommandKind, string> = {
  lock: 'locks',
  alarm: 'sounds its alarm',
  wipe: 'is wiped',
  fix: 'applies the fix',
};

/** DEV-3: lock, sound or wipe a lost device; each is confirmed here first, then by the device. */
export function AntiTheftSection({ device, run }: { device: DeviceDetail; run: Run }) {
  const send = useSendCommand(device.id);
  const [asking, setAsking] = useState<CommandKind | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const waiting = new Set(device.commands.filter(isOutstanding).map((c) => c.kind));

  function close() {
    setAsking(null);
    setError(null);
    setMessage('');
  }

  async function confirm(kind: CommandKind) {
    setError(null);
    const text = message.trim();
    try {
      await send.mutateAsync({ input: kind === 'lock' && text ? { kind, message: text } : { kind }, run: kind === 'wipe' ? run : undefined });
      notifications.show({ message: `Sent. ${device.name} ${SENT[kind]} when it next checks in; the log below shows when it confirms.` });
      close();
    } catch (err) {
      if (!isCancelled(err)) setError((err as Error).message);
    }
  }

  const actions: { kind: CommandKind; icon: React.ReactNode; color?: string }[] = [
    { kind: 'lock', icon: <IconLock size={16} aria-hidden /> },
    { kind: 'alarm', icon: <IconBellRinging size={16} aria-hidden /> },
    { kind: 'wipe', icon: <IconEraser size={16} aria-hidden />, color: 'red' },
  ];

  return (
    <Section id="anti-theft" title="Lost or stolen?" description="The device carries out these actions the next time it is online, and confirms each one.">
      <Stack gap="md">
        <Group gap="sm">
          {actions.map(({ kind, icon, color }) => (
            <Button key={kind} variant={color ? 'outline' : 'default'} color={color} leftSection={icon} onClick={() => setAsking(kind)}>
              {COMMAND_LABELS[kind]}
            </Button>
          ))}
        </Group>
        {waiting.size > 0 && (
          <Group gap="xs">
            {[...waiting]
              .filter((kind) => kind !== 'fix')
              .map((kind) => (
                <Badge key={kind} variant="light" color="blue">
                  {COMMAND_LABELS[kind]}: waiting for the device
                </Badge>
              ))}
          </Group>
        )}
        <NoLocationNote />
      </Stack>

      <ConfirmModal
        opened={asking === 'lock'}
        title={`Lock ${device.name}?`}
        confirmLabel="Lock the device"
        busy={send.isPending}
        error={error}
        onConfirm={() => void confirm('lock')}
        onClose={close}
      >
        <Text size="sm">The screen locks at once when the device is next online. It opens again with the device's own password or PIN.</Text>
        <Textarea
          label="Message on the lock screen (optional)"
          description="For whoever finds it, e.g. a phone number to call. Do not write your address."
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          maxLength={MESSAGE_MAX}
          autosize
          minRows={2}
        />
      </ConfirmModal>

      <ConfirmModal
        opened={asking === 'alarm'}
        title={`Sound the alarm on ${device.name}?`}
        confirmLabel="Sound the alarm"
        busy={send.isPending}
        error={error}
        onConfirm={() => void confirm('alarm')}
        onClose={close}
      >
        <Text size="sm">The device plays a loud sound, even when it is muted, until someone unlocks it.</Text>
      </ConfirmModal>

      <WipeModal
        opened={asking === 'wipe'}
        deviceName={device.name}
        busy={send.isPending}
        error={error}
        onConfirm={() => void confirm('wipe')}
        onClose={close}
      />
    </Section>
  );
}
