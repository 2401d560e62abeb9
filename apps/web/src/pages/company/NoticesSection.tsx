import { Alert, Table, Text } from '@mantine/core';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { useNotices } from '../../lib/company';
import { formatDateTime } from '../../lib/format';

/** ORG-2: administrators are told who joined, by name and email address. */
export function NoticesSection() {
  const notices = useNotices(true);
  return (
    <Section id="notices" title="Who joined" description="Everyone who joined the company in the last 90 days. Administrators also get each notice by email.">
      {notices.isPending && <PageLoader label="Loading the notices" />}
      {notices.error && (
        <Alert color="red" variant="light" role="alert" title="The notices could not be loaded">
          {notices.error.message}
        </Alert>
      )}
      {notices.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody has joined yet.
        </Text>
      )}
      {notices.data && notices.data.length > 0 && (
        <Table className="stack-table" striped aria-label="Who joined" data-testid="company-notices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email address</Table.Th>
              <Table.Th>Joined</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notices.data.map((notice) => (
              <Table.Tr key={notice.id}>
                <LabelledTd label="Name">
                  <span style={{ overflowWrap: 'anywhere' }}>{notice.name || '—'}</span>
                </LabelledTd>
                <LabelledTd label="Email">
                  <span style={{ overflowWrap: 'anywhere' }}>{notice.email}</span>
                </LabelledTd>
                <LabelledTd label="Joined" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(notice.createdAt)}
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
