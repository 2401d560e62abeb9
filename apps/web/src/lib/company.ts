import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { License } from './licenses';
import { ApiError } from './problem';

/** Shapes of the company accounts API (apps/server/src/modules/orgs). */
export type CompanyRole = 'owner' | 'admin' | 'license-manager' | 'member';
export type AssignableRole = Exclude<CompanyRole, 'owner'>;

export interface Company {
  id: string;
  name: string;
  country: string | null;
  language: string | null;
  domain: string | null;
  supportRequestsShared: boolean;
  blocked: boolean;
  role: CompanyRole;
  createdAt: string;
}

export interface Member {
  id: string;
  userId: string;
  name: string;
  email: string;
  language: string | null;
  role: CompanyRole;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: AssignableRole;
  expiresAt: string;
}

/** An invitation as the invited person sees it before accepting. */
export interface InvitationForInvitee {
  id: string;
  companyName: string;
  role: AssignableRole;
  inviterName: string | null;
  expiresAt: string;
}

export interface Notice {
  id: string;
  kind: string;
  name: string;
  email: string;
  createdAt: string;
}

export interface NewCompany {
  name: string;
  country: string;
  language: string;
}

export interface CompanyEdit {
  name?: string;
  country?: string;
  language?: string;
  supportRequestsShared?: boolean;
}

export interface MemberEdit {
  name?: string;
  language?: string | null;
  role?: AssignableRole;
}

export const ROLE_LABELS: Record<CompanyRole, string> = {
  owner: 'Administrator (owner)',
  admin: 'Administrator',
  'license-manager': 'License manager',
  member: 'Member',
};

export const ASSIGNABLE_ROLES: { value: AssignableRole; label: string }[] = [
  { value: 'member', label: 'Member' },
  { value: 'license-manager', label: 'License manager' },
  { value: 'admin', label: 'Administrator' },
];

export const isAdministrator = (role: CompanyRole) => role === 'owner' || role === 'admin';
export const mayAddLicenses = (role: CompanyRole) => isAdministrator(role) || role === 'license-manager';

/** The API's answer to a member of a blocked company (ORG-3). */
export const isBlockedProblem = (err: unknown) => err instanceof ApiError && err.code === 'company-blocked';

const COMPANY_KEY = ['company'];
const key = (part: string) => [...COMPANY_KEY, part];

/** The caller's company; null when they belong to none (the API answers 404). */
export function useCompany() {
  return useQuery({
    queryKey: key('current'),
    queryFn: async () => {
      try {
        return await api.get<Company>('/api/companies/current');
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
}

/** The company the caller's verified address's domain lets them join; null when there is none. */
export function useJoinableCompany() {
  return useQuery({
    queryKey: key('joinable'),
    queryFn: async () => {
      try {
        return await api.get<{ id: string; name: string }>('/api/companies/joinable');
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) return null;
        throw err;
      }
    },
  });
}

/** The invitation sent to the caller's address; its problem (not found, blocked) is the query's error. */
export const useInvitation = (id: string) =>
  useQuery({
    queryKey: key(`invitation-${id}`),
    queryFn: () => api.get<InvitationForInvitee>(`/api/companies/invitations/${encodeURIComponent(id)}`),
    retry: false,
  });

export const useMembers = (enabled: boolean) =>
  useQuery({ queryKey: key('members'), queryFn: () => api.get<Member[]>('/api/companies/current/members'), enabled });
export const useInvitations = (enabled: boolean) =>
  useQuery({ queryKey: key('invitations'), queryFn: () => api.get<Invitation[]>('/api/companies/current/invitations'), enabled });
export const useNotices = (enabled: boolean) =>
  useQuery({ queryKey: key('notices'), queryFn: () => api.get<Notice[]>('/api/companies/current/notices'), enabled });
export const useCompanyLicenses = () => useQuery({ queryKey: key('licenses'), queryFn: () => api.get<License[]>('/api/companies/current/licenses') });

/** Every change may alter what the company pages show (a role, a block): read them all again. */
function useCompanyMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: COMPANY_KEY }) });
}

export const useRegisterCompany = () => useCompanyMutation((input: NewCompany) => api.post<Company>('/api/companies', input));
export const useJoinCompany = () => useCompanyMutation((companyId: string) => api.post<Company>(`/api/companies/${companyId}/join`));
export const useAcceptInvitation = () =>
  useCompanyMutation((invitationId: string) => api.post<Company>(`/api/companies/invitations/${encodeURIComponent(invitationId)}/accept`));
export const useEditCompany = () => useCompanyMutation((edit: CompanyEdit) => api.patch<Company>('/api/companies/current', edit));
export const useSetDomain = () => useCompanyMutation((domain: string | null) => api.put<Company>('/api/companies/current/domain', { domain }));
export const useInvite = () =>
  useCompanyMutation((input: { email: string; role: AssignableRole }) => api.post<Invitation>('/api/companies/current/invitations', input));
export const useWithdrawInvitation = () => useCompanyMutation((id: string) => api.delete<void>(`/api/companies/current/invitations/${id}`));
export const useEditMember = () =>
  useCompanyMutation(({ memberId, edit }: { memberId: string; edit: MemberEdit }) => api.patch<Member>(`/api/companies/current/members/${memberId}`, edit));
export const useSendResetLink = () => useCompanyMutation((memberId: string) => api.post<void>(`/api/companies/current/members/${memberId}/password-reset`));
export const useHandOver = () => useCompanyMutation((memberId: string) => api.post<void>(`/api/companies/current/members/${memberId}/ownership`));
export const useRemoveMember = () => useCompanyMutation((memberId: string) => api.delete<void>(`/api/companies/current/members/${memberId}`));
export const useLeaveCompany = () => useCompanyMutation(() => api.delete<void>('/api/companies/current/membership'));
export const useSetBlocked = () =>
  useCompanyMutation((blocked: boolean) => (blocked ? api.post<Company>('/api/companies/current/block') : api.delete<Company>('/api/companies/current/block')));
export const useAddCompanyLicense = () => useCompanyMutation((code: string) => api.post<License>('/api/companies/current/licenses', { code }));
export const useRemoveCompanyLicense = () => useCompanyMutation((licenseId: string) => api.delete<void>(`/api/companies/current/licenses/${licenseId}`));

/** "Germany (DE)" for a code the browser knows; the code itself otherwise. */
export function regionName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    const name = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'region' }).of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
  } catch {
    return code;
  }
}

export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    const name = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
