import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';

interface PasskeyRow {
  id: string;
  name?: string | null;
  createdAt?: string | Date | null;
  deviceType?: string | null;
}

const KEY = ['passkeys'];

export function PasskeysSection() {
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: async () => {
      const { data, error } = await authClient.passkey.listUserPasskeys();
      if (error) throw new Error(error.message || 'Your passkeys could not be loaded.');
      return (data ?? []) as PasskeyRow[];
    },
  });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const form = useFormProblem();
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;

  async function add(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const n = name.trim();
    if (!n) return form.setFieldError('passkeyName', 'Give the passkey a name, so you can recognise it later.');
    setBusy(true);
    const res = await authClient.passkey.addPasskey({ name: n });
    setBusy(false);
    if (res?.error) {
      form.setMessage(res.error.message || 'The passkey could not be added.');
      return;
    }
    setName('');
    await queryClient.invalidateQueries({ queryKey: KEY });
    notifications.show({ color: 'green', message: 'Passkey added.' });
  }

  async function remove(p: PasskeyRow) {
    if (!window.confirm(`Remove the passkey “${p.name || 'Unnamed passkey'}”?`)) return;
    setDeleting(p.id);
    const { error } = await authClient.passkey.deletePasskey({ id: p.id });
    setDeleting(null);
    if (error) {
      notifications.show({ color: 'red', message: error.message || 'The passkey could not be removed.' });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: KEY });
    notifications.show({ message: 'Passkey removed.' });
  }

  return (
    <Section id="passkeys" title="Passkeys" description="Sign in with your fingerprint, face or device PIN instead of your password.">
      {list.error && (
        <Alert color="red" variant="light" mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data && list.data.length === 0 && (
        <Text size="sm" mb="md">
          You have no passkeys yet.
        </Text>
      )}
      {list.data && list.data.length > 0 && (
        <Stack gap="xs" mb="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your passkeys">
          {list.data.map((p) => (
            <Group key={p.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text fw={500} truncate="end">
                  {p.name || 'Unnamed passkey'}
                </Text>
                <Text size="xs" c="dimmed">
                  Added {formatDateTime(p.createdAt)}
                </Text>
              </div>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                loading={deleting === p.id}
                onClick={() => void remove(p)}
                aria-label={`Remove passkey ${p.name || 'Unnamed passkey'}`}
              >
                Remove
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {!supported ? (
        <Text size="sm" c="dimmed">
          This browser cannot create passkeys.
        </Text>
      ) : (
        <>
          {form.alert}
          <form ref={form.formRef} onSubmit={add} noValidate aria-label="Add a passkey">
            <Group align="flex-end" gap="sm">
              <TextInput
                label="Name for a new passkey"
                name="passkeyName"
                placeholder="e.g. My laptop"
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={form.fields.passkeyName}
                style={{ flex: '1 1 200px' }}
              />
              <Button type="submit" variant="default" loading={busy}>
                Add passkey
              </Button>
            </Group>
          </form>
        </>
      )}
    </Section>
  );
}
