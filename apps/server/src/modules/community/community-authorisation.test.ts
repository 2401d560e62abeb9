import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, createTestApp, type TestApp } from '../../testing/harness.ts';
import { company, person } from '../orgs/company-test-kit.ts';
import { comment, type Member, post, profile } from './community-test-kit.ts';

/*
 * Every community route, from the route table, against three callers: anonymous, a signed-in person who never joined,
 * and a member who administers the author's company (which gives no say over what the author writes). A route missing
 * from CASES fails the test. Afterwards the author's post and comment are as they were.
 */

type Caller = 'anonymous' | 'outsider' | 'companyAdmin';
interface Case {
  body?: unknown;
  /** null: the call would change the caller (join, leave), which the other tests cover; the matrix leaves them be. */
  expect: Record<Caller, number | null>;
}

const reads = { anonymous: 200, outsider: 200, companyAdmin: 200 };
const CASES: Record<string, Case> = {
  'GET /api/community/posts': { expect: reads },
  'GET /api/community/posts/:id': { expect: reads },
  'GET /api/community/members/:userName': { expect: reads },
  'GET /api/community/me': { expect: { anonymous: 401, outsider: 403, companyAdmin: 200 } },
  'PUT /api/community/me': { body: profile(), expect: { anonymous: 401, outsider: null, companyAdmin: null } },
  'POST /api/community/me/deletion': { expect: { anonymous: 401, outsider: 404, companyAdmin: null } },
  'POST /api/community/posts': { body: { title: 'Matrix post', body: 'text' }, expect: { anonymous: 401, outsider: 403, companyAdmin: 201 } },
  'PATCH /api/community/posts/:id': { body: { title: 'Taken over', body: 'text' }, expect: { anonymous: 401, outsider: 403, companyAdmin: 404 } },
  'DELETE /api/community/posts/:id': { expect: { anonymous: 401, outsider: 404, companyAdmin: 404 } },
  'POST /api/community/posts/:id/comments': { body: { body: 'Matrix comment' }, expect: { anonymous: 401, outsider: 403, companyAdmin: 201 } },
  'PATCH /api/community/comments/:id': { body: { body: 'Taken over' }, expect: { anonymous: 401, outsider: 403, companyAdmin: 404 } },
  'DELETE /api/community/comments/:id': { expect: { anonymous: 401, outsider: 404, companyAdmin: 404 } },
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('community authorisation', () => {
  it('covers every community route', () => {
    const routes = t.routes.filter((r) => r.url.startsWith('/api/community') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('refuses anonymous writes, people who never joined, and other members — a company administrator included — on what is not theirs', async () => {
    const acme = await company(t, 1);
    const author: Member = { ...acme.colleagues[0], profile: profile() };
    await author.browser.request('PUT', '/api/community/me', author.profile);
    await acme.admin.browser.request('PUT', '/api/community/me', profile());
    const written = await post(author);
    const answer = await comment(author, written.id);
    const outsider = (await person(t)).browser;

    const urlOf = (url: string) =>
      url.replace(':userName', author.profile.userName).replace('/posts/:id', `/posts/${written.id}`).replace('/comments/:id', `/comments/${answer.id}`);
    const callers: Record<Caller, (method: string, url: string, body?: unknown) => Promise<{ statusCode: number; body: string }>> = {
      anonymous: (method, url, body) =>
        t.app.inject({ method: method as 'GET', url, headers: { origin: BASE_URL }, ...(body === undefined ? {} : { payload: body as object }) }),
      outsider: (method, url, body) => outsider.request(method as 'GET', url, body),
      companyAdmin: (method, url, body) => acme.admin.browser.request(method as 'GET', url, body),
    };
    for (const [route, c] of Object.entries(CASES)) {
      const [method, url] = route.split(' ');
      for (const caller of Object.keys(callers) as Caller[]) {
        const wanted = c.expect[caller];
        if (wanted === null) continue;
        const response = await callers[caller](method, urlOf(url), c.body);
        expect(response.statusCode, `${caller} ${route}: ${response.body}`).toBe(wanted);
      }
    }
    const after = (await t.app.inject({ method: 'GET', url: `/api/community/posts/${written.id}` })).json();
    expect(after.title).toBe(written.title);
    expect(after.comments.find((c: { id: string }) => c.id === answer.id)?.body).toBe(answer.body);
  });
});
