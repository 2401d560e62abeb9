import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { authClient } from '../lib/auth';
import { ApiError, hasCode } from '../lib/problem';
import { useFormProblem } from './FormProblem';
import { PasswordField } from './PasswordField';

interface Pending {
  action: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export function isFreshSignInRequired(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && err.code === 'fresh-sign-in-required';
}

/**
 * Runs an action that needs a sign-in from the last 10 minutes. When the server asks for one,
 * a dialog takes the password, signs in again, and runs the action once more.
 * Render `modal` somewhere in the page.
 */
export function useFreshSignIn() {
  const { data: session } = authClient.useSession();
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();

  const run = useCallback(<T,>(action: () => Promise<T>): Promise<T> => {
    return action().catch((err: unknown) => {
      if (!isFreshSignInRequired(err)) throw err;
      return new Promise<T>((resolve, reject) => {
        const p: Pending = { action, resolve: resolve as (v: unknown) => void, reject };
        pendingRef.current = p;
        setPending(p);
      });
    });
  }, []);

  function cancel() {
    pendingRef.current?.reject(new ApiError({ title: 'Cancelled', code: 'cancelled' }, 0));
    pendingRef.current = null;
    setPending(null);
    setPassword('');
    form.clear();
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const p = pendingRef.current;
    if (!p || !session) return;
    if (!password) return form.setFieldError('password', 'Enter your password.');
    setBusy(true);
    const { data, error } = await authClient.signIn.email({ email: session.user.email, password });
    if (error) {
      setBusy(false);
      if (hasCode(error, 'INVALID_EMAIL_OR_PASSWORD')) return form.setFieldError('password', 'That password is not right.');
      return form.setProblem(error, { email: 'password' });
    }
    if (data && 'twoFactorRedirect' in data && data.twoFactorRedirect) {
      setBusy(false);
      return form.setMessage('Your account uses two-step sign-in. Sign out, sign in again with your code, then come back to this page.');
    }
    try {
      const value = await p.action();
      p.resolve(value);
    } catch (err) {
      p.reject(err);
    } finally {
      setBusy(false);
      pendingRef.current = null;
      setPending(null);
      setPassword('');
    }
  }

  const modal = (
    <Modal opened={pending !== null} onClose={cancel} title="Confirm it is you" centered>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">For your safety, enter your password again. We ask for it when you last signed in more than 10 minutes ago.</Text>
          {form.alert}
          <PasswordField
            label="Your password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.fields.password}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );

  return { run, modal };
}

export const isCancelled = (err: unknown) => err instanceof ApiError && err.code === 'cancelled';
