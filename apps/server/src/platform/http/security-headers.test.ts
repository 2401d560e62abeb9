import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { helmetHeaders } from './security-headers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('are those helmet sets for the same options, worked out once', () => {
    const headers = helmetHeaders({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } });
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('go with pages, problems, unknown routes and the product API alike', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/account' }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/licenses/validate', payload: {} }),
    ];
    for (const response of responses) {
      expect(response.headers['content-security-policy'], response.raw.req.url).toContain("default-src 'self'");
      expect(response.headers['x-frame-options'], response.raw.req.url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], response.raw.req.url).toBe('no-referrer');
    }
  });
});
