import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { formatDateTime } from '../../../lib/format';
import { type RequestListItem, statusColor, statusLabel, useRequests, useSupportOptions } from '../../../lib/support';
import { NewRequestForm } from './NewRequestForm';

function RequestTable({ requests }: { requests: RequestListItem[] }) {
  return (
    <Table className="stack-table" striped data-testid="support-requests" aria-label="Your requests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Number</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {requests.map((r) => (
          <Table.Tr key={r.id}>
            <LabelledTd label="Number" className="num" style={{ textAlign: 'left' }}>
              #{r.number}
            </LabelledTd>
            <LabelledTd label="Subject">
              <Anchor component={Link} to={`/account/support/${r.id}`} style={{ overflowWrap: 'anywhere' }}>
                {r.subject}
              </Anchor>
              {!r.mine && (
                <Text size="xs" c="dimmed">
                  Opened by a colleague
                </Text>
              )}
            </LabelledTd>
            <LabelledTd label="Status">
              <Badge variant="light" color={statusColor(r.status)} miw="max-content">
                {statusLabel(r.status)}
              </Badge>
            </LabelledTd>
            <LabelledTd label="Updated" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(r.updatedAt)}
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** SUP-1: the customer's requests and a form for a new one. */
export function SupportPage() {
  const requests = useRequests();
  const options = useSupportOptions();

  return (
    <Stack gap="lg">
      <PageTitle>Support</PageTitle>
      <Text>
        Ask our support team for help with a product. To look at a system report yourself first, use{' '}
        <Anchor component={Link} to="/account/reports">
          System reports
        </Anchor>
        .
      </Text>
      <Section id="my-requests" title="Your requests">
        {requests.isPending && <PageLoader label="Loading your requests" />}
        {requests.error && (
          <Alert color="red" variant="light" role="alert" title="Your requests could not be loaded">
            {requests.error.message}
          </Alert>
        )}
        {requests.data?.length === 0 && (
          <Text c="dimmed" size="sm" data-testid="no-requests">
            You have not asked support anything yet.
          </Text>
        )}
        {requests.data && requests.data.length > 0 && <RequestTable requests={requests.data} />}
      </Section>
      {options.error && (
        <Alert color="red" variant="light" role="alert" title="The request form could not be loaded">
          {options.error.message}
        </Alert>
      )}
      {options.data && <NewRequestForm options={options.data} />}
    </Stack>
  );
}
