import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';

/** Shapes of the support desk API (apps/server/src/modules/support). */
export type RequestStatus = 'new' | 'open' | 'waiting-on-customer' | 'solved' | 'closed';

export interface SupportOptions {
  products: { id: string; name: string }[];
  licenses: { id: string; label: string; productId: string }[];
  email: string;
}

export interface RequestListItem {
  id: string;
  number: number;
  subject: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  /** False for a colleague's request the company lets the caller read (SUP-4). */
  mine: boolean;
}

export interface SupportMessage {
  id: string;
  authorKind: 'customer' | 'staff';
  body: string;
  createdAt: string;
  /** Only in the staff view: a note among staff the customer never sees. */
  internal?: boolean;
}

export interface RequestView {
  id: string;
  number: number;
  subject: string;
  productId: string;
  productName: string;
  license: { id: string; label: string } | null;
  licenseNumber: string | null;
  hardware: string;
  software: string;
  description: string;
  contactEmail: string;
  status: RequestStatus;
  department: { code: string; name: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  messages: SupportMessage[];
  /** Absent or true for the caller's own request; false for a colleague's the company shares (SUP-4). */
  mine?: boolean;
}

export interface NewRequest {
  subject: string;
  productId: string;
  licenseId?: string;
  licenseNumber?: string;
  hardware: string;
  software: string;
  description: string;
  contactEmail?: string;
}

export interface Terms {
  version: string;
  text: string;
  accepted: boolean;
  acceptedAt: string | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: string;
}

export interface UploadToken {
  token: string;
  expiresAt: string;
  command: string;
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'New',
  open: 'Open',
  'waiting-on-customer': 'Waiting for you',
  solved: 'Solved',
  closed: 'Closed',
};

/** Staff read "waiting on customer" where the customer reads "waiting for you". */
export const STAFF_STATUS_LABELS: Record<RequestStatus, string> = { ...STATUS_LABELS, 'waiting-on-customer': 'Waiting on customer' };

export const STATUS_COLORS: Record<RequestStatus, string> = {
  new: 'blue',
  open: 'cyan',
  'waiting-on-customer': 'orange',
  solved: 'green',
  closed: 'gray',
};

export const statusLabel = (status: string) => STATUS_LABELS[status as RequestStatus] ?? status;
export const statusColor = (status: string) => STATUS_COLORS[status as RequestStatus] ?? 'gray';

/** Attachments the server takes: one file per upload, at most this large. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const REQUESTS_KEY = ['support', 'requests'];
const TERMS_KEY = ['support', 'terms'];
export const requestKey = (id: string) => [...REQUESTS_KEY, id];
export const attachmentsKey = (id: string) => [...REQUESTS_KEY, id, 'attachments'];

export const attachmentUrl = (requestId: string, attachmentId: string) => `/api/support/requests/${requestId}/attachments/${attachmentId}`;

export function useSupportOptions() {
  return useQuery({ queryKey: ['support', 'options'], queryFn: () => api.get<SupportOptions>('/api/support/options') });
}

export function useRequests() {
  return useQuery({ queryKey: REQUESTS_KEY, queryFn: () => api.get<RequestListItem[]>('/api/support/requests') });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKey(id), queryFn: () => api.get<RequestView>(`/api/support/requests/${id}`), retry: false });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRequest) => api.post<RequestView>('/api/support/requests', input),
    onSuccess: (created) => {
      queryClient.setQueryData(requestKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY, exact: true });
    },
  });
}

export function useReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<SupportMessage>(`/api/support/requests/${id}/messages`, { body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: requestKey(id), exact: true }),
  });
}

export function useCloseRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RequestView>(`/api/support/requests/${id}/close`),
    onSuccess: (view) => {
      queryClient.setQueryData(requestKey(id), view);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY, exact: true });
    },
  });
}

export function useTerms() {
  return useQuery({ queryKey: TERMS_KEY, queryFn: () => api.get<Terms>('/api/support/terms') });
}

export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.post<{ accepted: true }>('/api/support/terms/acceptance', { version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TERMS_KEY }),
  });
}

export function useAttachments(requestId: string, enabled = true) {
  return useQuery({
    queryKey: attachmentsKey(requestId),
    queryFn: () => api.get<Attachment[]>(`/api/support/requests/${requestId}/attachments`),
    enabled,
  });
}

export function useDeleteAttachment(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete<void>(attachmentUrl(requestId, attachmentId)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: attachmentsKey(requestId) }),
  });
}

export function useCreateUploadToken(requestId: string) {
  return useMutation({ mutationFn: () => api.post<UploadToken>(`/api/support/requests/${requestId}/upload-token`) });
}
