import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { authClient } from '../../lib/auth';
import { ROLE_LABELS, useAcceptInvitation, useCompany, useInvitation } from '../../lib/company';
import { formatDateTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';

const REFUSALS: Record<string, string> = {
  'not-found':
    'This invitation cannot be used: it has expired, was withdrawn or used, or it was sent to another email address than the one you are signed in with.',
  'already-in-company': 'You already belong to a company. Leave it first: a person belongs to one company at a time.',
  'company-blocked': 'The company is blocked: nobody can join it until an administrator unblocks it.',
};

/** ORG-2: the mailed link; only the invited address, verified and signed in, may accept. */
export function AcceptInvitationPage() {
  const { id = '' } = useParams();
  const { data: session } = authClient.useSession();
  const current = useCompany();
  const invitation = useInvitation(id);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const form = useFormProblem();

  async function acceptIt() {
    form.clear();
    try {
      const company = await accept.mutateAsync(id);
      notifications.show({ color: 'green', message: `You joined ${company.name}.` });
      navigate('/company');
    } catch (err) {
      const known = err instanceof ApiError && err.code ? REFUSALS[err.code] : undefined;
      if (known) form.setMessage(known);
      else form.setProblem(err);
    }
  }

  const refusal = invitation.error instanceof ApiError && invitation.error.code ? REFUSALS[invitation.error.code] : undefined;
  const shown = invitation.data;

  return (
    <Stack gap="lg">
      <PageTitle>Company invitation</PageTitle>
      {(current.isPending || invitation.isPending) && <PageLoader label="Loading the invitation" />}
      {invitation.isError && (
        <Alert color="red" variant="light" title="This invitation cannot be used">
          {refusal ?? 'The invitation could not be loaded. Try again later.'}
        </Alert>
      )}
      {current.data && (
        <Alert color="yellow" variant="light" title={`You belong to ${current.data.name}`}>
          A person belongs to one company at a time. To accept this invitation, leave{' '}
          <Anchor component={Link} to="/company">
            your company
          </Anchor>{' '}
          first.
        </Alert>
      )}
      {shown && (
        <Section id="accept-invitation" title={`Join ${shown.companyName}`}>
          {form.alert}
          <Text size="sm" mb="md">
            {shown.inviterName ?? 'An administrator'} invited you to join <strong>{shown.companyName}</strong> on Steward as{' '}
            <strong>{ROLE_LABELS[shown.role]}</strong>, at <strong style={{ overflowWrap: 'anywhere' }}>{session?.user.email}</strong>. The invitation works
            until {formatDateTime(shown.expiresAt)}. Members share the company’s licenses; its administrators are told your name and email address. Your
            personal account, its licenses and requests stay yours.
          </Text>
          <Group>
            <Button onClick={acceptIt} loading={accept.isPending} disabled={Boolean(current.data)}>
              Accept invitation
            </Button>
            <Button component={Link} to="/account" variant="default">
              Not now
            </Button>
          </Group>
        </Section>
      )}
    </Stack>
  );
}
