import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

// Two server processes behind one load balancer share PostgreSQL and Redis, nothing else.
describe.runIf(process.env.REDIS_URL)('two server processes with Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ redis: true });
    b = await createTestApp({ redis: true });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('share the sign-up rate limit', async () => {
    const ip = newVisitor().ip;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await client(i % 2 === 0 ? a : b, { ...newVisitor(), ip }).signUp()).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes[5]).toBe(429);
  });

  it('accept a session made by the other', async () => {
    const visitor = newVisitor();
    const onA = await client(a, visitor).register();
    const response = await b.app.inject({ method: 'GET', url: '/api/account', headers: { cookie: onA.cookie }, remoteAddress: visitor.ip });
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe(visitor.email);
  });

  it('end a session everywhere when the account is deleted on one', async () => {
    const visitor = newVisitor();
    const onA = await client(a, visitor).register();
    const cookie = onA.cookie;
    expect((await b.app.inject({ method: 'GET', url: '/api/account', headers: { cookie } })).statusCode).toBe(200);
    expect((await onA.request('POST', '/api/account/deletion', { password: visitor.password })).statusCode).toBe(202);
    expect((await b.app.inject({ method: 'GET', url: '/api/account', headers: { cookie } })).statusCode).toBe(401);
  });
});
