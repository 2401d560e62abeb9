import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { BackToSignIn } from '../../components/BackToSignIn';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { authClient } from '../../lib/auth';
import { hasCode } from '../../lib/problem';
import { MIN_PASSWORD } from './SignUpPage';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const linkError = params.get('error');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [expired, setExpired] = useState(Boolean(linkError) || !token);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (password.length < MIN_PASSWORD) return form.setFieldError('newPassword', `Use at least ${MIN_PASSWORD} characters.`);
    if (password !== confirm) return form.setFieldError('confirm', 'The two passwords are not the same.');
    if (!token) return;
    setBusy(true);
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    setBusy(false);
    if (error) {
      if (hasCode(error, 'INVALID_TOKEN')) {
        setExpired(true);
        return;
      }
      form.setProblem(error, { password: 'newPassword' });
      return;
    }
    setDone(true);
  }

  if (expired) {
    return (
      <AuthCard>
        <PageTitle>This link has expired</PageTitle>
        <Text mb="md">The link to reset your password has expired or was already used. You can ask for a new one.</Text>
        <Button component={Link} to="/forgot-password">
          Send me a new link
        </Button>
      </AuthCard>
    );
  }

  if (done) {
    return (
      <AuthCard>
        <PageTitle>Your password is changed</PageTitle>
        <Alert color="green" variant="light" mb="md" role="status">
          You can now sign in with your new password.
        </Alert>
        <Button component={Link} to="/sign-in">
          Sign in
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard>
      <PageTitle>Choose a new password</PageTitle>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordField
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            description={`At least ${MIN_PASSWORD} characters.`}
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fields.newPassword}
          />
          <PasswordField
            label="Repeat the new password"
            name="confirm"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={form.fields.confirm}
          />
          <Button type="submit" loading={busy} fullWidth>
            Save new password
          </Button>
        </Stack>
      </form>
      <BackToSignIn />
    </AuthCard>
  );
}
