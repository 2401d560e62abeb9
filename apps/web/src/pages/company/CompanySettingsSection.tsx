import { Button, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useFormProblem } from '../../components/FormProblem';
import { Section } from '../../components/Section';
import { authClient } from '../../lib/auth';
import { type Company, type CompanyEdit, languageName, regionName, useEditCompany, useSetDomain } from '../../lib/company';

const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

function DetailsForm({ company }: { company: Company }) {
  const [name, setName] = useState(company.name);
  const [country, setCountry] = useState(company.country ?? '');
  const [language, setLanguage] = useState(company.language ?? '');
  const edit = useEditCompany();
  const form = useFormProblem();

  useEffect(() => {
    setName(company.name);
    setCountry(company.country ?? '');
    setLanguage(company.language ?? '');
  }, [company]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const change: CompanyEdit = {};
    const n = name.trim();
    const c = country.trim().toUpperCase();
    const l = language.trim();
    if (!n) return form.setFieldError('name', 'Enter the company’s name.');
    if (!/^[A-Z]{2}$/.test(c)) return form.setFieldError('country', 'Use a two-letter country code such as DE.');
    if (!LANGUAGE.test(l)) return form.setFieldError('language', 'Use a language code such as en or de-AT.');
    if (n !== company.name) change.name = n;
    if (c !== (company.country ?? '')) change.country = c;
    if (l !== (company.language ?? '')) change.language = l;
    if (Object.keys(change).length === 0) return notifications.show({ message: 'Nothing has changed.' });
    try {
      await edit.mutateAsync(change);
      notifications.show({ color: 'green', message: 'The company’s details are saved.' });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Section id="company-details" title="Company details">
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Company details">
        <Stack gap="md">
          <TextInput label="Company name" name="name" maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.fields.name} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Country"
              name="country"
              description={regionName(country.trim()) ?? 'A two-letter code, e.g. DE'}
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              error={form.fields.country}
            />
            <TextInput
              label="Language"
              name="language"
              description={languageName(language.trim()) ?? 'A language code, e.g. en or de-AT'}
              maxLength={16}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              error={form.fields.language}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={edit.isPending}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** Only the administrator's own verified address's domain can become the company's (the server checks). */
function DomainForm({ company }: { company: Company }) {
  const { data: session } = authClient.useSession();
  const own = session?.user.email.split('@')[1]?.toLowerCase() ?? '';
  const setDomain = useSetDomain();
  const form = useFormProblem();

  async function change(domain: string | null) {
    form.clear();
    try {
      await setDomain.mutateAsync(domain);
      notifications.show({ color: 'green', message: domain ? `Colleagues with an address at ${domain} can join.` : 'Colleagues join by invitation only.' });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Section
      id="company-domain"
      title="Verified email domain"
      description="Colleagues whose verified email address is on this domain can join without an invitation. It must be the domain of your own address, and not a public mail service."
    >
      {form.alert}
      <Group justify="space-between" gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="company-domain">
          {company.domain ? (
            <>
              Verified: <strong>{company.domain}</strong>
            </>
          ) : (
            'No domain is verified: colleagues join by invitation only.'
          )}
        </Text>
        {company.domain ? (
          <Button variant="default" onClick={() => change(null)} loading={setDomain.isPending}>
            Stop joining by domain
          </Button>
        ) : (
          own && (
            <Button variant="default" onClick={() => change(own)} loading={setDomain.isPending}>
              Verify {own}
            </Button>
          )
        )}
      </Group>
    </Section>
  );
}

/** SUP-4: whether colleagues see each other's support requests; administrators always see all of them. */
function SharingSwitch({ company }: { company: Company }) {
  const edit = useEditCompany();
  return (
    <Section id="company-sharing" title="Support requests">
      <Switch
        label="Colleagues see each other’s support requests"
        description="Administrators always see every request of the company."
        checked={company.supportRequestsShared}
        disabled={edit.isPending}
        onChange={(e) => {
          const shared = e.currentTarget.checked;
          edit.mutate(
            { supportRequestsShared: shared },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'green',
                  message: shared ? 'Colleagues now see each other’s requests.' : 'Each member sees only their own requests.',
                }),
              onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message }),
            },
          );
        }}
      />
    </Section>
  );
}

export function CompanySettingsSection({ company }: { company: Company }) {
  return (
    <Stack gap="lg">
      <DetailsForm company={company} />
      <DomainForm company={company} />
      <SharingSwitch company={company} />
    </Stack>
  );
}
