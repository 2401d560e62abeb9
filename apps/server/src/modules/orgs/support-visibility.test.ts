import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { company } from './company-test-kit.ts';
import { maySeeColleagueRequests } from './support-visibility.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('who sees a colleague’s support requests', () => {
  it('[SUP-4] the administrator always; colleagues only once the administrator allows it; nobody outside the company', async () => {
    const acme = await company(t, 2);
    const rival = await company(t, 0);
    const [ann, bob] = acme.colleagues;
    const may = (viewer: string, author: string) => maySeeColleagueRequests(t.deps, viewer, author);

    expect(await may(acme.admin.userId, ann.userId)).toBe(true);
    expect(await may(bob.userId, ann.userId)).toBe(false);
    expect(await may(rival.admin.userId, ann.userId)).toBe(false);

    const shared = await acme.admin.browser.request('PATCH', '/api/companies/current', { supportRequestsShared: true });
    expect(shared.json()).toMatchObject({ supportRequestsShared: true, role: 'owner' });
    expect(await may(bob.userId, ann.userId)).toBe(true);
    expect(await may(rival.admin.userId, ann.userId)).toBe(false);
    expect((await bob.browser.request('PATCH', '/api/companies/current', { supportRequestsShared: false })).statusCode).toBe(403);

    await acme.admin.browser.request('POST', '/api/companies/current/block');
    expect(await may(bob.userId, ann.userId)).toBe(false);
    expect(await may(acme.admin.userId, ann.userId)).toBe(false);
  });

  it('lets an administrator correct the company’s name, country and language', async () => {
    const acme = await company(t, 0);
    const edited = await acme.admin.browser.request('PATCH', '/api/companies/current', { name: ' Acme AG ', country: 'ch', language: 'fr' });
    expect(edited.json()).toMatchObject({ name: 'Acme AG', country: 'CH', language: 'fr', supportRequestsShared: false });
  });
});
