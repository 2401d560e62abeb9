import { Anchor, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFormProblem } from '../../../components/FormProblem';
import { isCancelled } from '../../../components/FreshSignIn';
import { api } from '../../../lib/api';
import type { ErasureReport } from '../../../lib/rights';

type Run = <T>(action: () => Promise<T>) => Promise<T>;
const WORD = 'ERASE';

export function ErasureSection({ run }: { run: Run }) {
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (typed.trim() !== WORD) return form.setFieldError('confirm', `Type ${WORD} in capital letters to confirm.`);
    setBusy(true);
    try {
      const report = await run(() => api.post<ErasureReport>('/api/privacy/erasure', { confirm: true }));
      // The report page needs no session; it signs this browser out once it is shown, so the
      // account pages' guard cannot send the person to the sign-in page first.
      navigate(`/privacy/erasure-report/${report.requestId}`, { replace: true, state: { report, justErased: true } });
    } catch (err) {
      setBusy(false);
      if (isCancelled(err)) return;
      form.setProblem(err);
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="erase-title" style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconAlertTriangle size={20} color="var(--mantine-color-red-7)" aria-hidden />
        <Title order={2} size="h4" id="erase-title" c="red.8">
          Erase my data
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Danger zone. This cannot be undone.
      </Text>
      <List size="sm" spacing={4} mb="md">
        <List.Item>Your account and your data are erased now, not after a waiting period.</List.Item>
        <List.Item>You are signed out everywhere and cannot sign in again.</List.Item>
        <List.Item>
          Some records the law makes us keep, such as proof of your consents, stay until a fixed date. The report shows which and until when.
        </List.Item>
        <List.Item>We email you a link to the report; it works for 30 days.</List.Item>
      </List>
      <Text size="sm" mb="md">
        Want a copy first? Download your data above before you erase it. Want to leave with a 30-day grace period instead?{' '}
        <Anchor component={Link} to="/account/delete" size="sm">
          Delete your account
        </Anchor>
        .
      </Text>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={`Type ${WORD} to confirm`}
            name="confirm"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={form.fields.confirm}
            aria-invalid={form.fields.confirm ? true : undefined}
            maw={320}
          />
          <Group>
            <Button type="submit" color="red" loading={busy}>
              Erase my data now
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
