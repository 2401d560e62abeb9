import { ActionIcon, Alert, Button, Checkbox, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { formatDateTime } from '../../../lib/format';
import {
  type Attachment,
  attachmentsKey,
  attachmentUrl,
  MAX_ATTACHMENT_BYTES,
  type Terms,
  useAcceptTerms,
  useAttachments,
  useDeleteAttachment,
  useTerms,
} from '../../../lib/support';
import { formatSize, uploadForm } from '../../../lib/upload';
import { useConfirmedAction } from '../../../lib/use-confirmed-action';
import { FileUpload } from './FileUpload';

/** SUP-2: the terms are read and accepted before the first file. */
function TermsGate({ terms }: { terms: Terms }) {
  const [read, setRead] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = useAcceptTerms();

  async function submit() {
    setError(null);
    if (!read) return setError('Tick the box to confirm you have read the terms.');
    try {
      await accept.mutateAsync(terms.version);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Stack gap="sm" data-testid="support-terms">
      <Text size="sm">Before you attach files, read how we handle them.</Text>
      <ScrollArea.Autosize mah={240} type="auto" offsetScrollbars>
        <Text
          size="sm"
          p="sm"
          bg="var(--mantine-color-gray-light)"
          style={{ whiteSpace: 'pre-wrap', borderRadius: 'var(--mantine-radius-sm)' }}
          tabIndex={0}
          aria-label="Data-provisioning terms"
        >
          {terms.text}
        </Text>
      </ScrollArea.Autosize>
      <Checkbox
        label="I have read and accept these terms"
        checked={read}
        onChange={(e) => setRead(e.currentTarget.checked)}
        error={error}
        aria-invalid={error ? true : undefined}
      />
      <Group>
        <Button onClick={() => void submit()} loading={accept.isPending}>
          Accept
        </Button>
      </Group>
    </Stack>
  );
}

function AttachmentTable({ requestId, files, onDelete }: { requestId: string; files: Attachment[]; onDelete: (file: Attachment) => void }) {
  return (
    <Table className="stack-table" striped aria-label="Attached files" data-testid="attachments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th className="num">Size</Table.Th>
          <Table.Th>Added</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f) => (
          <Table.Tr key={f.id}>
            <LabelledTd label="File">
              <Text size="sm" className="mono-break">
                {f.fileName}
              </Text>
            </LabelledTd>
            <LabelledTd label="Size" className="num">
              {formatSize(f.size)}
            </LabelledTd>
            <LabelledTd label="Added" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(f.createdAt)}
            </LabelledTd>
            <LabelledTd label="Actions">
              <Group gap={4} wrap="nowrap">
                <ActionIcon component="a" href={attachmentUrl(requestId, f.id)} download={f.fileName} variant="default" aria-label={`Download ${f.fileName}`}>
                  <IconDownload size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="default" color="red" aria-label={`Delete ${f.fileName}`} onClick={() => onDelete(f)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** SUP-2: files of the request, once the customer accepted the terms; encrypted under their own key. */
export function AttachmentsSection({ requestId, open }: { requestId: string; open: boolean }) {
  const terms = useTerms();
  const accepted = terms.data?.accepted === true;
  const files = useAttachments(requestId, accepted);
  const remove = useDeleteAttachment(requestId);
  const queryClient = useQueryClient();
  const {
    pending: deleting,
    error,
    ask,
    confirm,
    close,
  } = useConfirmedAction(async (item: Attachment) => {
    await remove.mutateAsync(item.id);
    return `${item.fileName} is deleted.`;
  });

  return (
    <Section id="attachments" title="Attachments" description="Screenshots, logs and other files that help support with this request.">
      {terms.isPending && <PageLoader label="Loading the terms" />}
      {terms.error && (
        <Alert color="red" variant="light" role="alert">
          {terms.error.message}
        </Alert>
      )}
      {terms.data && !accepted && <TermsGate terms={terms.data} />}
      {accepted && (
        <Stack gap="md">
          {files.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              No files attached yet.
            </Text>
          )}
          {files.data && files.data.length > 0 && <AttachmentTable requestId={requestId} files={files.data} onDelete={ask} />}
          {open ? (
            <FileUpload
              label="File to attach"
              description={`One file at a time, up to ${formatSize(MAX_ATTACHMENT_BYTES)}.`}
              maxBytes={MAX_ATTACHMENT_BYTES}
              buttonLabel="Attach file"
              upload={(file, onProgress) =>
                uploadForm(`/api/support/requests/${requestId}/attachments`, [{ name: 'file', value: file, fileName: file.name }], onProgress)
              }
              onUploaded={(file) => {
                notifications.show({ color: 'green', message: `${file.name} is attached.` });
                void queryClient.invalidateQueries({ queryKey: attachmentsKey(requestId) });
                void terms.refetch();
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              This request is closed; it takes no more files.
            </Text>
          )}
        </Stack>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this file?"
        confirmLabel="Delete file"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={close}
      >
        <Text size="sm">
          <Text span fw={600} className="mono-break">
            {deleting?.fileName}
          </Text>{' '}
          is removed from the request; support can no longer open it.
        </Text>
      </ConfirmModal>
    </Section>
  );
}
