import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPersonal } from '../../platform/datamap/annotate.ts';
import { collectDataMap } from '../../platform/datamap/collect.ts';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { buildPolicy, currentPolicyInput, type PolicyInput, policyHash } from './build-policy.ts';
import { policyVersion } from './schema.ts';
import { SERVICES } from './services.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const input = () => currentPolicyInput(t.deps.config);

function setCookieNames(header: string | string[] | undefined): string[] {
  return [header ?? []].flat().map((cookie) => cookie.split('=')[0]);
}

function withEmailAnnotation(base: PolicyInput, change: Record<string, unknown>): PolicyInput {
  const dataMap = base.dataMap.map((entry) =>
    entry.table === 'users' && entry.column === 'email' && isPersonal(entry.annotation) ? { ...entry, annotation: { ...entry.annotation, ...change } } : entry,
  );
  return { ...base, dataMap };
}

describe('generated privacy policy', () => {
  it('[PRIN-6] holds every personal-data column of the data map, each with purpose, basis and retention in words', () => {
    const document = buildPolicy(input());
    const listed = new Map(document.services.flatMap((service) => service.data.map((row) => [`${row.table}.${row.column}`, row])));
    const personal = collectDataMap().filter((entry) => isPersonal(entry.annotation));
    expect(personal.length).toBeGreaterThan(20);
    for (const entry of personal) {
      const row = listed.get(`${entry.table}.${entry.column}`);
      expect(row, `${entry.table}.${entry.column}`).toBeDefined();
      if (!isPersonal(entry.annotation) || !row) continue;
      expect(row).toMatchObject({ purpose: entry.annotation.purpose, basis: entry.annotation.basis, retention: entry.annotation.retention });
      expect(row.retentionText.length).toBeGreaterThan(10);
    }
  });

  it('[PRIN-6] describes every table holding personal data under a named service, none left to "Other processing"', () => {
    const claimed = new Set(SERVICES.flatMap((service) => service.tables));
    const unclaimed = [
      ...new Set(
        collectDataMap()
          .filter((c) => isPersonal(c.annotation))
          .map((c) => c.table),
      ),
    ].filter((table) => !claimed.has(table));
    expect(unclaimed).toEqual([]);
  });

  it('[PRIN-6] changes its hash when an annotation changes, and only then', () => {
    const base = input();
    const hash = policyHash(buildPolicy(base));
    expect(policyHash(buildPolicy(input()))).toBe(hash);
    const purposeChanged = buildPolicy(withEmailAnnotation(base, { purpose: 'Send offers' }));
    expect(policyHash(purposeChanged)).not.toBe(hash);
    expect(purposeChanged.services.find((s) => s.id === 'accounts')?.purposes).toContain('Send offers');
    const retentionChanged = withEmailAnnotation(base, { retention: 'forever-and-a-day' });
    expect(policyHash(buildPolicy(retentionChanged))).not.toBe(hash);
  });

  it('[PRIN-6] serves the published policy, whose hash is that of the code running', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/privacy/policy' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.hash).toBe(policyHash(buildPolicy(input())));
    expect(body.document).toEqual(JSON.parse(JSON.stringify(buildPolicy(input()))));
  });

  it('[PRIN-2] publishes the register of processors with purpose and region, and the services that use them', () => {
    const document = buildPolicy(input());
    const ids = document.processors.map((processor) => processor.id);
    expect(ids).toEqual(expect.arrayContaining(['sms-gateway', 'smtp-relay', 'object-storage']));
    for (const processor of document.processors) {
      expect(processor.purpose.length, processor.id).toBeGreaterThan(5);
      expect(processor.region.length, processor.id).toBeGreaterThan(1);
    }
    const phone = document.services.flatMap((s) => s.data).find((row) => row.table === 'users' && row.column === 'phone_number');
    expect(phone?.processors).toContain('sms-gateway');
    const accounts = document.services.find((s) => s.id === 'accounts');
    expect(accounts?.processors.map((p) => p.id)).toContain('sms-gateway');
  });

  it('[RIGHT-2] tells the reader how to complain to a supervisory authority', () => {
    const document = buildPolicy({ ...input(), authority: 'the Example Data Protection Commission' });
    expect(document.complaint.text).toMatch(/lodge a complaint with a supervisory authority/);
    expect(document.complaint.text).toMatch(/where you live, where you work, or where/);
    expect(document.complaint.text).toContain('the Example Data Protection Commission');
  });

  it('[RIGHT-1] names every right and where in the account to use it', () => {
    const rights = buildPolicy(input()).rights.map((right) => right.id);
    expect(rights).toEqual(['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'consent-withdrawal']);
  });

  it('[COOK-2] lists every cookie a sign-in sets, by the name Better Auth gives it', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const signIn = await browser.signIn();
    expect(signIn.statusCode).toBe(200);
    const names = setCookieNames(signIn.headers['set-cookie']);
    expect(names).toContain('better-auth.session_token');
    const listed = buildPolicy(input()).cookies.cookies;
    for (const name of names)
      expect(
        listed.map((cookie) => cookie.name),
        name,
      ).toContain(name);
    const session = listed.find((cookie) => cookie.name === 'better-auth.session_token');
    expect(session).toMatchObject({ category: 'authentication', strictlyNecessary: true, lifetimeSeconds: 7 * 24 * 60 * 60 });
  });

  it('[COOK-2] names cookies with the __Secure- prefix when the site runs on HTTPS, as Better Auth does', () => {
    const cookies = buildPolicy(currentPolicyInput({ ...t.deps.config, baseUrl: 'https://steward.example' })).cookies.cookies;
    expect(cookies.map((cookie) => cookie.name)).toContain('__Secure-better-auth.session_token');
  });

  it('[PRIN-3] names the declared processing region for the data and for every processor, and follows the configuration', () => {
    const document = buildPolicy(input());
    expect(document.processingRegion.name).toBe('the EU/EEA');
    expect(document.processingRegion.text).toContain('stays there');
    for (const processor of document.processors) expect(processor.region, processor.id).toBe('the EU/EEA');
    for (const service of document.services)
      for (const processor of service.processors) expect(processor.region, `${service.id} ${processor.id}`).toBe('the EU/EEA');
    const elsewhere = buildPolicy(currentPolicyInput({ ...t.deps.config, region: 'ch' }));
    expect(elsewhere.processingRegion.name).toBe('Switzerland');
    expect(new Set(elsewhere.processors.map((p) => p.region))).toEqual(new Set(['Switzerland']));
  });

  it('[COOK-1] lists the eight cookie categories and which are strictly necessary', () => {
    const categories = buildPolicy(input()).cookies.categories;
    expect(categories.map((c) => c.id).sort()).toEqual(
      ['authentication', 'first-party-analytics', 'performance', 'preferences', 'security', 'social-networks', 'third-party-advertising', 'user-input'].sort(),
    );
    expect(categories.filter((c) => c.strictlyNecessary).map((c) => c.id)).toEqual(['user-input', 'authentication', 'security']);
  });

  it('keeps older versions readable by their hash and lists versions newest first', async () => {
    const old = { ...buildPolicy(input()), format: `old-${Date.now()}` };
    const oldHash = policyHash(old);
    await t.deps.db.insert(policyVersion).values({ hash: oldHash, publishedAt: new Date('2001-01-01T00:00:00Z'), document: old });
    const byHash = await t.app.inject({ method: 'GET', url: `/api/privacy/policy/${oldHash}` });
    expect(byHash.json()).toMatchObject({ hash: oldHash, publishedAt: '2001-01-01T00:00:00.000Z', document: { format: old.format } });
    const versions = (await t.app.inject({ method: 'GET', url: '/api/privacy/policy/versions?limit=100' })).json().versions;
    expect(versions[0]).toMatchObject({ hash: policyHash(buildPolicy(input())), current: true });
    expect(versions.map((v: { hash: string }) => v.hash)).toContain(oldHash);
    const missing = await t.app.inject({ method: 'GET', url: `/api/privacy/policy/${'0'.repeat(64)}` });
    expect(missing.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/privacy/policy/not-a-hash' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.hash');
    const tooMany = await t.app.inject({ method: 'GET', url: '/api/privacy/policy/versions?limit=5000' });
    expect(tooMany.statusCode).toBe(400);
  });

  it('[PRIN-1] publishes the data map: personal columns only, grouped by table', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/privacy/datamap' })).json();
    const personal = collectDataMap().filter((entry) => isPersonal(entry.annotation));
    expect(body.columns).toHaveLength(personal.length);
    expect(body.tables.users.map((c: { column: string }) => c.column)).toContain('email');
    expect(body.columns.some((c: { column: string }) => c.column === 'email_verified')).toBe(false);
  });

  it('[PRIN-1] `steward datamap` prints the data map as an aligned table', async () => {
    const main = new URL('../../main.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [main, 'datamap'], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^table\s+column\s+category\s+purpose\s+basis\s+retention\s+exported\s+erase\s+processors\s+region$/);
    const email = lines.find((line) => /^users\s+email\s/.test(line));
    expect(email).toContain('account-deleted-1-month');
    expect(lines[0].indexOf('purpose')).toBe(email?.indexOf('User name for sign-in'));
  });
});
