import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { type License, maskedCode, useAddLicense } from '../../../lib/licenses';
import { ApiError, fieldName } from '../../../lib/problem';

/** The symbols of a code without the dashes and spaces people type between its groups. */
const SYMBOLS = 25;
const symbolCount = (input: string) => input.replace(/[\s-]/g, '').length;

const KNOWN_REFUSALS: Record<string, string> = {
  'license-not-found': 'We do not know this code. Check it against your order email or the card in the box.',
  'license-already-owned': 'This license is already in an account. Ask its owner, or contact support if it is yours.',
};

/** LIC-1: a license bought elsewhere joins the account by its activation code. */
export function AddLicenseSection({ owned }: { owned: License[] }) {
  const [code, setCode] = useState('');
  const add = useAddLicense();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    // The server checks the format and the check character and names what is wrong; this only
    // spares a round trip for an empty or clearly short code.
    if (!code.trim()) return form.setFieldError('code', 'Enter the activation code.');
    if (symbolCount(code) !== SYMBOLS)
      return form.setFieldError('code', `An activation code has ${SYMBOLS} letters and digits; this has ${symbolCount(code)}.`);
    try {
      const license = await add.mutateAsync(code);
      setCode('');
      const name = `${license.product.name} (${maskedCode(license.codeLastGroup)})`;
      const had = owned.some((l) => l.id === license.id);
      notifications.show({ color: 'green', message: had ? `${name} is already in your account.` : `${name} is added to your account.` });
    } catch (err) {
      const known = err instanceof ApiError && err.code ? KNOWN_REFUSALS[err.code] : undefined;
      const about = err instanceof ApiError ? err.fieldErrors.find((e) => fieldName(e.field) === 'code') : undefined;
      if (known) form.setFieldError('code', known);
      // The server's message continues the field's name: "has a typing mistake: …".
      else if (about) form.setFieldError('code', `This code ${about.message}.`);
      else form.setProblem(err);
    }
  }

  return (
    <Section
      id="add-license"
      title="Add a license"
      description="Bought a license in a shop or received one as a gift? Enter its activation code to manage it here."
    >
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Add a license">
        <Stack gap="md">
          <TextInput
            label="Activation code"
            description="25 letters and digits, in five groups. Dashes, spaces and case do not matter."
            placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.fields.code}
            aria-invalid={form.fields.code ? true : undefined}
            maxLength={64}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.04em' } }}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add license
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
