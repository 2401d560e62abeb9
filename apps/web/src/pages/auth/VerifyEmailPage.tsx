import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { EmailField } from '../../components/EmailField';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { authClient } from '../../lib/auth';

/** Tells the user to open the link we sent, and lets them ask for it again. */
export function CheckEmail({ email: initialEmail }: { email: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const form = useFormProblem();

  async function resend(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setResent(false);
    if (!email.includes('@')) return form.setFieldError('email', 'Enter the email address you signed up with.');
    setBusy(true);
    const { error } = await authClient.sendVerificationEmail({ email: email.trim(), callbackURL: '/account' });
    setBusy(false);
    if (error) form.setProblem(error);
    else setResent(true);
  }

  return (
    <Stack gap="sm">
      <PageTitle>Check your email</PageTitle>
      <Text>
        {initialEmail ? (
          <>
            If <b className="mono-break">{initialEmail}</b> can be used for a Steward account, we have sent a link to it.
          </>
        ) : (
          <>We have sent a link to your email address.</>
        )}{' '}
        Open the link to confirm your address; then you can sign in.
      </Text>
      <Text size="sm" c="dimmed">
        The link works for a limited time. Nothing arrived? Check your spam folder, or send it again.
      </Text>
      <div role="status" aria-live="polite">
        {resent && (
          <Alert color="green" variant="light" icon={<IconMailCheck aria-hidden />}>
            If the address belongs to an account that still needs confirming, a new link is on its way.
          </Alert>
        )}
      </div>
      {form.alert}
      <form ref={form.formRef} onSubmit={resend} noValidate>
        <Stack gap="sm">
          <EmailField value={email} onChange={setEmail} error={form.fields.email} autoComplete="email" required={false} />
          <Button type="submit" variant="default" loading={busy}>
            Send the link again
          </Button>
        </Stack>
      </form>
      <Text size="sm" mt="sm">
        Confirmed already?{' '}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  return (
    <AuthCard>
      <CheckEmail email={params.get('email') ?? ''} />
    </AuthCard>
  );
}
