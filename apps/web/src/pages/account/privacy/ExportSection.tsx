import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isCancelled } from '../../../components/FreshSignIn';
import { Section } from '../../../components/Section';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import type { ExportStatus } from '../../../lib/rights';

type Run = <T>(action: () => Promise<T>) => Promise<T>;

const RUNNING = ['queued', 'running'];
const GONE_TEXT = 'Expired or already downloaded – start a new export.';

async function fetchZip(id: string): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/privacy/exports/${encodeURIComponent(id)}/download`, { credentials: 'same-origin', headers: { accept: 'application/zip' } });
  } catch {
    throw new ApiError({ title: 'The server cannot be reached. Check your connection and try again.' }, 0);
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({ title: res.statusText }));
    throw new ApiError(problem, res.status);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'steward-export.zip';
  return { blob, name };
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportSection({ run }: { run: Run }) {
  const queryClient = useQueryClient();
  const [startedId, setStartedId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const list = useQuery({ queryKey: ['rights', 'exports'], queryFn: () => api.get<{ exports: ExportStatus[] }>('/api/privacy/exports') });
  const id = startedId ?? list.data?.exports[0]?.requestId ?? null;
  const status = useQuery({
    queryKey: ['rights', 'export', id],
    queryFn: () => api.get<ExportStatus>(`/api/privacy/exports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && RUNNING.includes(q.state.data.status) ? 2000 : false),
  });
  const current = status.data ?? list.data?.exports.find((e) => e.requestId === id) ?? null;
  const running = current !== null && RUNNING.includes(current.status);

  // When the export is ready the request history shows it too.
  const currentStatus = current?.status;
  useEffect(() => {
    if (currentStatus === 'ready') void queryClient.invalidateQueries({ queryKey: ['rights', 'requests'] });
  }, [currentStatus, queryClient]);

  async function start() {
    setMessage(null);
    setStarting(true);
    try {
      const { requestId } = await run(() => api.post<{ requestId: string }>('/api/privacy/exports'));
      setStartedId(requestId);
      void queryClient.invalidateQueries({ queryKey: ['rights', 'exports'] });
      void queryClient.invalidateQueries({ queryKey: ['rights', 'requests'] });
    } catch (err) {
      if (isCancelled(err)) return;
      if (err instanceof ApiError && err.code === 'export-in-progress') {
        setMessage({ color: 'yellow', text: 'An export is already being made or waits to be downloaded. It is shown below.' });
        setStartedId(null);
        void list.refetch();
      } else setMessage({ color: 'red', text: err instanceof Error ? err.message : 'The export could not be started.' });
    } finally {
      setStarting(false);
    }
  }

  async function download() {
    if (!current) return;
    setMessage(null);
    setDownloading(true);
    try {
      const { blob, name } = await run(() => fetchZip(current.requestId));
      save(blob, name);
    } catch (err) {
      if (isCancelled(err)) return;
      if (err instanceof ApiError && err.status === 410) setMessage({ color: 'yellow', text: GONE_TEXT });
      else setMessage({ color: 'red', text: err instanceof Error ? err.message : 'The download failed.' });
    } finally {
      setDownloading(false);
      void status.refetch();
      void list.refetch();
    }
  }

  const canStart = !running && !(current?.downloadable ?? false);

  return (
    <Section
      id="export"
      title="Download my data"
      description="A zip file with everything we hold about you, in formats other services can read (JSON and CSV). Making it takes a minute or two; you can leave this page meanwhile."
    >
      <Stack gap="md">
        {message && (
          <Alert color={message.color} variant="light" role="alert">
            {message.text}
          </Alert>
        )}
        {current && running && (
          <Stack gap={6} data-testid="export-progress">
            <Progress value={current.progress} size="lg" striped animated aria-label="Export progress" />
            <Text size="sm" aria-live="polite">
              {current.step} – {current.progress}%
            </Text>
          </Stack>
        )}
        {current?.status === 'ready' && current.downloadable && (
          <Stack gap={6}>
            <Text size="sm">Your export is ready. For your safety it can be downloaded once, within 24 hours; then we delete it.</Text>
            <Group>
              <Button
                leftSection={<IconDownload size={18} aria-hidden />}
                onClick={() => void download()}
                loading={downloading}
                h="auto"
                mih={36}
                py={6}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              >
                Download (once, until {formatDateTime(current.expiresAt)})
              </Button>
            </Group>
          </Stack>
        )}
        {current?.status === 'ready' && current.downloadedAt && (
          <Text size="sm" data-testid="export-downloaded">
            Downloaded {formatDateTime(current.downloadedAt)}.
          </Text>
        )}
        {current?.status === 'ready' && !current.downloadable && !current.downloadedAt && <Text size="sm">{GONE_TEXT}</Text>}
        {current?.status === 'failed' && (
          <Text size="sm" c="red.8">
            The last export could not be made. Please start a new one.
          </Text>
        )}
        {canStart && (
          <Group>
            <Button
              variant={current ? 'default' : 'filled'}
              leftSection={<IconFileZip size={18} aria-hidden />}
              onClick={() => void start()}
              loading={starting}
            >
              {current ? 'Start a new export' : 'Download my data'}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
