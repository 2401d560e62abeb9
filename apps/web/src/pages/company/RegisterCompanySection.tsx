import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormProblem } from '../../components/FormProblem';
import { Section } from '../../components/Section';
import { languageName, regionName, useJoinableCompany, useJoinCompany, useRegisterCompany } from '../../lib/company';

const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

/** ORG-1: whoever registers the company becomes its first administrator. */
export function RegisterCompanySection() {
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [language, setLanguage] = useState('');
  const register = useRegisterCompany();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const input = { name: name.trim(), country: country.trim().toUpperCase(), language: language.trim() };
    if (!input.name) return form.setFieldError('name', 'Enter the company’s name.');
    if (!/^[A-Z]{2}$/.test(input.country)) return form.setFieldError('country', 'Use a two-letter country code such as DE.');
    if (!LANGUAGE.test(input.language)) return form.setFieldError('language', 'Use a language code such as en or de-AT.');
    try {
      const company = await register.mutateAsync(input);
      notifications.show({ color: 'green', message: `${company.name} is registered. You are its administrator.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Section
      id="register-company"
      title="Register your company"
      description="You become the company’s administrator: you invite colleagues and manage its licenses."
    >
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Register your company">
        <Stack gap="md">
          <TextInput
            label="Company name"
            name="name"
            autoComplete="organization"
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fields.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Country"
              name="country"
              description={regionName(country.trim()) ?? 'A two-letter code, e.g. DE'}
              autoComplete="country"
              maxLength={2}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
              error={form.fields.country}
            />
            <TextInput
              label="Language"
              name="language"
              description={languageName(language.trim()) ?? 'A language code, e.g. en or de-AT'}
              autoComplete="off"
              maxLength={16}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              error={form.fields.language}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={register.isPending}>
              Register company
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** ORG-2: a company whose verified domain is the caller's own address's lets them join without an invitation. */
export function JoinableCompanySection() {
  const joinable = useJoinableCompany();
  const join = useJoinCompany();
  const form = useFormProblem();
  if (!joinable.data) return null;
  const company = joinable.data;

  async function joinIt() {
    form.clear();
    try {
      await join.mutateAsync(company.id);
      notifications.show({ color: 'green', message: `You joined ${company.name}.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Section id="joinable-company" title="Join your colleagues" description="Your company verified the domain of your email address, so you can join it.">
      {form.alert}
      <Group justify="space-between" gap="sm">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {company.name}
        </Text>
        <Button onClick={joinIt} loading={join.isPending}>
          Join company
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt="sm">
        Its administrators are told your name and email address.
      </Text>
    </Section>
  );
}
