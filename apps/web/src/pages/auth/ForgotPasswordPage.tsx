import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { BackToSignIn } from '../../components/BackToSignIn';
import { EmailField } from '../../components/EmailField';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { authClient } from '../../lib/auth';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!email.includes('@')) return form.setFieldError('email', 'Enter your email address.');
    setBusy(true);
    const { error } = await authClient.requestPasswordReset({ email: email.trim(), redirectTo: '/reset-password' });
    setBusy(false);
    if (error) form.setProblem(error);
    else setSent(true);
  }

  return (
    <AuthCard>
      <PageTitle>Reset your password</PageTitle>
      {sent ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" role="status">
            If <b className="mono-break">{email.trim()}</b> belongs to an account, we have sent it a link to choose a new password. The link works for a limited
            time.
          </Alert>
          <Anchor component={Link} to="/sign-in">
            Back to sign-in
          </Anchor>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            Enter the email address of your account and we will send you a link to choose a new password.
          </Text>
          {form.alert}
          <form ref={form.formRef} onSubmit={submit} noValidate>
            <Stack gap="md">
              <EmailField value={email} onChange={setEmail} error={form.fields.email} />
              <Button type="submit" loading={busy} fullWidth>
                Send the link
              </Button>
            </Stack>
          </form>
          <BackToSignIn />
        </>
      )}
    </AuthCard>
  );
}
