import { Alert, Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { EmailField } from '../../components/EmailField';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from '../../components/PasswordField';
import { safeNext, useAfterSignIn } from '../../components/RequireAuth';
import { authClient } from '../../lib/auth';
import { hasCode } from '../../lib/problem';

/** A link error carried back by the server's redirect (e.g. an expired verification link). */
function linkErrorFrom(next: string | null): string | null {
  if (!next) return null;
  const q = next.indexOf('?');
  if (q < 0) return null;
  return new URLSearchParams(next.slice(q + 1)).get('error');
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const linkError = linkErrorFrom(params.get('next')) ?? params.get('error');
  const navigate = useNavigate();
  const afterSignIn = useAfterSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [unverified, setUnverified] = useState(false);
  const form = useFormProblem();
  const { data: session, isPending: sessionPending } = authClient.useSession();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setUnverified(false);
    if (!email.includes('@')) return form.setFieldError('email', 'Enter your email address.');
    if (!password) return form.setFieldError('password', 'Enter your password.');
    setBusy(true);
    const { data, error } = await authClient.signIn.email({ email: email.trim(), password, callbackURL: '/account' });
    setBusy(false);
    if (error) {
      if (hasCode(error, 'EMAIL_NOT_VERIFIED')) {
        setUnverified(true);
        form.setMessage('Please confirm your email address first: open the link we sent you.');
        return;
      }
      if (hasCode(error, 'INVALID_EMAIL_OR_PASSWORD') || error.status === 401) {
        form.setMessage('The email address or password is not right. Check both and try again.');
        return;
      }
      form.setProblem(error);
      return;
    }
    if (data && 'twoFactorRedirect' in data && data.twoFactorRedirect) {
      navigate(`/sign-in/two-factor?next=${encodeURIComponent(next)}`);
      return;
    }
    await afterSignIn(next);
  }

  async function passkey() {
    form.clear();
    setPasskeyBusy(true);
    const res = await authClient.signIn.passkey();
    setPasskeyBusy(false);
    if (res?.error) {
      form.setMessage(res.error.message || 'Signing in with a passkey did not work. Try again or use your password.');
      return;
    }
    await afterSignIn(next);
  }

  // Already signed in (e.g. the session arrived after a redirect here): go on.
  if (!sessionPending && session && !busy && !passkeyBusy) return <Navigate to={next} replace />;

  return (
    <AuthCard>
      <PageTitle>Sign in</PageTitle>
      {linkError && (
        <Alert color="yellow" variant="light" mb="md" title="That link did not work">
          The link has expired or was already used. Sign in, or ask for a new link on the{' '}
          <Anchor component={Link} to="/verify-email">
            email confirmation page
          </Anchor>
          .
        </Alert>
      )}
      {form.alert}
      {unverified && (
        <Text size="sm" mb="md">
          <Anchor component={Link} to={`/verify-email?email=${encodeURIComponent(email.trim())}`}>
            Send me the confirmation link again
          </Anchor>
        </Text>
      )}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <EmailField value={email} onChange={setEmail} error={form.fields.email} autoComplete="username webauthn" />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fields.password}
          />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
          </Group>
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <Divider label="or" labelPosition="center" my="md" />
      <Button variant="default" fullWidth leftSection={<IconFingerprint size={18} aria-hidden />} onClick={() => void passkey()} loading={passkeyBusy}>
        Sign in with a passkey
      </Button>
      <Text size="sm" mt="lg">
        New to Steward?{' '}
        <Anchor component={Link} to="/sign-up">
          Create an account
        </Anchor>
      </Text>
    </AuthCard>
  );
}
