import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createVerifiedUser } from '../../../cli/create-staff.ts';
import { client } from '../../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../../testing/harness.ts';
import { users } from '../../accounts/schema.ts';
import { blobStoreOf } from './subject-blobs.ts';

/** For tests of the rights centre: a registered, signed-in person, and a way to give them files. */
export async function newSubject(t: TestApp) {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const [row] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, visitor.email));
  return { visitor, browser, userId: row.id };
}

export async function newStaff(t: TestApp, role: 'dpo' | 'admin' | 'support') {
  const visitor = newVisitor();
  const { userId } = await createVerifiedUser(t.auth, t.deps, { email: visitor.email, role, password: visitor.password });
  const browser = client(t, visitor);
  const signedIn = await browser.signIn();
  if (signedIn.statusCode !== 200) throw new Error(`staff sign-in failed: ${signedIn.statusCode}`);
  return { visitor, browser, userId };
}

export async function giveFile(t: TestApp, userId: string, fileName: string, content: string) {
  return blobStoreOf(t.deps).put({
    subjectId: userId,
    purpose: 'support-attachment',
    fileName,
    contentType: 'text/plain',
    data: Buffer.from(content),
    maxBytes: 1_000_000,
  });
}

export const uniqueName = () => `Quillon Verbrugge ${randomBytes(4).toString('hex')}`;
export const uniquePhone = () => `+4915${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 9)}`;
