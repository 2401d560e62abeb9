import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { PasswordField } from '../../../components/PasswordField';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';
import { hasCode } from '../../../lib/problem';
import { MIN_PASSWORD } from '../../auth/SignUpPage';

export function PasswordSection() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!currentPassword) return form.setFieldError('currentPassword', 'Enter your current password.');
    if (newPassword.length < MIN_PASSWORD) return form.setFieldError('newPassword', `Use at least ${MIN_PASSWORD} characters.`);
    if (newPassword !== confirm) return form.setFieldError('confirmPassword', 'The two new passwords are not the same.');
    setBusy(true);
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    setBusy(false);
    if (error) {
      if (hasCode(error, 'PASSWORD_TOO_SHORT') || hasCode(error, 'PASSWORD_TOO_LONG')) {
        form.setFieldError('newPassword', error.message || 'This password cannot be used.');
      } else if (hasCode(error, 'INVALID_PASSWORD')) {
        form.setFieldError('currentPassword', 'Your current password is not right.');
      } else {
        form.setProblem(error, { password: 'newPassword' });
      }
      return;
    }
    setCurrent('');
    setNew('');
    setConfirm('');
    notifications.show({ color: 'green', message: 'Your password is changed. You were signed out on your other devices.' });
  }

  return (
    <Section id="password" title="Password" description="Changing your password signs you out on all your other devices.">
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="md">
          <PasswordField
            label="Current password"
            name="currentPassword"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.fields.currentPassword}
          />
          <PasswordField
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            description={`At least ${MIN_PASSWORD} characters.`}
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={form.fields.newPassword}
          />
          <PasswordField
            label="Repeat the new password"
            name="confirmPassword"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={form.fields.confirmPassword}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
