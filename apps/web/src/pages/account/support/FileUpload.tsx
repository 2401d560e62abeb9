import { Alert, Button, Group, Input, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ApiError, fieldName } from '../../../lib/problem';
import { formatSize } from '../../../lib/upload';

/** Words for the refusals an upload meets, so the person knows what to change. */
export function uploadErrorMessage(err: unknown, maxBytes: number): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (err.status === 413) return `This file is too large. Files may be at most ${formatSize(maxBytes)}.`;
  if (err.status === 409 && err.code === 'terms-not-accepted') return 'Accept the data-provisioning terms before attaching files.';
  if (err.status === 409) return err.problem.detail || err.problem.title || 'This request no longer takes files.';
  const field = err.fieldErrors[0];
  if (err.status === 400 && field) return `${fieldName(field.field) === 'file' ? 'The file' : fieldName(field.field)} ${field.message}.`;
  if (err.status === 400) return err.problem.detail || err.problem.title || 'The server could not read this file.';
  return err.message;
}

interface Props<T> {
  label: string;
  description: string;
  accept?: string;
  maxBytes: number;
  buttonLabel: string;
  /** Shown between the file field and the button, e.g. a confirmation the upload needs. */
  children?: ReactNode;
  /** A message when something besides the file is missing, or null when the upload may start. */
  precondition?: () => string | null;
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<T>;
  onUploaded: (file: File, result: T) => void;
}

/** One file, sent with a progress bar; the errors are shown where the file was chosen. */
export function FileUpload<T>({ label, description, accept, maxBytes, buttonLabel, children, precondition, upload, onUploaded }: Props<T>) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (!file) return setError('Choose a file first.');
    if (file.size > maxBytes) return setError(`This file is ${formatSize(file.size)}; files may be at most ${formatSize(maxBytes)}.`);
    const missing = precondition?.();
    if (missing) return setError(missing);
    setProgress(0);
    try {
      const result = await upload(file, setProgress);
      onUploaded(file, result);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (err) {
      setError(uploadErrorMessage(err, maxBytes));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={buttonLabel}>
      <Stack gap="sm">
        <Input.Wrapper label={label} description={description} id={id} inputWrapperOrder={['label', 'input', 'description', 'error']}>
          <input
            ref={input}
            id={id}
            type="file"
            accept={accept}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-description ${id}-error` : `${id}-description`}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setError(null);
            }}
            style={{ display: 'block', maxWidth: '100%', marginBlock: 6, fontSize: 'var(--mantine-font-size-sm)' }}
          />
        </Input.Wrapper>
        {children}
        {error && (
          <Alert color="red" variant="light" role="alert" id={`${id}-error`} p="xs">
            {error}
          </Alert>
        )}
        {progress !== null && (
          <Stack gap={4}>
            <Progress value={progress * 100} aria-label="Upload progress" animated={progress >= 1} />
            <Text size="xs" c="dimmed" role="status">
              {progress >= 1 ? 'Sent; the server is checking the file…' : `Sending ${file?.name ?? 'the file'}: ${Math.round(progress * 100)}%`}
            </Text>
          </Stack>
        )}
        <Group>
          <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={progress !== null}>
            {buttonLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
