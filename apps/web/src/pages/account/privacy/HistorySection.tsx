import { Alert, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { api } from '../../../lib/api';
import {
  correctionOf,
  fieldLabel,
  formatDate,
  GROUND_LABELS,
  kindLabel,
  OPEN_STATUSES,
  type PrivacyRequest,
  purposeLabel,
  statusLabel,
} from '../../../lib/rights';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function statusColor(status: string): string {
  if (status === 'done') return 'green';
  if (status === 'refused') return 'red';
  if (status === 'in-progress') return 'blue';
  return 'gray';
}

/** A short line about what the request asked for, from its details. */
function about(request: PrivacyRequest): string | null {
  const correction = correctionOf(request.details);
  if (correction) return fieldLabel(correction.field);
  const d = (request.details ?? {}) as Record<string, unknown>;
  if (request.kind === 'objection' && typeof d.purpose === 'string') return `${purposeLabel(d.purpose)}${d.lifted ? ' (lifted)' : ''}`;
  if (request.kind === 'restriction' && typeof d.restricted === 'boolean') return d.restricted ? 'Restricted' : 'Lifted';
  return null;
}

export function DaysLeft({ request }: { request: PrivacyRequest }) {
  if (!OPEN_STATUSES.includes(request.status))
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const late = request.daysLeft < 0;
  return (
    <Text span size="sm" c={late ? 'red.8' : undefined} fw={late ? 700 : undefined}>
      {late ? `${-request.daysLeft} overdue` : request.daysLeft}
    </Text>
  );
}

export function HistorySection() {
  const { data, error, isPending } = useQuery({
    queryKey: ['rights', 'requests'],
    queryFn: () => api.get<{ requests: PrivacyRequest[] }>('/api/privacy/requests'),
  });
  const requests = data?.requests ?? [];
  const withExtension = requests.some((r) => r.extendedUntil);
  const withRefusal = requests.some((r) => r.refusalGround || r.refusalReason);

  return (
    <Section
      id="history"
      title="Request history"
      description="Requests are free. We answer within one month; if we need longer, we tell you why, and never take more than two months more."
    >
      {isPending && <PageLoader label="Loading your requests" />}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      )}
      {data && requests.length === 0 && <Text size="sm">You have made no requests yet.</Text>}
      {requests.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table className="stack-table" striped aria-labelledby="history-title" data-testid="request-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Request</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Opened</Table.Th>
                <Table.Th>Deadline</Table.Th>
                <Table.Th className="num">Days left</Table.Th>
                {withExtension && <Table.Th>Extension</Table.Th>}
                {withRefusal && <Table.Th>Refusal</Table.Th>}
                <Table.Th>Closed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.map((r) => {
                const what = about(r);
                return (
                  <Table.Tr key={r.id}>
                    <LabelledTd label="Request">
                      <Text size="sm" fw={500}>
                        {kindLabel(r.kind)}
                      </Text>
                      {what && (
                        <Text size="xs" c="dimmed">
                          {what}
                        </Text>
                      )}
                    </LabelledTd>
                    <LabelledTd label="Status">
                      <Badge variant="light" color={statusColor(r.status)} miw="max-content">
                        {statusLabel(r.status)}
                      </Badge>
                    </LabelledTd>
                    <LabelledTd label="Opened" style={NOWRAP}>
                      {formatDate(r.openedAt)}
                    </LabelledTd>
                    <LabelledTd label="Deadline" style={NOWRAP}>
                      {formatDate(r.deadline)}
                    </LabelledTd>
                    <LabelledTd label="Days left" className="num">
                      <DaysLeft request={r} />
                    </LabelledTd>
                    {withExtension && (
                      <LabelledTd label="Extension">
                        {r.extendedUntil ? (
                          <>
                            <Text size="sm">Until {formatDate(r.extendedUntil)}</Text>
                            {r.extensionReason && (
                              <Text size="xs" c="dimmed">
                                {r.extensionReason}
                              </Text>
                            )}
                          </>
                        ) : (
                          '—'
                        )}
                      </LabelledTd>
                    )}
                    {withRefusal && (
                      <LabelledTd label="Refusal">
                        {r.refusalGround || r.refusalReason ? (
                          <>
                            {r.refusalGround && <Text size="sm">{GROUND_LABELS[r.refusalGround] ?? r.refusalGround}</Text>}
                            {r.refusalReason && (
                              <Text size="xs" c="dimmed">
                                {r.refusalReason}
                              </Text>
                            )}
                          </>
                        ) : (
                          '—'
                        )}
                      </LabelledTd>
                    )}
                    <LabelledTd label="Closed" style={NOWRAP}>
                      {formatDate(r.closedAt)}
                    </LabelledTd>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
