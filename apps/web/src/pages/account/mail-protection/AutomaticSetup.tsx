import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { PasswordField } from '../../../components/PasswordField';
import { maskedCode } from '../../../lib/licenses';
import { licenseUsable, type MailProvider, type ProtectedLicense, refusalMessage, seatsFree, seatWord, useAutomaticSetup } from '../../../lib/mail-protection';
import { ApiError } from '../../../lib/problem';

/**
 * MAIL-1: an organisation's administrator connects all its mailboxes at once. The sign-in goes to the provider in that
 * one request and is not kept, not even in this form: it is emptied whatever the answer.
 */
export function AutomaticSetup({ entry, providers }: { entry: ProtectedLicense; providers: MailProvider[] }) {
  const [providerId, setProviderId] = useState<string | null>(providers[0]?.id ?? null);
  const [adminUser, setAdminUser] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const setup = useAutomaticSetup();
  const form = useFormProblem();
  const provider = providers.find((p) => p.id === providerId) ?? providers[0];
  const free = seatsFree(entry);
  const idPrefix = `setup-${entry.license.id}`;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const user = adminUser.trim();
    if (!user || !adminPassword)
      return form.setProblem({
        errors: [
          ...(!user ? [{ field: 'adminUser', message: 'Enter the administrator’s sign-in name or email address.' }] : []),
          ...(!adminPassword ? [{ field: 'adminPassword', message: 'Enter the administrator’s password.' }] : []),
        ],
      });
    const password = adminPassword;
    // Out of the form before the request leaves: the sign-in is used once, by the provider.
    setAdminUser('');
    setAdminPassword('');
    try {
      const { connected } = await setup.mutateAsync({ licenseId: entry.license.id, provider: provider.id, adminUser: user, adminPassword: password });
      notifications.show({
        color: 'green',
        message:
          connected.length === 0
            ? `${provider.name} found no mailbox in the organisation.`
            : `${connected.length} ${connected.length === 1 ? 'mailbox is' : 'mailboxes are'} connected and protected now.`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'seats-exceeded')
        form.setMessage(
          `The organisation has more mailboxes than this license has free seats (${free}), so none was connected. Disconnect some, or use a license with more seats.`,
        );
      else form.setMessage(refusalMessage(err));
    }
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={`${idPrefix}-title`}>
      <Group gap={6} wrap="nowrap">
        <IconKey size={18} aria-hidden />
        <Title order={3} size="h5" id={`${idPrefix}-title`}>
          Automatic setup
        </Title>
      </Group>
      <Text size="sm">
        Connect every mailbox of your organisation at once with its administrator’s sign-in at {provider.name}. Steward hands the sign-in to the provider once,
        for this setup, and never saves it. Each mailbox takes a seat; {free} {seatWord(free)} {free === 1 ? 'is' : 'are'} free.
      </Text>
      {!licenseUsable(entry.license) || free === 0 ? (
        <Text size="sm" c="dimmed" data-testid="setup-blocked">
          {licenseUsable(entry.license) ? 'Free a seat first to use it.' : 'Not available while the license has ended.'}
        </Text>
      ) : (
        <form
          ref={form.formRef}
          onSubmit={submit}
          noValidate
          autoComplete="off"
          aria-label={`Automatic setup for ${entry.license.productName} ${maskedCode(entry.license.codeLastGroup)}`}
          data-testid="automatic-setup"
        >
          {form.alert}
          <Stack gap="sm">
            {providers.length > 1 && (
              <Select
                label="Provider"
                data={providers.map((p) => ({ value: p.id, label: p.name }))}
                value={provider.id}
                onChange={setProviderId}
                allowDeselect={false}
                maw={320}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                label="Administrator’s sign-in"
                description="Name or email address"
                name="adminUser"
                autoComplete="off"
                spellCheck={false}
                maxLength={254}
                value={adminUser}
                onChange={(e) => setAdminUser(e.currentTarget.value)}
                error={form.fields.adminUser}
                miw={200}
              />
              <PasswordField
                label="Administrator’s password"
                description="Used once, never saved"
                name="adminPassword"
                autoComplete="off"
                maxLength={256}
                value={adminPassword}
                onChange={(e) => setAdminPassword(e.currentTarget.value)}
                error={form.fields.adminPassword}
                miw={200}
              />
            </Group>
            <Group>
              <Button type="submit" variant="light" loading={setup.isPending}>
                Connect all mailboxes
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
