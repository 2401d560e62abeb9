import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { company, type Person } from '../orgs/company-test-kit.ts';
import { requestBody } from './support-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function open(author: Person, subject: string) {
  const response = await author.browser.request('POST', '/api/support/requests', requestBody({ subject }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const listed = async (viewer: Person) =>
  (await viewer.browser.request('GET', '/api/support/requests')).json() as Array<{ id: string; subject: string; mine: boolean }>;

describe('support requests within a company', () => {
  it('[SUP-4] the administrator sees every colleague’s request; colleagues only once the administrator allows it', async () => {
    const acme = await company(t, 2);
    const rival = await company(t, 0);
    const [ann, bob] = acme.colleagues;
    const request = await open(ann, 'Ann’s laptop is slow');

    expect((await listed(bob)).map((r) => r.id)).not.toContain(request.id);
    expect((await bob.browser.request('GET', `/api/support/requests/${request.id}`)).statusCode).toBe(404);
    expect((await rival.admin.browser.request('GET', `/api/support/requests/${request.id}`)).statusCode).toBe(404);

    expect(await listed(acme.admin)).toContainEqual(expect.objectContaining({ id: request.id, mine: false }));
    const seen = await acme.admin.browser.request('GET', `/api/support/requests/${request.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ subject: 'Ann’s laptop is slow', mine: false });
    expect((await ann.browser.request('GET', `/api/support/requests/${request.id}`)).json()).toMatchObject({ mine: true });

    await acme.admin.browser.request('PATCH', '/api/companies/current', { supportRequestsShared: true });
    expect(await listed(bob)).toContainEqual(expect.objectContaining({ id: request.id, mine: false }));
    expect((await bob.browser.request('GET', `/api/support/requests/${request.id}`)).statusCode).toBe(200);
    expect((await listed(rival.admin)).map((r) => r.id)).not.toContain(request.id);
  });

  it('[SUP-4] only the author answers, closes or attaches to their request; a colleague who may see it cannot', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    const request = await open(ann, 'Printer blocked by the firewall');
    const admin = acme.admin.browser;
    expect((await admin.request('POST', `/api/support/requests/${request.id}/messages`, { body: 'Any news?' })).statusCode).toBe(404);
    expect((await admin.request('POST', `/api/support/requests/${request.id}/close`)).statusCode).toBe(404);
    expect((await admin.request('POST', `/api/support/requests/${request.id}/upload-token`)).statusCode).toBe(404);
    expect((await ann.browser.request('GET', `/api/support/requests/${request.id}`)).json()).toMatchObject({ status: 'new', messages: [] });
  });

  it('[SUP-3] a member’s request is routed by the company’s language and stored with the company', async () => {
    // company() registers its companies with language de; the member's own profile says nothing.
    const acme = await company(t, 1);
    const request = await open(acme.colleagues[0], 'Mail scan misses attachments');
    expect(request.department).toMatchObject({ code: 'dach' });
  });
});
