import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';

/** Shapes of the licenses API (apps/server/src/modules/licenses). */
export interface Activation {
  id: string;
  deviceId: string | null;
  deviceName: string | null;
  activatedAt: string;
  lastValidatedAt: string | null;
}

export type LicenseKind = 'subscription' | 'trial' | 'perpetual';
export type LicenseStatus = 'active' | 'expired' | 'revoked';

export interface License {
  id: string;
  product: { id: string; name: string };
  type: { id: string; name: string; kind: LicenseKind; seats: number; termDays: number | null };
  codeLastGroup: string;
  status: LicenseStatus;
  startsAt: string | null;
  expiresAt: string | null;
  autoRenew: boolean;
  seatsUsed: number;
  activations: Activation[];
}

export interface LicenseReminders {
  reminders: boolean;
  noticeVersion: string;
}

const LICENSES_KEY = ['licenses'];
const REMINDERS_KEY = ['license-reminders'];

export const STATUS_LABELS: Record<LicenseStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };
export const STATUS_COLORS: Record<LicenseStatus, string> = { active: 'green', expired: 'orange', revoked: 'red' };
export const KIND_LABELS: Record<LicenseKind, string> = { subscription: 'Subscription', trial: 'Trial', perpetual: 'Perpetual' };

/** How an activation code is shown once stored: only its last group, so the owner can tell codes apart. */
export const maskedCode = (lastGroup: string) => `•••••-${lastGroup}`;

/** "1 year", "2 years", "30 days"; null for a license without an end. */
export function termLabel(termDays: number | null): string | null {
  if (termDays === null) return null;
  if (termDays % 365 === 0) return termDays === 365 ? '1 year' : `${termDays / 365} years`;
  return termDays === 1 ? '1 day' : `${termDays} days`;
}

export const seatsLabel = (seats: number) => (seats === 1 ? '1 device' : `${seats} devices`);

export function useLicenses() {
  return useQuery({ queryKey: LICENSES_KEY, queryFn: () => api.get<License[]>('/api/account/licenses') });
}

function useLicenseMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: LICENSES_KEY }) });
}

export const useAddLicense = () => useLicenseMutation((code: string) => api.post<License>('/api/account/licenses', { code }));

export const useBindLicense = () =>
  useLicenseMutation(({ licenseId, deviceId }: { licenseId: string; deviceId: string }) =>
    api.post<Activation>(`/api/account/licenses/${licenseId}/bindings`, { deviceId }),
  );

export const useUnbindLicense = () =>
  useLicenseMutation(({ licenseId, activationId }: { licenseId: string; activationId: string }) =>
    api.delete<void>(`/api/account/licenses/${licenseId}/bindings/${activationId}`),
  );

export const useSetAutoRenew = () =>
  useLicenseMutation(({ licenseId, autoRenew }: { licenseId: string; autoRenew: boolean }) =>
    api.patch<License>(`/api/account/licenses/${licenseId}`, { autoRenew }),
  );

export function useLicenseReminders() {
  return useQuery({ queryKey: REMINDERS_KEY, queryFn: () => api.get<LicenseReminders>('/api/account/license-reminders') });
}

export function useSetLicenseReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reminders: boolean) => api.put<LicenseReminders>('/api/account/license-reminders', { reminders }),
    onSuccess: (saved) => queryClient.setQueryData(REMINDERS_KEY, saved),
  });
}
