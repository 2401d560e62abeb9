import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../testing/harness.ts';
import { person } from '../orgs/company-test-kit.ts';

/** Test helpers for the community: people who joined it, and their posts. */

export function profile(overrides: Record<string, unknown> = {}) {
  return {
    userName: `m_${randomBytes(5).toString('hex')}`,
    firstName: 'Ada',
    lastName: `Lovelace${randomBytes(3).toString('hex')}`,
    showFullName: false,
    notifyReplies: false,
    ...overrides,
  };
}

export async function member(t: TestApp, overrides: Record<string, unknown> = {}) {
  const someone = await person(t);
  const joined = profile(overrides);
  const response = await someone.browser.request('PUT', '/api/community/me', joined);
  if (response.statusCode !== 201) throw new Error(`joining answered ${response.statusCode}: ${response.body}`);
  return { ...someone, profile: joined };
}

export type Member = Awaited<ReturnType<typeof member>>;

export async function post(author: Member, title = `Post ${randomBytes(4).toString('hex')}`) {
  const response = await author.browser.request('POST', '/api/community/posts', { title, body: `Body of ${title}` });
  if (response.statusCode !== 201) throw new Error(`posting answered ${response.statusCode}: ${response.body}`);
  return response.json() as { id: string; title: string; body: string };
}

export async function comment(by: Member, postId: string, body = `Comment ${randomBytes(4).toString('hex')}`) {
  const response = await by.browser.request('POST', `/api/community/posts/${postId}/comments`, { body });
  if (response.statusCode !== 201) throw new Error(`commenting answered ${response.statusCode}: ${response.body}`);
  return response.json() as { id: string; body: string };
}
