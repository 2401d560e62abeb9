import { Alert, Select, SimpleGrid } from '@mantine/core';
import { type StaffRequestView, useAgents, useUpdateRequest } from '../../../lib/staff-support';
import { type RequestStatus, STAFF_STATUS_LABELS } from '../../../lib/support';

const UNASSIGNED = 'nobody';

/** Who handles the request and where it stands. */
export function RequestControls({ request }: { request: StaffRequestView }) {
  const agents = useAgents();
  const update = useUpdateRequest(request.id);
  const agentOptions = [
    { value: UNASSIGNED, label: 'Nobody' },
    ...(agents.data ?? []).map((a) => ({ value: a.id, label: a.email })),
    // The assignee may have left the department; they stay visible until someone else takes over.
    ...(request.assignee && !agents.data?.some((a) => a.id === request.assignee?.id) ? [{ value: request.assignee.id, label: request.assignee.email }] : []),
  ];

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select
          label="Assigned to"
          data={agentOptions}
          value={request.assignee?.id ?? UNASSIGNED}
          onChange={(v) => update.mutate({ assigneeId: !v || v === UNASSIGNED ? null : v })}
          allowDeselect={false}
          disabled={update.isPending}
          searchable
        />
        <Select
          label="Status"
          data={Object.entries(STAFF_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={request.status}
          onChange={(v) => v && update.mutate({ status: v as RequestStatus })}
          allowDeselect={false}
          disabled={update.isPending}
        />
      </SimpleGrid>
      {update.error && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {update.error.message}
        </Alert>
      )}
    </>
  );
}
