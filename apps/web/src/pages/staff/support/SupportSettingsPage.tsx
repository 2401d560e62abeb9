import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle';
import { CannedRepliesSection } from './CannedRepliesSection';
import { DepartmentsSection } from './DepartmentsSection';
import { RoutingRulesSection } from './RoutingRulesSection';

/** SUP-3 and SUP-6: how requests are routed and who works on them (admin). */
export function SupportSettingsPage() {
  return (
    <Stack gap="lg">
      <PageTitle>Support settings</PageTitle>
      <Text size="sm" c="dimmed" maw={560}>
        Departments, their agents, the rules that route new requests, and the replies agents can insert.
      </Text>
      <DepartmentsSection />
      <RoutingRulesSection />
      <CannedRepliesSection />
    </Stack>
  );
}
