import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { isAdministrator, useCompany, useMembers } from '../../../lib/company';
import { useConfirmedAction } from '../../../lib/use-confirmed-action';
import { atLeast, useDeleteWorkspace, useWorkspace, WORKSPACE_ROLE_LABELS, type Workspace } from '../../../lib/workspaces';
import { CheckinFieldsSection } from './CheckinFieldsSection';
import { EnrollmentTokenSection } from './EnrollmentTokenSection';
import { WorkspaceAccessSection } from './WorkspaceAccessSection';
import { WorkspaceDevicesSection } from './WorkspaceDevicesSection';

/** WS-3: an owner deletes the workspace with everything in it. */
function DeleteWorkspaceSection({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const remove = useDeleteWorkspace();
  const { pending, error, ask, close, confirm } = useConfirmedAction(async (w: Workspace) => {
    await remove.mutateAsync(w.id);
    navigate('/company?tab=workspaces', { replace: true });
    return `The workspace ${w.name} is deleted.`;
  });
  return (
    <Section id="delete-workspace" title="Delete the workspace" description="Its devices are released, its tokens stop working and its access rights end.">
      <Group>
        <Button color="red" variant="light" onClick={() => ask(workspace)}>
          Delete workspace
        </Button>
      </Group>
      <ConfirmModal
        opened={pending !== null}
        title="Delete the workspace"
        confirmLabel="Delete"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">{workspace.name} and everything in it are deleted for good: its devices are released and must be enrolled again elsewhere.</Text>
      </ConfirmModal>
    </Section>
  );
}

function WorkspaceDetail({ workspace, administrator }: { workspace: Workspace; administrator: boolean }) {
  const people = useMembers(administrator);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Your role here: {WORKSPACE_ROLE_LABELS[workspace.role]}
      </Text>
      <WorkspaceDevicesSection workspaceId={workspace.id} />
      {atLeast(workspace.role, 'operator') && <EnrollmentTokenSection workspaceId={workspace.id} />}
      <WorkspaceAccessSection workspace={workspace} people={people.data} />
      <CheckinFieldsSection />
      {workspace.role === 'owner' && <DeleteWorkspaceSection workspace={workspace} />}
    </Stack>
  );
}

/** WS-1..WS-3: one workspace, its devices, who may act in it, and what its devices report. */
export function WorkspacePage() {
  const { id = '' } = useParams();
  const workspace = useWorkspace(id);
  const company = useCompany();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/company?tab=workspaces" size="sm">
        ← Workspaces
      </Anchor>
      <PageTitle>{workspace.data?.name ?? 'Workspace'}</PageTitle>
      {(workspace.isPending || company.isPending) && <PageLoader label="Loading the workspace" />}
      {workspace.error && (
        <Alert color="red" variant="light" role="alert" title="The workspace could not be loaded">
          {workspace.error.message}
        </Alert>
      )}
      {workspace.data && company.data && <WorkspaceDetail workspace={workspace.data} administrator={isAdministrator(company.data.role)} />}
    </Stack>
  );
}
