import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { cookiesFrom, newVisitor, type TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { retentionReport } from '../privacy/retention/retention-report.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { truncateIp } from './pseudonym.ts';
import { statsEvent, statsHourly } from './schema.ts';

const T0 = new Date('2031-05-10T10:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) Test/1.0';

let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t?.close());
beforeEach(async () => {
  t.clock.set(T0);
  await t.deps.db.delete(statsEvent);
  await t.deps.db.delete(statsHourly);
});

const consentCookies = new Map<boolean, string>();

/** The cookie the banner sets after a choice, which the beacon reads the recorded consent by. */
async function consentCookie(analytics: boolean): Promise<string> {
  const known = consentCookies.get(analytics);
  if (known) return known;
  const categories = { preferences: false, performance: false, 'first-party-analytics': analytics, 'third-party-advertising': false, 'social-networks': false };
  const response = await t.app.inject({ method: 'POST', url: '/api/privacy/cookie-consent', payload: { categories } });
  const cookie = cookiesFrom(response);
  consentCookies.set(analytics, cookie);
  return cookie;
}

async function beacon(body: unknown, options: { ip?: string; consent?: 'granted' | 'denied' | null; userAgent?: string; cookie?: string } = {}) {
  const consent = options.consent === undefined ? 'granted' : options.consent;
  const cookies = [consent ? await consentCookie(consent === 'granted') : '', options.cookie ?? ''].filter(Boolean).join('; ');
  return t.app.inject({
    method: 'POST',
    url: '/api/stats/events',
    remoteAddress: options.ip ?? '203.0.113.77',
    headers: {
      'content-type': 'application/json',
      'user-agent': options.userAgent ?? UA,
      ...(cookies ? { cookie: cookies } : {}),
    },
    payload: JSON.stringify(body),
  });
}

const events = () => t.deps.db.select().from(statsEvent);
const aggregate = (options = {}) => runRetention(t.deps, retentionRule('statistics-aggregated'), options);

describe('pseudonymised statistics', () => {
  it('[STAT-1] stores nothing without analytics consent, and answers the same either way', async () => {
    expect((await beacon({ kind: 'page-view', path: '/' }, { consent: null })).statusCode).toBe(204);
    expect((await beacon({ kind: 'page-view', path: '/' }, { consent: 'denied' })).statusCode).toBe(204);
    // [STAT-2] What the client claims does not count; only a choice recorded in the ledger does.
    const claimed = await t.app.inject({
      method: 'POST',
      url: '/api/stats/events',
      headers: { 'x-steward-analytics-consent': 'granted' },
      payload: { kind: 'page-view', path: '/' },
    });
    expect(claimed.statusCode).toBe(204);
    expect(await events()).toHaveLength(0);
    expect((await beacon({ kind: 'page-view', path: '/' })).statusCode).toBe(204);
    expect(await events()).toHaveLength(1);
  });

  it('[STAT-1] a raw event holds no IP address and no account, only a pseudonym, the path without query and the referrer host', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    t.clock.set(new Date(T0.getTime() + 17 * 60_000 + 42_500));
    const response = await beacon(
      { kind: 'page-view', path: '/account/profile?token=secret#x', referrer: 'https://search.example.org/q?who=me' },
      { ip: visitor.ip, cookie: browser.cookie },
    );
    expect(response.statusCode).toBe(204);
    const [event] = await events();
    expect(event).toMatchObject({ kind: 'page-view', path: '/account/profile', referrerHost: 'search.example.org' });
    expect(event.occurredAt).toEqual(new Date(T0.getTime() + 17 * 60_000));
    expect(event.pseudonym).toMatch(/^[\w-]{43}$/);
    const stored = JSON.stringify(event);
    const network = visitor.ip.split('.').slice(0, 3).join('.');
    expect(stored).not.toContain(network);
    expect(stored).not.toContain(visitor.email);
    expect(stored).not.toContain('secret');
    // No column could hold them: the table has none for an address or an account.
    const columns = await t.deps.pool.query(`select column_name from information_schema.columns where table_name = 'stats_event'`);
    expect(columns.rows.map((r) => r.column_name).sort()).toEqual(['id', 'kind', 'occurred_at', 'path', 'pseudonym', 'referrer_host']);
    // Signed in or not, the same visitor gets the same pseudonym: the account plays no part.
    await beacon({ kind: 'page-view', path: '/' }, { ip: visitor.ip });
    const pseudonyms = new Set((await events()).map((e) => e.pseudonym));
    expect(pseudonyms.size).toBe(1);
  });

  it('[STAT-1] the pseudonym is the same all day, differs the next day, and sees only the /24 network', async () => {
    await beacon({ kind: 'page-view', path: '/a' }, { ip: '198.51.100.10' });
    t.clock.advance(5 * HOUR_MS);
    await beacon({ kind: 'page-view', path: '/b' }, { ip: '198.51.100.200' });
    t.clock.advance(DAY_MS);
    await beacon({ kind: 'page-view', path: '/c' }, { ip: '198.51.100.10' });
    await beacon({ kind: 'page-view', path: '/d' }, { ip: '198.51.101.10' });
    const byPath = Object.fromEntries((await events()).map((e) => [e.path, e.pseudonym]));
    expect(byPath['/a']).toBe(byPath['/b']);
    expect(byPath['/c']).not.toBe(byPath['/a']);
    expect(byPath['/d']).not.toBe(byPath['/c']);
  });

  it('truncates IPv4 to /24 and IPv6 to /48 before hashing', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(truncateIp('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(truncateIp('::1')).toBe('0:0:0::/48');
    expect(truncateIp('not an address')).toBe('unknown');
  });

  it('[STAT-1] hourly aggregation counts views and distinct visitors per path, then deletes the raw events of the hour', async () => {
    const a = { ip: '192.0.2.1' };
    const b = { ip: '192.0.2.1', userAgent: 'Other/2.0' };
    const c = { ip: '192.0.3.1' };
    for (const who of [a, a, b, c]) await beacon({ kind: 'page-view', path: '/pricing' }, who);
    await beacon({ kind: 'api-use', path: '/api/licenses' }, a);
    t.clock.advance(HOUR_MS);
    await beacon({ kind: 'page-view', path: '/pricing' }, a);
    t.clock.advance(90 * 60_000);
    await beacon({ kind: 'page-view', path: '/pricing' }, c);

    expect((await retentionReport(t.deps)).find((r) => r.rule === 'statistics-aggregated')).toMatchObject({ due: 6, oldest: T0 });
    expect(await aggregate()).toBe(6);
    const hourly = (await t.deps.db.select().from(statsHourly)).map((h) => ({ ...h, hour: h.hour.toISOString() }));
    expect(hourly.sort((x, y) => `${x.hour}${x.path}`.localeCompare(`${y.hour}${y.path}`))).toEqual([
      { hour: '2031-05-10T10:00:00.000Z', kind: 'api-use', path: '/api/licenses', views: 1, visitors: 1 },
      { hour: '2031-05-10T10:00:00.000Z', kind: 'page-view', path: '/pricing', views: 4, visitors: 3 },
      { hour: '2031-05-10T11:00:00.000Z', kind: 'page-view', path: '/pricing', views: 1, visitors: 1 },
    ]);
    // The hour still running is not counted yet.
    const left = await events();
    expect(left).toHaveLength(1);
    expect(left[0].occurredAt).toEqual(new Date(T0.getTime() + 150 * 60_000));
    expect(await aggregate()).toBe(0);
  });

  it('[STAT-1] an aggregation interrupted after one hour has that hour counted and gone, the next untouched, and finishes on the next run', async () => {
    await beacon({ kind: 'page-view', path: '/' });
    t.clock.advance(HOUR_MS);
    await beacon({ kind: 'page-view', path: '/' });
    await beacon({ kind: 'page-view', path: '/' }, { ip: '192.0.2.9' });
    t.clock.advance(HOUR_MS + 2 * 60_000);
    await expect(
      aggregate({
        afterBatch: () => {
          throw new Error('worker killed between batches');
        },
      }),
    ).rejects.toThrow();
    expect(await t.deps.db.select().from(statsHourly)).toMatchObject([{ hour: T0, views: 1, visitors: 1 }]);
    expect(await events()).toHaveLength(2);
    expect(await aggregate()).toBe(2);
    expect((await t.deps.db.select({ n: count() }).from(statsEvent))[0].n).toBe(0);
    expect((await t.deps.db.select().from(statsHourly)).find((h) => h.hour.getTime() === T0.getTime() + HOUR_MS)).toMatchObject({ views: 2, visitors: 2 });
  });

  it('refuses a path that is not one, naming the field, and limits the rate per address', async () => {
    const bad = await beacon({ kind: 'page-view', path: 'https://elsewhere.example/' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('path');
    expect((await beacon({ kind: 'page-view', path: `/${'x'.repeat(200)}` })).statusCode).toBe(400);
    const ip = '198.18.0.1';
    let status = 204;
    for (let i = 0; i < 130 && status === 204; i++) status = (await beacon({ kind: 'api-use', path: '/api/x' }, { ip })).statusCode;
    expect(status).toBe(429);
  });

  it('GET /api/staff/stats gives admin and dpo the hourly series, and nobody else', async () => {
    await beacon({ kind: 'page-view', path: '/' });
    t.clock.advance(2 * HOUR_MS);
    await aggregate();
    const staff = (role: 'admin' | 'support' | 'dpo') => staffClient(t, role);
    const dpo = await staff('dpo');
    const response = await dpo.request('GET', `/api/staff/stats?from=${T0.toISOString()}&to=${new Date(T0.getTime() + DAY_MS).toISOString()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().hours).toEqual([{ hour: T0.toISOString(), kind: 'page-view', path: '/', views: 1, visitors: 1 }]);
    expect((await dpo.request('GET', `/api/staff/stats?from=${T0.toISOString()}&to=${T0.toISOString()}`)).json().errors[0].field).toBe('to');
    expect((await dpo.request('GET', '/api/staff/stats?from=yesterday')).statusCode).toBe(400);
    expect((await (await staff('admin')).request('GET', '/api/staff/stats')).statusCode).toBe(200);
    expect((await (await staff('support')).request('GET', '/api/staff/stats')).statusCode).toBe(403);
    expect((await client(t, newVisitor()).request('GET', '/api/staff/stats')).statusCode).toBe(401);
  });
});
