import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { EmailField } from '../../components/EmailField';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { authClient } from '../../lib/auth';
import { CheckEmail } from './VerifyEmailPage';

export const MIN_PASSWORD = 10;

export function SignUpPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!email.includes('@')) return form.setFieldError('email', 'Enter your email address, like name@example.com.');
    if (password.length < MIN_PASSWORD) return form.setFieldError('password', `Use at least ${MIN_PASSWORD} characters.`);
    setBusy(true);
    // ACC-1: only email and password; Better Auth's `name` field is sent empty.
    const { error } = await authClient.signUp.email({ email: email.trim(), password, name: '', callbackURL: '/account' });
    setBusy(false);
    if (error) {
      form.setProblem(error);
      return;
    }
    setSentTo(email.trim());
  }

  if (sentTo) {
    return (
      <AuthCard>
        <CheckEmail email={sentTo} />
      </AuthCard>
    );
  }

  return (
    <AuthCard>
      <PageTitle>Create your account</PageTitle>
      <Text c="dimmed" size="sm" mb="md">
        All we need is your email address and a password. You can add anything else later, if you want to.
      </Text>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <EmailField value={email} onChange={setEmail} error={form.fields.email} />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="new-password"
            required
            description={`At least ${MIN_PASSWORD} characters.`}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fields.password}
          />
          <Button type="submit" loading={busy} fullWidth>
            Create account
          </Button>
        </Stack>
      </form>
      <Text size="sm" mt="lg">
        Already have an account?{' '}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
      <Text size="xs" c="dimmed" mt="xs">
        See how we handle your data in our{' '}
        <Anchor component={Link} to="/privacy" size="xs">
          privacy notice
        </Anchor>
        .
      </Text>
    </AuthCard>
  );
}
