import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

describe('HTTP platform', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp({ logStream: sink });
  });
  afterAll(() => t.close());

  it('publishes OpenAPI 3.1 generated from the route schemas at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/account', '/api/account/preferences', '/api/account/deletion', '/api/staff/outbox']));
    expect(spec.paths['/api/account'].patch.requestBody).toBeDefined();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'alive' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe(true);
  });

  it('answers an unknown route with problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('refuses an oversized body with 413 problem+json', async () => {
    const browser = await client(t, newVisitor()).register();
    const response = await browser.request('PATCH', '/api/account', { name: 'x'.repeat(70 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('never writes an email address, password, code or token into the log', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('PATCH', '/api/account', { name: 'Secret Name' });
    await client(t, visitor).signIn('a-wrong-password-here');
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(visitor.email);
    expect(log).not.toContain(visitor.password);
    expect(log).not.toContain('Secret Name');
    expect(log).not.toMatch(/token=/);
  });
});
