import { Alert, Anchor, Button, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { safeNext, useAfterSignIn } from '../../components/RequireAuth';
import { authClient } from '../../lib/auth';
import { normCode } from '../../lib/problem';

type Method = 'totp' | 'otp' | 'backup';

const LABELS: Record<Method, { label: string; hint: string }> = {
  totp: { label: 'Code from your authenticator app', hint: 'The 6-digit code shown in your authenticator app now.' },
  otp: { label: 'Code we sent you', hint: 'We send it by text message to your confirmed phone number, or else by email.' },
  backup: { label: 'Backup code', hint: 'One of the backup codes you saved when you turned on two-step sign-in. Each works once.' },
};

export function TwoFactorPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const _navigate = useNavigate();
  const afterSignIn = useAfterSignIn();
  const [method, setMethod] = useState<Method>('totp');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormProblem();

  function choose(m: Method) {
    setMethod(m);
    setCode('');
    form.clear();
  }

  async function sendCode() {
    form.clear();
    setSending(true);
    const { error } = await authClient.twoFactor.sendOtp();
    setSending(false);
    if (error) {
      form.setProblem(error);
      return;
    }
    setSent(true);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const value = code.trim().replace(/\s+/g, '');
    if (!value) return form.setFieldError('code', 'Enter the code.');
    setBusy(true);
    const res =
      method === 'totp'
        ? await authClient.twoFactor.verifyTotp({ code: value })
        : method === 'otp'
          ? await authClient.twoFactor.verifyOtp({ code: value })
          : await authClient.twoFactor.verifyBackupCode({ code: value });
    setBusy(false);
    if (res.error) {
      if (res.error.status === 401 && !normCode(res.error.code).startsWith('INVALID')) {
        form.setMessage('Your sign-in attempt has timed out. Please sign in again.');
        return;
      }
      const p = form.setProblem(res.error);
      if (!p.fields.code && p.message && res.error.status === 400) form.setFieldError('code', 'That code is not right, or it has expired.');
      return;
    }
    await afterSignIn(next);
  }

  const { label, hint } = LABELS[method];

  return (
    <AuthCard>
      <PageTitle>Two-step sign-in</PageTitle>
      <Text size="sm" c="dimmed" mb="md">
        Your password was right. Now confirm that it is you.
      </Text>
      <SegmentedControl
        fullWidth
        mb="md"
        value={method}
        onChange={(v) => choose(v as Method)}
        aria-label="How do you want to confirm?"
        data={[
          { value: 'totp', label: 'App' },
          { value: 'otp', label: 'Send a code' },
          { value: 'backup', label: 'Backup code' },
        ]}
      />
      {form.alert}
      {method === 'otp' && (
        <Stack gap="xs" mb="md">
          <Button variant="light" onClick={() => void sendCode()} loading={sending}>
            {sent ? 'Send me another code' : 'Send me a code'}
          </Button>
          <div role="status" aria-live="polite">
            {sent && (
              <Alert color="green" variant="light">
                A code is on its way: by text message to your confirmed phone number, or else by email.
              </Alert>
            )}
          </div>
        </Stack>
      )}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={label}
            description={hint}
            name="code"
            inputMode={method === 'backup' ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.fields.code}
          />
          <Button type="submit" loading={busy} fullWidth>
            Confirm
          </Button>
        </Stack>
      </form>
      <Text size="sm" mt="lg">
        <Anchor component={Link} to="/sign-in">
          Start over
        </Anchor>
      </Text>
    </AuthCard>
  );
}
