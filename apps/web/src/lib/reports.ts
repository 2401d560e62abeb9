import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { uploadForm } from './upload';

/** Shapes of the report parser API (apps/server/src/modules/diagnostics). */
export type Severity = 'info' | 'warning' | 'critical';

export interface ReportListItem {
  id: string;
  createdAt: string;
  expiresAt: string;
  source: 'upload' | 'steward-diag';
  status: 'parsed' | 'unreadable';
  requestId: string | null;
  fileName: string;
  size: number;
  findings: { code: string; severity: Severity }[];
}

export interface ReportSection {
  id: string;
  title: string;
  rows: { label: string; value: string }[];
  text?: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  title: string;
  detail: string;
}

export interface ReportView extends Omit<ReportListItem, 'findings'> {
  sha256: string;
  problem: string | null;
  sections: ReportSection[];
  findings: Finding[];
}

/** The day a report is deleted at the latest (GSI-4), as the lists and the report page show it. */
export const deletedOn = (expiresAt: string) => new Date(expiresAt).toLocaleDateString(undefined, { dateStyle: 'medium' });

export const SEVERITY_COLORS: Record<Severity, string> = { critical: 'red', warning: 'orange', info: 'blue' };
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Information' };
const SEVERITY_ORDER: Severity[] = ['critical', 'warning', 'info'];

/** Findings worst first, so the page opens on what most needs attention. */
export function bySeverity<T extends { severity: Severity }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** Reports the server takes: one bundle per upload, at most this large. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export const REPORTS_KEY = ['reports'];

export function useReports() {
  return useQuery({ queryKey: REPORTS_KEY, queryFn: () => api.get<ReportListItem[]>('/api/reports') });
}

export function useReport(id: string) {
  return useQuery({ queryKey: [...REPORTS_KEY, id], queryFn: () => api.get<ReportView>(`/api/reports/${id}`), retry: false });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/reports/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}

/** GSI-3: the confirmation field goes first, as the server reads it before it accepts the file. */
export function uploadReport(file: File, requestId: string | null, onProgress: (fraction: number) => void) {
  return uploadForm<ReportView>(
    '/api/reports',
    [{ name: 'confirm', value: 'yes' }, ...(requestId ? [{ name: 'requestId', value: requestId }] : []), { name: 'file', value: file, fileName: file.name }],
    onProgress,
  );
}

/** The reason staff reads of a request, its files and its reports are audited with (SUP-6, DIAG-5). */
export const STAFF_READ_REASON = 'Handling the support request';

export function useStaffReport(id: string) {
  return useQuery({
    queryKey: ['staff', 'reports', id],
    queryFn: () => api.get<ReportView>(`/api/staff/reports/${id}?reason=${encodeURIComponent(STAFF_READ_REASON)}`),
    retry: false,
  });
}
