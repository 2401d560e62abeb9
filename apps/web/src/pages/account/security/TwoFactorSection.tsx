import { Alert, Badge, Box, Button, Code, CopyButton, Group, Image, List, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { PasswordField } from '../../../components/PasswordField';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';
import { hasCode } from '../../../lib/problem';

interface Setup {
  totpURI: string;
  secret: string;
  backupCodes: string[];
  qr: string | null;
}

export function secretFromUri(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    const m = /[?&]secret=([^&]+)/.exec(uri);
    return m ? decodeURIComponent(m[1]) : '';
  }
}

function BackupCodes({ codes }: { codes: string[] }) {
  return (
    <Stack gap="xs">
      <Text fw={600}>Your backup codes</Text>
      <Text size="sm" c="dimmed">
        If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe; this is the only time we show them.
      </Text>
      <SimpleGrid cols={2} spacing={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="backup-codes">
        {codes.map((c) => (
          <Box component="li" key={c}>
            <Code>{c}</Code>
          </Box>
        ))}
      </SimpleGrid>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" size="xs" onClick={copy} w="fit-content">
            {copied ? 'Copied' : 'Copy the codes'}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [justEnabled, setJustEnabled] = useState(false);
  const form = useFormProblem();

  useEffect(() => {
    if (!setup || setup.qr) return;
    let cancelled = false;
    QRCode.toDataURL(setup.totpURI, { margin: 1, width: 200 })
      .then((qr) => {
        if (!cancelled) setSetup((s) => (s ? { ...s, qr } : s));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [setup]);

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['account'] });
  }

  async function start(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!password) return form.setFieldError('password', 'Enter your password.');
    setBusy(true);
    const { data, error } = await authClient.twoFactor.enable({ password });
    setBusy(false);
    if (error) {
      if (hasCode(error, 'INVALID_PASSWORD')) form.setFieldError('password', 'Your password is not right.');
      else form.setProblem(error);
      return;
    }
    const d = data as { totpURI?: string; backupCodes?: string[] };
    if (!d?.totpURI) {
      form.setMessage('The server did not return a key for your authenticator app. Please try again.');
      return;
    }
    setPassword('');
    setSetup({ totpURI: d.totpURI, secret: secretFromUri(d.totpURI), backupCodes: d.backupCodes ?? [], qr: null });
  }

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const value = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(value)) return form.setFieldError('code', 'Enter the 6-digit code from your app.');
    setBusy(true);
    const { error } = await authClient.twoFactor.verifyTotp({ code: value });
    setBusy(false);
    if (error) {
      form.setFieldError(
        'code',
        hasCode(error, 'INVALID_CODE') || error.status === 400 || error.status === 401
          ? 'That code is not right. Check the time on your phone and try the newest code.'
          : error.message || 'That did not work.',
      );
      return;
    }
    setSetup(null);
    setCode('');
    setJustEnabled(true);
    await refresh();
    notifications.show({ color: 'green', message: 'Two-step sign-in is on.' });
  }

  async function disable(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!password) return form.setFieldError('password', 'Enter your password.');
    setBusy(true);
    const { error } = await authClient.twoFactor.disable({ password });
    setBusy(false);
    if (error) {
      if (hasCode(error, 'INVALID_PASSWORD')) form.setFieldError('password', 'Your password is not right.');
      else form.setProblem(error);
      return;
    }
    setPassword('');
    setJustEnabled(false);
    await refresh();
    notifications.show({ message: 'Two-step sign-in is off.' });
  }

  const badge = enabled ? (
    <Badge color="green" variant="light">
      On
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Off
    </Badge>
  );

  return (
    <Section
      id="two-factor"
      title="Two-step sign-in"
      badge={badge}
      description="After your password, you also enter a code from an authenticator app on your phone. You can also ask for a code by text message (to a confirmed phone number) or by email."
    >
      {form.alert}
      {enabled && !setup && (
        <Stack gap="md">
          {justEnabled && (
            <Alert color="green" variant="light" role="status">
              Two-step sign-in is on. Next time you sign in, we ask for a code.
            </Alert>
          )}
          <form ref={form.formRef} onSubmit={disable} noValidate aria-label="Turn off two-step sign-in">
            <Stack gap="md">
              <PasswordField
                label="Your password"
                description="Needed to turn two-step sign-in off."
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={form.fields.password}
              />
              <Group>
                <Button type="submit" variant="default" color="red" loading={busy}>
                  Turn off two-step sign-in
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
      {!enabled && !setup && (
        <form ref={form.formRef} onSubmit={start} noValidate aria-label="Turn on two-step sign-in">
          <Stack gap="md">
            <PasswordField
              label="Your password"
              description="Needed to turn two-step sign-in on."
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={form.fields.password}
            />
            <Group>
              <Button type="submit" loading={busy}>
                Set up authenticator app
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {setup && (
        <Stack gap="lg">
          <List type="ordered" spacing="xs">
            <List.Item>Open an authenticator app on your phone and add an account.</List.Item>
            <List.Item>Scan the QR code, or type in the key below.</List.Item>
            <List.Item>Enter the 6-digit code the app shows, to finish.</List.Item>
          </List>
          <Group align="flex-start" gap="lg">
            <Box w={200} h={200} bg="white" style={{ flexShrink: 0 }}>
              {setup.qr && <Image src={setup.qr} w={200} h={200} alt="QR code with the key for your authenticator app" />}
            </Box>
            <Stack gap={4} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text size="sm" fw={600} id="totp-secret-label">
                Key to type in
              </Text>
              <Code block className="totp-secret" data-testid="totp-secret" aria-labelledby="totp-secret-label">
                {setup.secret}
              </Code>
              <CopyButton value={setup.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy} w="fit-content">
                    {copied ? 'Copied' : 'Copy the key'}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Group>
          {setup.backupCodes.length > 0 && <BackupCodes codes={setup.backupCodes} />}
          <form ref={form.formRef} onSubmit={confirm} noValidate aria-label="Confirm authenticator app">
            <Stack gap="md">
              <TextInput
                label="Code from your app"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={form.fields.code}
              />
              <Group>
                <Button type="submit" loading={busy}>
                  Turn on two-step sign-in
                </Button>
                <Button variant="subtle" onClick={() => setSetup(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </Section>
  );
}
