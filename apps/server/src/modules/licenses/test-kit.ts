import { fingerprintHash } from '@steward/client';
import type { LightMyRequestResponse } from 'fastify';
import { client } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import { newDeviceToken } from '../devices/device-token.ts';
import { device } from '../devices/schema.ts';
import { licenseTypeOf } from './catalogue.ts';
import { issueLicense } from './issue-license.ts';

/** Test helpers for the licenses module: customers, licenses as the store issues them, and linked devices. */

export async function customer(t: TestApp) {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, visitor, userId };
}

export type Customer = Awaited<ReturnType<typeof customer>>;

/** A license as sold without an owner (a code on a card), or bought by `userId`. */
export async function issue(t: TestApp, typeId: string, userId?: string) {
  const type = await licenseTypeOf(t.deps, typeId);
  if (!type) throw new Error(`no license type ${typeId}`);
  return issueLicense(t.deps, { typeId, termDays: type.termDays, userId });
}

/**
 * A device linked to the user, written as the devices module's enrollment would leave it, so
 * these tests do not depend on the enrollment flow.
 */
export async function linkDevice(t: TestApp, userId: string, fingerprint: string, name = 'Laptop') {
  const id = crypto.randomUUID();
  const { token, hash } = newDeviceToken(id);
  await t.deps.db.insert(device).values({
    id,
    userId,
    name,
    platform: 'linux',
    machineHash: fingerprintHash(fingerprint),
    tokenHash: hash,
    tokenScopes: ['checkin', 'commands', 'licenses'],
    enrolledAt: t.clock.now(),
  });
  return { id, token, name };
}

/** Calls the product API as an installed product would: no cookie, its own address. */
export function product(t: TestApp, ip = newVisitor().ip) {
  return (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
}
