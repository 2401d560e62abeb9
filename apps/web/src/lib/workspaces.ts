import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { Device } from './devices';

/** Shapes of the workspaces API (apps/server/src/modules/workspaces) and the support contracts API (modules/contracts). */
export type WorkspaceRole = 'owner' | 'admin' | 'operator' | 'viewer';

export interface Workspace {
  id: string;
  name: string;
  licenseId: string;
  /** The caller's own role, or the admin role a company administrator holds in every workspace. */
  role: WorkspaceRole;
  createdAt: string;
}

export interface WorkspaceMember {
  userId: string;
  role: WorkspaceRole;
}

export interface EnrollmentToken {
  token: string;
  expiresAt: string;
}

export interface CheckinField {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
  allowed: string[] | null;
  limits: Record<string, number | string>;
}

export type SupportLevel = 'standard' | 'priority' | 'premium';

export interface SupportContract {
  id: string;
  product: string;
  level: SupportLevel;
  startsAt: string;
  endsAt: string;
  authorised: string[];
}

export interface NewSupportContract {
  product: string;
  level: SupportLevel;
  startsAt: string;
  endsAt: string;
  authorised: string[];
}

export const WORKSPACE_ROLES: { value: WorkspaceRole; label: string; may: string }[] = [
  { value: 'viewer', label: 'Viewer', may: 'sees the devices and who has access' },
  { value: 'operator', label: 'Operator', may: 'also creates enrollment tokens' },
  { value: 'admin', label: 'Admin', may: 'also gives and takes away roles' },
  { value: 'owner', label: 'Owner', may: 'also makes owners and deletes the workspace' },
];
export const WORKSPACE_ROLE_LABELS = Object.fromEntries(WORKSPACE_ROLES.map((r) => [r.value, r.label])) as Record<WorkspaceRole, string>;
export const SUPPORT_LEVEL_LABELS: Record<SupportLevel, string> = { standard: 'Standard', priority: 'Priority', premium: 'Premium' };

const RANK: Record<WorkspaceRole, number> = { viewer: 1, operator: 2, admin: 3, owner: 4 };
export const atLeast = (role: WorkspaceRole, need: WorkspaceRole) => RANK[role] >= RANK[need];

const BASE = '/api/companies/current/workspaces';
const WORKSPACES_KEY = ['workspaces'];
const CONTRACTS_KEY = ['support-contracts'];

export const useWorkspaces = () => useQuery({ queryKey: WORKSPACES_KEY, queryFn: () => api.get<Workspace[]>(BASE) });
export const useWorkspace = (id: string) => useQuery({ queryKey: [...WORKSPACES_KEY, id], queryFn: () => api.get<Workspace>(`${BASE}/${id}`) });
export const useWorkspaceMembers = (id: string) =>
  useQuery({ queryKey: [...WORKSPACES_KEY, id, 'members'], queryFn: () => api.get<WorkspaceMember[]>(`${BASE}/${id}/members`) });
export const useWorkspaceDevices = (id: string) =>
  useQuery({ queryKey: [...WORKSPACES_KEY, id, 'devices'], queryFn: () => api.get<Device[]>(`${BASE}/${id}/devices`) });
export const useCheckinFields = () =>
  useQuery({ queryKey: ['checkin-fields'], queryFn: () => api.get<CheckinField[]>('/api/v1/devices/checkin/fields'), staleTime: Number.POSITIVE_INFINITY });
export const useSupportContracts = () =>
  useQuery({ queryKey: CONTRACTS_KEY, queryFn: () => api.get<SupportContract[]>('/api/companies/current/support-contracts') });

function useInvalidating<Input, Output>(queryKey: string[], mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey }) });
}

export const useCreateWorkspace = () => useInvalidating(WORKSPACES_KEY, (input: { name: string; licenseId: string }) => api.post<Workspace>(BASE, input));
export const useDeleteWorkspace = () => useInvalidating(WORKSPACES_KEY, (id: string) => api.delete<void>(`${BASE}/${id}`));
export const useSetWorkspaceRole = (id: string) =>
  useInvalidating(WORKSPACES_KEY, ({ userId, role }: WorkspaceMember) =>
    api.put<WorkspaceMember>(`${BASE}/${id}/members/${encodeURIComponent(userId)}`, { role }),
  );
export const useRemoveWorkspaceMember = (id: string) =>
  useInvalidating(WORKSPACES_KEY, (userId: string) => api.delete<void>(`${BASE}/${id}/members/${encodeURIComponent(userId)}`));
export const useCreateEnrollmentToken = (id: string) => useMutation({ mutationFn: () => api.post<EnrollmentToken>(`${BASE}/${id}/enrollment-tokens`) });
export const useCreateSupportContract = () =>
  useInvalidating(CONTRACTS_KEY, (input: NewSupportContract) => api.post<SupportContract>('/api/companies/current/support-contracts', input));

/**
 * A colleague's name and address as the company's member list gives them; only administrators may
 * read that list, so others see an id.
 */
export function personLabel(people: { userId: string; name: string; email: string }[] | undefined, userId: string) {
  const person = people?.find((p) => p.userId === userId);
  return person ? { name: person.name || person.email, detail: person.name ? person.email : null } : { name: 'A colleague', detail: userId };
}
