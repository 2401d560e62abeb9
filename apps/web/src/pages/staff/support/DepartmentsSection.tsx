import { Alert, Badge, Button, Card, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';
import { type Department, useAddDepartment, useDepartments, useSetDepartmentAgents } from '../../../lib/staff-support';

interface StaffUser {
  id: string;
  email: string;
}

/** The roles the server accepts as agents of a department. */
const AGENT_ROLES = ['support', 'admin'];

/** Staff who can be made an agent of a department. */
function useSupportStaff() {
  return useQuery({
    queryKey: ['staff', 'support', 'support-staff'],
    queryFn: async () => {
      const found = new Map<string, string>();
      for (const role of AGENT_ROLES) {
        const { data, error } = await authClient.admin.listUsers({
          query: { filterField: 'role', filterOperator: 'contains', filterValue: role, limit: 500, sortBy: 'email' },
        });
        if (error) throw new Error(error.message ?? 'The staff list could not be loaded');
        for (const u of data?.users ?? []) found.set(u.id, u.email);
      }
      return [...found].map(([id, email]) => ({ id, email })).sort((a, b) => a.email.localeCompare(b.email)) as StaffUser[];
    },
  });
}

function DepartmentCard({ department, staff }: { department: Department; staff: StaffUser[] }) {
  const [agentIds, setAgentIds] = useState(department.agents.map((a) => a.id));
  const save = useSetDepartmentAgents();
  useEffect(() => setAgentIds(department.agents.map((a) => a.id)), [department.agents]);
  const known = new Map([...department.agents, ...staff].map((u) => [u.id, u.email]));
  const changed =
    agentIds.slice().sort().join() !==
    department.agents
      .map((a) => a.id)
      .sort()
      .join();

  async function submit() {
    try {
      await save.mutateAsync({ departmentId: department.id, agentIds });
      notifications.show({ color: 'green', message: `The agents of ${department.name} are saved.` });
    } catch {
      // The error shows under the field.
    }
  }

  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`dept-${department.id}`} data-testid="department">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h6" id={`dept-${department.id}`}>
          {department.name}
        </Title>
        <Badge size="sm" variant="outline" color="gray">
          {department.code}
        </Badge>
        {department.isDefault && (
          <Badge size="sm" variant="light">
            Default
          </Badge>
        )}
      </Group>
      <Group align="flex-end" gap="sm">
        <MultiSelect
          label={`Agents of ${department.name}`}
          data={[...known].map(([value, label]) => ({ value, label }))}
          value={agentIds}
          onChange={setAgentIds}
          searchable
          placeholder={agentIds.length === 0 ? 'No agents' : undefined}
          style={{ flex: '1 1 260px', minWidth: 0, maxWidth: '100%' }}
          error={save.error?.message}
        />
        <Button variant={changed ? 'filled' : 'default'} onClick={() => void submit()} loading={save.isPending} disabled={!changed}>
          Save agents
        </Button>
      </Group>
    </Card>
  );
}

function AddDepartmentForm() {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const add = useAddDepartment();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    try {
      await add.mutateAsync({ code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Add a department">
      {form.alert}
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Code"
          description="Short, e.g. business"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={form.fields.code}
          maxLength={40}
          w={160}
        />
        <TextInput
          label="Name"
          description="What customers and agents read"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={form.fields.name}
          maxLength={100}
          style={{ flex: '1 1 200px' }}
        />
        <Button type="submit" mt={{ base: 0, xs: 46 }} loading={add.isPending}>
          Add department
        </Button>
      </Group>
    </form>
  );
}

/** SUP-6: departments and their agents; an agent sees only their departments' requests. */
export function DepartmentsSection() {
  const departments = useDepartments();
  const staff = useSupportStaff();
  return (
    <Section id="departments" title="Departments and agents" description="Agents see and answer only the requests of their departments.">
      <Stack gap="md">
        {(departments.error || staff.error) && (
          <Alert color="red" variant="light" role="alert">
            {departments.error?.message ?? staff.error?.message}
          </Alert>
        )}
        {departments.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No departments yet.
          </Text>
        )}
        {departments.data?.map((d) => (
          <DepartmentCard key={d.id} department={d} staff={staff.data ?? []} />
        ))}
        <AddDepartmentForm />
      </Stack>
    </Section>
  );
}
