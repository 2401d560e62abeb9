import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { type Account, api } from '../../lib/api';
import { authClient } from '../../lib/auth';

export function useAccount() {
  return useQuery({ queryKey: ['account'], queryFn: () => api.get<Account>('/api/account') });
}

function displayName(type: 'language' | 'region', code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([navigator.language || 'en', 'en'], { type }).of(code) ?? null;
  } catch {
    return null;
  }
}

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text className="mono-break" style={{ fontFamily: 'inherit' }}>
        {value}
      </Text>
    </div>
  );
}

function ProfileForm({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(account.name ?? '');
  const [language, setLanguage] = useState(account.language ?? '');
  const [country, setCountry] = useState(account.country ?? '');
  const form = useFormProblem();

  useEffect(() => {
    setName(account.name ?? '');
    setLanguage(account.language ?? '');
    setCountry(account.country ?? '');
  }, [account]);

  const save = useMutation({
    mutationFn: (body: Record<string, string | null>) => api.patch<Account>('/api/account', body),
    onSuccess: (data) => {
      queryClient.setQueryData(['account'], data);
      notifications.show({ color: 'green', message: 'Your profile is saved.' });
    },
    onError: (err) => form.setProblem(err),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const body: Record<string, string | null> = {};
    const n = name.trim();
    const l = language.trim();
    const c = country.trim().toUpperCase();
    if (n.length > 200) return form.setFieldError('name', 'Use at most 200 characters.');
    if (l && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)) return form.setFieldError('language', 'Use a language code such as en or de-AT.');
    if (c && !/^[A-Z]{2}$/.test(c)) return form.setFieldError('country', 'Use a two-letter country code such as DE.');
    if (n !== (account.name ?? '')) body.name = n;
    if (l !== (account.language ?? '')) body.language = l || null;
    if (c !== (account.country ?? '')) body.country = c || null;
    if (Object.keys(body).length === 0) {
      notifications.show({ message: 'Nothing has changed.' });
      return;
    }
    save.mutate(body);
  }

  const languageName = displayName('language', language.trim());
  const countryName = displayName('region', country.trim().toUpperCase());

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-edit-title">
      <Title order={2} size="h4" id="profile-edit-title" mb="xs">
        Edit your details
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        All of these are optional.
      </Text>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            name="name"
            autoComplete="name"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fields.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Language"
              name="language"
              description={languageName ? `${languageName}` : 'A language code, e.g. en or de-AT'}
              autoComplete="off"
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              error={form.fields.language}
            />
            <TextInput
              label="Country"
              name="country"
              description={countryName ? `${countryName}` : 'A two-letter code, e.g. DE'}
              autoComplete="country"
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              error={form.fields.country}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ChangeEmailForm({ account }: { account: Account }) {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setSentTo(null);
    const newEmail = email.trim();
    if (!newEmail.includes('@')) return form.setFieldError('newEmail', 'Enter the new email address.');
    if (newEmail.toLowerCase() === account.email.toLowerCase()) return form.setFieldError('newEmail', 'This is already your email address.');
    setBusy(true);
    const { error } = await authClient.changeEmail({ newEmail, callbackURL: '/account' });
    setBusy(false);
    if (error) {
      form.setProblem(error, { email: 'newEmail' });
      return;
    }
    setSentTo(newEmail);
    setEmail('');
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="email-change-title">
      <Title order={2} size="h4" id="email-change-title" mb="xs">
        Change your email address
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your email address is also your user name. We send a link to confirm the change; the new address takes effect only after you open that link.
      </Text>
      <div role="status" aria-live="polite">
        {sentTo && (
          <Alert color="green" variant="light" mb="md">
            Check your mail: we sent a confirmation link for <b className="mono-break">{sentTo}</b>. Until you open it, your address stays{' '}
            <span className="mono-break">{account.email}</span>.
          </Alert>
        )}
      </div>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="New email address"
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={form.fields.newEmail}
          />
          <Group>
            <Button type="submit" variant="default" loading={busy}>
              Send confirmation link
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function ProfilePage() {
  const [params] = useSearchParams();
  const { data: account, error, isPending, refetch } = useAccount();
  const linkError = params.get('error');

  return (
    <Stack gap="lg">
      <PageTitle>Your profile</PageTitle>
      {linkError && (
        <Alert color="yellow" variant="light" title="That link did not work">
          The link has expired or was already used. You can ask for a new one.
        </Alert>
      )}
      {isPending && <PageLoader label="Loading your profile" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="Your profile could not be loaded">
          {error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {account && (
        <>
          <Card withBorder padding="lg" component="section" aria-labelledby="profile-summary-title">
            <Title order={2} size="h4" id="profile-summary-title" mb="md">
              Your details
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <Field
                label="Email"
                value={
                  <Group gap="xs" component="span">
                    <span className="mono-break">{account.email}</span>
                    {account.emailVerified ? (
                      <Badge color="green" variant="light" size="sm">
                        Confirmed
                      </Badge>
                    ) : (
                      <Badge color="yellow" variant="light" size="sm">
                        Not confirmed
                      </Badge>
                    )}
                  </Group>
                }
              />
              <Field label="Name" value={account.name || '—'} />
              <Field
                label="Language"
                value={account.language ? `${displayName('language', account.language) ?? account.language} (${account.language})` : '—'}
              />
              <Field label="Country" value={account.country ? `${displayName('region', account.country) ?? account.country} (${account.country})` : '—'} />
            </SimpleGrid>
          </Card>
          <ProfileForm account={account} />
          <ChangeEmailForm account={account} />
        </>
      )}
    </Stack>
  );
}
