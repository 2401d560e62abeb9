import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';

const E164 = /^\+[1-9]\d{6,14}$/;

export function PhoneSection({ phoneNumber, verified }: { phoneNumber: string | null; verified: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(!phoneNumber || !verified);
  const [number, setNumber] = useState('');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();

  async function sendCode(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const n = number.replace(/[\s()-]/g, '');
    if (!E164.test(n)) return form.setFieldError('phoneNumber', 'Enter the number with its country code, e.g. +491701234567.');
    setBusy(true);
    const { error } = await authClient.phoneNumber.sendOtp({ phoneNumber: n });
    setBusy(false);
    if (error) {
      form.setProblem(error);
      return;
    }
    setCodeSentTo(n);
    setCode('');
  }

  async function verify(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!codeSentTo) return;
    if (!code.trim()) return form.setFieldError('code', 'Enter the code from the text message.');
    setBusy(true);
    const { error } = await authClient.phoneNumber.verify({ phoneNumber: codeSentTo, code: code.trim(), updatePhoneNumber: true });
    setBusy(false);
    if (error) {
      const p = form.setProblem(error);
      if (!p.fields.code && error.status === 400) form.setFieldError('code', error.message || 'That code is not right, or it has expired.');
      return;
    }
    await queryClient.invalidateQueries({ queryKey: ['account'] });
    setCodeSentTo(null);
    setNumber('');
    setEditing(false);
    notifications.show({ color: 'green', message: 'Your phone number is confirmed.' });
  }

  return (
    <Section
      id="phone"
      title="Phone number"
      badge={
        phoneNumber && verified ? (
          <Badge color="green" variant="light">
            Confirmed
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Optional
          </Badge>
        )
      }
      description="Optional. We use it only to send you sign-in security codes by text message, and never for anything else."
    >
      {phoneNumber && verified && !editing && (
        <Group justify="space-between">
          <Text className="mono-break">{phoneNumber}</Text>
          <Button variant="default" onClick={() => setEditing(true)}>
            Change number
          </Button>
        </Group>
      )}
      {editing && (
        <>
          {form.alert}
          {!codeSentTo ? (
            <form ref={form.formRef} onSubmit={sendCode} noValidate aria-label="Add phone number">
              <Stack gap="md">
                <TextInput
                  label="Mobile phone number"
                  name="phoneNumber"
                  type="tel"
                  autoComplete="tel"
                  description="With the country code, e.g. +491701234567. We send a code to confirm it."
                  value={number}
                  onChange={(e) => setNumber(e.currentTarget.value)}
                  error={form.fields.phoneNumber}
                />
                <Group>
                  <Button type="submit" loading={busy}>
                    Send code
                  </Button>
                  {phoneNumber && verified && (
                    <Button variant="subtle" onClick={() => setEditing(false)}>
                      Cancel
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          ) : (
            <form ref={form.formRef} onSubmit={verify} noValidate aria-label="Confirm phone number">
              <Stack gap="md">
                <Text size="sm" role="status">
                  We sent a code to <span className="mono-break">{codeSentTo}</span>.
                </Text>
                <TextInput
                  label="Code from the text message"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={form.fields.code}
                />
                <Group>
                  <Button type="submit" loading={busy}>
                    Confirm number
                  </Button>
                  <Button variant="subtle" onClick={() => setCodeSentTo(null)}>
                    Use another number
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Section>
  );
}
