import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ErasureReportView } from '../components/ErasureReportView';
import { PageTitle } from '../components/PageTitle';
import { PageLoader } from '../components/RequireAuth';
import { api } from '../lib/api';
import { authClient } from '../lib/auth';
import { ApiError } from '../lib/problem';
import type { ErasureReport } from '../lib/rights';

/**
 * The report of an erasure: shown right after the erasure (passed in the navigation state), or
 * opened later from the mailed link, which holds the token, for 30 days.
 */
export function ErasureReportPage() {
  const { requestId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const location = useLocation();
  const passed = (location.state as { report?: ErasureReport; justErased?: boolean } | null) ?? null;
  const fromState = passed?.report && passed.report.requestId === requestId ? passed.report : null;
  const justErased = Boolean(fromState && passed?.justErased);
  const queryClient = useQueryClient();

  // Right after an erasure the server has ended every session; drop what this browser still holds.
  useEffect(() => {
    if (!justErased) return;
    void authClient
      .signOut()
      .catch(() => undefined)
      .finally(() => queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'erasure-report' }));
  }, [justErased, queryClient]);

  const { data, error, isPending } = useQuery({
    queryKey: ['erasure-report', requestId, token],
    queryFn: () => api.get<ErasureReport>(`/api/privacy/erasure-report/${encodeURIComponent(requestId)}?token=${encodeURIComponent(token)}`),
    enabled: !fromState && token.length > 0,
    retry: false,
  });
  const report = fromState ?? data;

  let problem: { title: string; text: string } | null = null;
  if (!fromState && token.length === 0) {
    problem = { title: 'This link is not complete', text: 'Open the link from the email we sent you after the erasure, in full.' };
  } else if (error) {
    const status = error instanceof ApiError ? error.status : 0;
    problem =
      status === 410
        ? { title: 'This report has expired', text: 'An erasure report can be opened for 30 days. Your data stays erased.' }
        : status === 404 || status === 400
          ? { title: 'This link is not valid', text: 'Check that you opened the whole link from the email we sent you.' }
          : { title: 'The report could not be loaded', text: error.message };
  }

  return (
    <Stack gap="lg">
      <PageTitle>Erasure report</PageTitle>
      {justErased && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Your data is erased">
          You are signed out, and your account no longer exists. We also emailed you a link to this report; it works for 30 days.
        </Alert>
      )}
      {!fromState && !problem && isPending && <PageLoader label="Loading the report" />}
      {problem && (
        <Alert color={problem.title.includes('expired') ? 'yellow' : 'red'} variant="light" role="alert" title={problem.title}>
          {problem.text}
        </Alert>
      )}
      {report && <ErasureReportView report={report} />}
      <Text size="sm" c="dimmed">
        Questions about this erasure? Our{' '}
        <Anchor component={Link} to="/privacy" size="sm">
          privacy policy
        </Anchor>{' '}
        says how to reach our data protection officer.
      </Text>
    </Stack>
  );
}
