import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { FREE_FAILURES } from './sign-in-throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('limits on guessing', () => {
  it('locks an address after repeated failures, even for the right password, and lifts the lock later', async () => {
    const visitor = newVisitor();
    await client(t, visitor).register();
    for (let i = 0; i < FREE_FAILURES; i++) {
      // Each guess from a new address, so only the per-account backoff can stop them.
      expect((await client(t, { ...visitor, ip: newVisitor().ip }).signIn('wrong-password-guess')).statusCode).toBe(401);
    }
    const locked = await client(t, { ...visitor, ip: newVisitor().ip }).signIn();
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(2 * 60 * 1000);
    expect((await client(t, { ...visitor, ip: newVisitor().ip }).signIn()).statusCode).toBe(200);
  });

  it('the lock answers the same for an unknown address, so it reveals nothing', async () => {
    const unknown = newVisitor();
    for (let i = 0; i < FREE_FAILURES + 1; i++) await client(t, { ...unknown, ip: newVisitor().ip }).signIn('wrong-password-guess');
    expect((await client(t, { ...unknown, ip: newVisitor().ip }).signIn('wrong-password-guess')).statusCode).toBe(429);
  });

  it('rate-limits sign-up from one client address', async () => {
    const ip = newVisitor().ip;
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await client(t, { ...newVisitor(), ip }).signUp()).statusCode);
    expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('rate-limits requests for reset mail and sign-in codes', async () => {
    const visitor = newVisitor();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push(
        (await client(t, visitor).request('POST', '/api/auth/request-password-reset', { email: visitor.email, redirectTo: '/reset-password' })).statusCode,
      );
    }
    expect(codes.at(-1)).toBe(429);
  });
});
