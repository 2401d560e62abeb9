import { Button, Card, Checkbox, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../components/AppLayout';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { api } from '../../lib/api';
import { authClient } from '../../lib/auth';
import { ApiError } from '../../lib/problem';

export function DeleteAccountPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [needsFreshSignIn, setNeedsFreshSignIn] = useState(false);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setNeedsFreshSignIn(false);
    if (!password) return form.setFieldError('password', 'Enter your password to confirm.');
    if (!understood) return form.setFieldError('understood', 'Tick this box to confirm that you want to delete your account.');
    setBusy(true);
    try {
      const res = await api.post<{ purgeAfter: string }>('/api/account/deletion', { password });
      // Leave the guarded page first: once the session store empties, its guard would send the
      // browser to sign-in instead. Then clear what this browser still holds of the ended sessions.
      navigate('/account-deleted', { replace: true, state: { purgeAfter: res?.purgeAfter ?? null } });
      await authClient.signOut().catch(() => undefined);
      queryClient.clear();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 403 && err.code === 'fresh-sign-in-required') {
        setNeedsFreshSignIn(true);
        form.setMessage('For your safety, please sign in again before deleting your account. Then come back to this page.');
        return;
      }
      form.setProblem(err);
    }
  }

  return (
    <Stack gap="lg">
      <PageTitle>Delete your account</PageTitle>
      <Card withBorder padding="lg" component="section" aria-labelledby="delete-what-title">
        <Title order={2} size="h4" id="delete-what-title" mb="sm">
          What happens
        </Title>
        <List spacing="xs">
          <List.Item>You can no longer sign in, starting at once.</List.Item>
          <List.Item>You are signed out everywhere: all your sessions end.</List.Item>
          <List.Item>Your personal data is purged within 30 days. Backups that may still hold it are kept no longer than one month.</List.Item>
          <List.Item>We send you an email to confirm the deletion.</List.Item>
        </List>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="delete-confirm-title">
        <Title order={2} size="h4" id="delete-confirm-title" mb="sm">
          Confirm with your password
        </Title>
        {form.alert}
        {needsFreshSignIn && (
          <Group mb="md">
            <Button variant="light" onClick={() => void signOut('/sign-in?next=%2Faccount%2Fdelete')}>
              Sign out and sign in again
            </Button>
          </Group>
        )}
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <Stack gap="md">
            <PasswordField
              label="Your password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={form.fields.password}
            />
            <Checkbox
              label="I understand that my account will be deleted and cannot be restored."
              name="understood"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
              error={form.fields.understood}
            />
            <Group>
              <Button type="submit" color="red" loading={busy}>
                Delete my account
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Text size="sm" c="dimmed">
        Want only to stop emails? Change your choices on the Preferences page instead.
      </Text>
    </Stack>
  );
}
