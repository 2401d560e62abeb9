import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { type ReportListItem, STAFF_READ_REASON } from './reports';
import type { Attachment, RequestStatus, RequestView, SupportMessage } from './support';

/** Shapes of the staff side of the support desk (apps/server/src/modules/support/staff-routes.ts). */
export interface QueueItem {
  id: string;
  number: number;
  subject: string;
  status: RequestStatus;
  department: { id: string; code: string; name: string };
  assignee: { id: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface StaffRequestView extends Omit<RequestView, 'department'> {
  department: { id: string; code: string; name: string };
  userId: string;
  assignee: { id: string; email: string } | null;
  country: string | null;
  language: string | null;
  messages: (SupportMessage & { internal?: boolean })[];
}

export interface Agent {
  id: string;
  email: string;
  departments: string[];
}

export interface CannedReply {
  id: string;
  title: string;
  body: string;
  department: { id: string; code: string; name: string } | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  isDefault: boolean;
  agents: { id: string; email: string }[];
}

export interface RoutingRule {
  id?: string;
  position?: number;
  departmentId: string;
  licenseKind: string | null;
  productId: string | null;
  country: string | null;
  language: string | null;
}

export interface SurveySummary {
  total: number;
  answered: number;
  average: number | null;
  distribution: number[];
  byMonth: { month: string; answered: number; average: number | null }[];
}

export type AssignedFilter = 'me' | 'none' | 'any';

const STAFF_SUPPORT = ['staff', 'support'];
const QUEUE_KEY = [...STAFF_SUPPORT, 'queue'];
const staffRequestKey = (id: string) => [...STAFF_SUPPORT, 'request', id];
const DEPARTMENTS_KEY = [...STAFF_SUPPORT, 'departments'];
const RULES_KEY = [...STAFF_SUPPORT, 'routing-rules'];
const CANNED_KEY = [...STAFF_SUPPORT, 'canned-replies'];

export function useQueue(status: string, assigned: AssignedFilter) {
  const query = new URLSearchParams({ assigned });
  if (status) query.set('status', status);
  return useQuery({ queryKey: [...QUEUE_KEY, status, assigned], queryFn: () => api.get<QueueItem[]>(`/api/staff/support/queue?${query}`) });
}

/** Every read of a request is audited with the reason it is read for. */
export function useStaffRequest(id: string, reason: string) {
  return useQuery({
    queryKey: staffRequestKey(id),
    queryFn: () => api.get<StaffRequestView>(`/api/staff/support/requests/${id}?reason=${encodeURIComponent(reason)}`),
    retry: false,
  });
}

export function useStaffReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; internal: boolean }) => api.post<SupportMessage>(`/api/staff/support/requests/${id}/messages`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffRequestKey(id) }),
  });
}

export function useUpdateRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { status?: RequestStatus; assigneeId?: string | null }) => api.patch<StaffRequestView>(`/api/staff/support/requests/${id}`, change),
    onSuccess: (view) => {
      queryClient.setQueryData(staffRequestKey(id), view);
      void queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
    },
  });
}

export function useAgents() {
  return useQuery({ queryKey: [...STAFF_SUPPORT, 'agents'], queryFn: () => api.get<Agent[]>('/api/staff/support/agents') });
}

export function useStaffAttachments(requestId: string) {
  return useQuery({
    queryKey: [...staffRequestKey(requestId), 'attachments'],
    queryFn: () => api.get<Attachment[]>(`/api/staff/support/requests/${requestId}/attachments?reason=${encodeURIComponent(STAFF_READ_REASON)}`),
  });
}

export const staffAttachmentUrl = (requestId: string, attachmentId: string) => `/api/staff/support/requests/${requestId}/attachments/${attachmentId}`;

export function useStaffRequestReports(requestId: string) {
  return useQuery({
    queryKey: [...staffRequestKey(requestId), 'reports'],
    queryFn: () => api.get<ReportListItem[]>(`/api/staff/support/requests/${requestId}/reports?reason=${encodeURIComponent(STAFF_READ_REASON)}`),
  });
}

export function useCannedReplies() {
  return useQuery({ queryKey: CANNED_KEY, queryFn: () => api.get<CannedReply[]>('/api/staff/support/canned-replies') });
}

export function useAddCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; body: string; departmentId: string | null }) => api.post<CannedReply>('/api/staff/support/canned-replies', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CANNED_KEY }),
  });
}

export function useDeleteCannedReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/staff/support/canned-replies/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CANNED_KEY }),
  });
}

export function useDepartments() {
  return useQuery({ queryKey: DEPARTMENTS_KEY, queryFn: () => api.get<Department[]>('/api/staff/support/departments') });
}

export function useAddDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string }) => api.post<Department>('/api/staff/support/departments', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}

export function useSetDepartmentAgents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ departmentId, agentIds }: { departmentId: string; agentIds: string[] }) =>
      api.put<unknown>(`/api/staff/support/departments/${departmentId}/agents`, { agentIds }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS_KEY }),
  });
}

export function useRoutingRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api.get<RoutingRule[]>('/api/staff/support/routing-rules') });
}

export function useSaveRoutingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: RoutingRule[]) => api.put<RoutingRule[]>('/api/staff/support/routing-rules', { rules }),
    onSuccess: (saved) => {
      if (Array.isArray(saved)) queryClient.setQueryData(RULES_KEY, saved);
      else void queryClient.invalidateQueries({ queryKey: RULES_KEY });
    },
  });
}

export function useSurveySummary() {
  return useQuery({ queryKey: [...STAFF_SUPPORT, 'surveys'], queryFn: () => api.get<SurveySummary>('/api/staff/support/surveys/summary') });
}
