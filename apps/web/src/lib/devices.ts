import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from './api';

/** Shapes of the devices API (apps/server/src/modules/devices). */
export type ProtectionStatus = 'protected' | 'at-risk' | 'unprotected' | 'unknown';
export type CommandKind = 'lock' | 'alarm' | 'wipe' | 'fix';
export type CommandStatus = 'pending' | 'delivered' | 'acknowledged' | 'failed' | 'cancelled';

export interface DeviceProblem {
  id: string;
  code: string;
  detail: string | null;
  fixable: boolean;
  openedAt: string;
}

export interface DeviceCommand {
  id: string;
  kind: CommandKind;
  status: CommandStatus;
  payload: unknown;
  result: unknown;
  requestedAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}

export interface Device {
  id: string;
  name: string;
  platform: string;
  productVersion: string | null;
  protectionStatus: ProtectionStatus;
  lastCheckinAt: string | null;
  enrolledAt: string;
  /** When the owner signed the device out; its token is dead until it is linked again. */
  signedOutAt: string | null;
  problems: DeviceProblem[];
  pendingCommands: DeviceCommand[];
}

export interface DeviceDetail extends Device {
  /** The full command log, newest first. */
  commands: DeviceCommand[];
}

export interface Enrollment {
  code: string;
  expiresAt: string;
}

const DEVICES_KEY = ['devices'];
const deviceKey = (id: string) => ['devices', id];

export const PROTECTION_LABELS: Record<ProtectionStatus, string> = {
  protected: 'Protected',
  'at-risk': 'At risk',
  unprotected: 'Not protected',
  unknown: 'Unknown',
};
export const PROTECTION_COLORS: Record<ProtectionStatus, string> = { protected: 'green', 'at-risk': 'orange', unprotected: 'red', unknown: 'gray' };

export const COMMAND_LABELS: Record<CommandKind, string> = { lock: 'Lock', alarm: 'Sound alarm', wipe: 'Wipe', fix: 'Fix a problem' };
export const COMMAND_STATUS_LABELS: Record<CommandStatus, string> = {
  pending: 'Waiting',
  delivered: 'Delivered',
  acknowledged: 'Confirmed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
export const COMMAND_STATUS_COLORS: Record<CommandStatus, string> = {
  pending: 'gray',
  delivered: 'blue',
  acknowledged: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export const isOutstanding = (command: DeviceCommand) => command.status === 'pending' || command.status === 'delivered';

/** "real-time-protection-off" → "Real-time protection off". */
export function problemLabel(code: string): string {
  const words = code.replaceAll(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The problem a fix command is for, when its payload names one. */
export function fixTarget(command: DeviceCommand): string | null {
  const payload = command.payload as { problemId?: unknown } | null;
  return command.kind === 'fix' && payload && typeof payload.problemId === 'string' ? payload.problemId : null;
}

/** What a device reported back, in a line: its text, or the fields of its answer. */
export function resultText(result: unknown): string {
  if (result === null || result === undefined || result === '') return '—';
  if (typeof result === 'string') return result;
  if (typeof result === 'object' && !Array.isArray(result)) {
    const r = result as Record<string, unknown>;
    if (typeof r.message === 'string') return r.message;
    return Object.entries(r)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
  }
  return JSON.stringify(result);
}

/** The current time, moving every `everyMs`: for countdowns and "5 minutes ago". */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "just now"; "Never" without a time. */
export function formatRelative(value: string | null, now: number): string {
  if (!value) return 'Never';
  const then = new Date(value).getTime();
  if (Number.isNaN(then)) return value;
  let amount = (then - now) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** "14:05" left until `until`; "0:00" once passed. */
export function countdown(until: string, now: number): string {
  const left = Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** While `watching`, the list is fetched again every few seconds, so a device linked meanwhile shows up. */
export function useDevices(watching = false) {
  return useQuery({ queryKey: DEVICES_KEY, queryFn: () => api.get<Device[]>('/api/account/devices'), refetchInterval: watching ? 3000 : 60_000 });
}

/** A device and its command log: fetched again every 2 s while a command awaits the device, else every 10 s. */
export function useDevice(id: string) {
  return useQuery({
    queryKey: deviceKey(id),
    queryFn: () => api.get<DeviceDetail>(`/api/account/devices/${id}`),
    refetchInterval: (query) => (query.state.data?.commands.some(isOutstanding) ? 2000 : 10_000),
  });
}

export function useCreateEnrollment() {
  return useMutation({ mutationFn: () => api.post<Enrollment>('/api/account/devices/enrollments') });
}

function useDeviceMutation<Input, Output>(id: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: deviceKey(id) });
      await queryClient.invalidateQueries({ queryKey: DEVICES_KEY, exact: true });
    },
  });
}

export const useRenameDevice = (id: string) => useDeviceMutation(id, (name: string) => api.patch<Device>(`/api/account/devices/${id}`, { name }));

export function useUnlinkDevice(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/account/devices/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: deviceKey(id) });
      return queryClient.invalidateQueries({ queryKey: DEVICES_KEY, exact: true });
    },
  });
}

export const useSignOutDevice = (id: string) => useDeviceMutation(id, () => api.delete<void>(`/api/account/devices/${id}/token`));

export interface CommandInput {
  kind: CommandKind;
  message?: string;
  problemId?: string;
}

/** Sends a command the user confirmed; `run` lets a wipe ask for a fresh sign-in first. */
export function useSendCommand(id: string) {
  return useDeviceMutation(id, ({ input, run }: { input: CommandInput; run?: <T>(action: () => Promise<T>) => Promise<T> }) => {
    const send = () => api.post<DeviceCommand>(`/api/account/devices/${id}/commands`, { ...input, confirm: true });
    return run ? run(send) : send();
  });
}

/** "5 Jan, 15:04:09": a log entry's time, short enough for a table; the year is in its title. */
export function formatLogTime(value: string | null): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', second: '2-digit' });
}
