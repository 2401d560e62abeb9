import { client, staffClient } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import type { StaffRole } from '../accounts/auth-options.ts';
import { addAgent } from './departments.ts';

/** Test helpers for the support desk: customers with a profile, agents of a department, requests. */

export async function supportCustomer(t: TestApp, profile: { language?: string; country?: string } = {}) {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  if (Object.keys(profile).length > 0) await browser.request('PATCH', '/api/account', profile);
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, userId, email: visitor.email };
}

export type SupportCustomer = Awaited<ReturnType<typeof supportCustomer>>;

/** A signed-in staff member who works in the department (by code); with `department` null, in none. */
export async function supportAgent(t: TestApp, department: string | null = 'consumer', role: StaffRole = 'support') {
  const browser = await staffClient(t, role);
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  if (department) await addAgent(t.deps, department, userId);
  return { browser, userId };
}

export type SupportAgent = Awaited<ReturnType<typeof supportAgent>>;

export const requestBody = (overrides: Record<string, unknown> = {}) => ({
  subject: 'The scan never finishes',
  productId: 'total-security',
  hardware: 'ThinkPad X1 Carbon, 16 GB RAM',
  software: 'Windows 11 23H2, Steward Total Security 4.2',
  description: 'Since yesterday the full scan stops at 87 % and never finishes.',
  ...overrides,
});

/** Opens a request through the API as the customer would, failing loudly when it is refused. */
export async function openRequest(customer: SupportCustomer, overrides: Record<string, unknown> = {}) {
  const response = await customer.browser.request('POST', '/api/support/requests', requestBody(overrides));
  if (response.statusCode !== 201) throw new Error(`opening a request answered ${response.statusCode}: ${response.body}`);
  return response.json();
}
