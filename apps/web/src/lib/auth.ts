import { passkeyClient } from '@better-auth/passkey/client';
import { adminClient, phoneNumberClient, twoFactorClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

/** Better Auth is mounted by the server at /api/auth/*, on the same origin as this app. */
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  plugins: [twoFactorClient(), phoneNumberClient(), adminClient(), passkeyClient()],
});

export type Session = typeof authClient.$Infer.Session;

export const STAFF_ROLES = ['admin', 'support', 'dpo'] as const;

export function isStaff(role: string | null | undefined): boolean {
  if (!role) return false;
  // The admin plugin stores several roles as a comma-separated list.
  return role.split(',').some((r) => (STAFF_ROLES as readonly string[]).includes(r.trim()));
}

/** Whether the user has one of these roles. */
export function hasRole(role: string | null | undefined, roles: readonly string[]): boolean {
  if (!role) return false;
  return role.split(',').some((r) => roles.includes(r.trim()));
}
